import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readOwnOrGranted, TIMELINE_REDACTED, type CaseAccessContext, type RedactionPaths } from '@casebridge/sharing';
import { CLAIMANT_EDC_ACT_RULES } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { entitySchema } from '@casebridge/platform';
import { EdcCase } from '../edc-case.entity';
import { edcNext, edcNotFound } from '../edc-case.record';

export type EdcCaseView = Omit<EdcCase, 'version'> & { closed: boolean; next: string | null };

export const EDC_CASE_VIEW_SCHEMA = entitySchema(EdcCase, {
  omit: ['version'],
  extra: { closed: { type: 'boolean' }, next: { type: 'string', nullable: true } },
});

/** The case as its claimant reads it: what comes next follows the view (meetings held), not the phase alone. */
export function edcCaseView(c: EdcCase): EdcCaseView {
  const { version: _v, ...rest } = c;
  return {
    ...rest,
    closed: CLAIMANT_EDC_ACT_RULES.closed.includes(c.phase),
    next: edcNext(c),
  };
}

/**
 * What an office reading a damage compensation case through a grant (not the claimant) does not see (issue 12,
 * need-to-know): the liable party (name, credit code — also the `liableCreditCode` column), the damage, the meetings,
 * the agreement and failure reasons, and what the timeline says. It sees the ids, notice number, phase, court and dates.
 */
export const EDC_CASE_REDACTED: RedactionPaths = [
  'liableCreditCode',
  'view.liableParty',
  'view.damage',
  'view.meetings',
  'view.agreementSummary',
  'view.failureReasons',
  ...TIMELINE_REDACTED,
];

export class GetEdcCaseQuery extends Query<EdcCaseView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly edcCaseId: string,
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
@QueryHandler(GetEdcCaseQuery)
export class GetEdcCaseHandler implements IQueryHandler<GetEdcCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, edcCaseId, access }: GetEdcCaseQuery): Promise<EdcCaseView> {
    return readOwnOrGranted(this.ds.getRepository(EdcCase).findOneBy({ edcCaseId }), officer, access, {
      ownerOf: (x) => x.agencyId,
      notFound: edcNotFound(edcCaseId),
      view: edcCaseView,
      redacted: EDC_CASE_REDACTED,
    });
  }
}

export class ListEdcCasesQuery extends Query<EdcCaseView[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}
@QueryHandler(ListEdcCasesQuery)
export class ListEdcCasesHandler implements IQueryHandler<ListEdcCasesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListEdcCasesQuery): Promise<EdcCaseView[]> {
    const rows = await this.ds
      .getRepository(EdcCase)
      .find({ where: { agencyId: officer.agencyId }, order: { openedAt: 'DESC' }, take: 200 });
    return rows.map(edcCaseView);
  }
}
