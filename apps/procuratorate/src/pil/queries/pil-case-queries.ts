import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import { readOwnOrGranted, TIMELINE_REDACTED, type CaseAccessContext, type RedactionPaths } from '@casebridge/sharing';
import {
  PROCURATORATE_PIL_ADMIN_ACT_RULES,
  PROCURATORATE_PIL_CIVIL_ACT_RULES,
  TRIAL_REDACTED,
} from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { entitySchema } from '@casebridge/platform';
import { PilCase, type PilCaseKind } from '../pil-case.entity';
import { adminPilNext, pilNotFound } from '../pil-case.record';

export type PilCaseView = Omit<PilCase, 'version'> & { closed: boolean; next: string | null };

export const PIL_CASE_VIEW_SCHEMA = entitySchema(PilCase, {
  omit: ['version'],
  extra: { closed: { type: 'boolean' }, next: { type: 'string', nullable: true } },
});

function rulesOf(c: PilCase) {
  return c.kind === 'administrative' ? PROCURATORATE_PIL_ADMIN_ACT_RULES : PROCURATORATE_PIL_CIVIL_ACT_RULES;
}

/** The case as its procuratorate reads it: the flow's view, the timeline, whether it is closed, what comes next. */
export function pilCaseView(c: PilCase): PilCaseView {
  const { version: _v, ...rest } = c;
  const rules = rulesOf(c);
  const closed = (rules.closed as readonly string[]).includes(c.phase);
  // the administrative path's next follows its view (filing upward does not move the phase)
  const next =
    c.kind === 'administrative' ? adminPilNext(c) : ((rules.next as Partial<Record<string, string>>)[c.phase] ?? null);
  return { ...rest, closed, next };
}

export class ListPilCasesRequest {
  @ApiPropertyOptional({ enum: ['administrative', 'civil', 'criminal-incidental-civil'] })
  @IsOptional()
  @IsIn(['administrative', 'civil', 'criminal-incidental-civil'], {
    message: 'kind must be administrative, civil or criminal-incidental-civil',
  })
  kind?: PilCaseKind;
}

/**
 * What an office reading a PIL case through a grant (not its procuratorate) does not see (issue 12, need-to-know):
 * the facts and findings, the agency's actions and reply, the closing reasons, the organisations that came forward
 * (names, credit codes, eligibility facts) and the plaintiff, and what the timeline says. It sees the ids, kind,
 * respondent, phase, document number, variant, courts and dates.
 */
export const PIL_CASE_REDACTED: RedactionPaths = [
  'view.facts',
  'view.findings',
  'view.agencyActions',
  'view.reply',
  'view.closingReasons',
  'view.organisations',
  'view.plaintiff',
  ...TIMELINE_REDACTED,
  ...TRIAL_REDACTED,
];

export class GetPilCaseQuery extends Query<PilCaseView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
@QueryHandler(GetPilCaseQuery)
export class GetPilCaseHandler implements IQueryHandler<GetPilCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, pilCaseId, access }: GetPilCaseQuery): Promise<PilCaseView> {
    // another procuratorate's case, without a grant, looks exactly like a missing one (need-to-know)
    return readOwnOrGranted(this.ds.getRepository(PilCase).findOneBy({ pilCaseId }), officer, access, {
      ownerOf: (r) => r.procuratorateAgencyId,
      notFound: pilNotFound(pilCaseId),
      view: pilCaseView,
      redacted: PIL_CASE_REDACTED,
    });
  }
}

export class ListPilCasesQuery extends Query<PilCaseView[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly filter: ListPilCasesRequest = {},
  ) {
    super();
  }
}
@QueryHandler(ListPilCasesQuery)
export class ListPilCasesHandler implements IQueryHandler<ListPilCasesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, filter }: ListPilCasesQuery): Promise<PilCaseView[]> {
    const rows = await this.ds.getRepository(PilCase).find({
      where: { procuratorateAgencyId: officer.agencyId, ...(filter.kind ? { kind: filter.kind } : {}) },
      order: { openedAt: 'DESC' },
      take: 200,
    });
    return rows.map(pilCaseView);
  }
}
