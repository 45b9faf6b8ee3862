import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@casebridge/contracts';
import { CLAIMANT_EDC_ACT_RULES } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { entitySchema } from '@casebridge/platform';
import { EdcCase } from '../edc-case.entity';
import { edcNotFound } from '../edc-case.record';

export type EdcCaseView = Omit<EdcCase, 'version'> & { closed: boolean; next: string | null };

export const EDC_CASE_VIEW_SCHEMA = entitySchema(EdcCase, {
  omit: ['version'],
  extra: { closed: { type: 'boolean' }, next: { type: 'string', nullable: true } },
});

function view(c: EdcCase): EdcCaseView {
  const { version: _v, ...rest } = c;
  return {
    ...rest,
    closed: CLAIMANT_EDC_ACT_RULES.closed.includes(c.phase),
    next: CLAIMANT_EDC_ACT_RULES.next[c.phase] ?? null,
  };
}

export class GetEdcCaseQuery extends Query<EdcCaseView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly edcCaseId: string,
  ) {
    super();
  }
}
@QueryHandler(GetEdcCaseQuery)
export class GetEdcCaseHandler implements IQueryHandler<GetEdcCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, edcCaseId }: GetEdcCaseQuery): Promise<EdcCaseView> {
    const c = await this.ds.getRepository(EdcCase).findOneBy({ edcCaseId });
    if (!c || c.agencyId !== officer.agencyId) {
      const { code, message } = edcNotFound(edcCaseId);
      throw new DomainError(code, 'not-found', message);
    }
    return view(c);
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
    return rows.map(view);
  }
}
