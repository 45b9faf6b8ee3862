import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import { DomainError } from '@casebridge/contracts';
import { PROCURATORATE_PIL_ADMIN_ACT_RULES, PROCURATORATE_PIL_CIVIL_ACT_RULES } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { entitySchema } from '@casebridge/platform';
import { PilCase, type PilCaseKind } from '../pil-case.entity';
import { pilNotFound } from '../pil-case.record';

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
  const next = (rules.next as Partial<Record<string, string>>)[c.phase] ?? null;
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

export class GetPilCaseQuery extends Query<PilCaseView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
  ) {
    super();
  }
}
@QueryHandler(GetPilCaseQuery)
export class GetPilCaseHandler implements IQueryHandler<GetPilCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, pilCaseId }: GetPilCaseQuery): Promise<PilCaseView> {
    const c = await this.ds.getRepository(PilCase).findOneBy({ pilCaseId });
    // another procuratorate's case looks exactly like a missing one (need-to-know)
    if (!c || c.procuratorateAgencyId !== officer.agencyId) {
      const { code, message } = pilNotFound(pilCaseId);
      throw new DomainError(code, 'not-found', message);
    }
    return pilCaseView(c);
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
