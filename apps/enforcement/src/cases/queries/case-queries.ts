import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SchemaObject } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ErrorCodes, MATERIAL_KINDS } from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { AdministrativeCase } from '../administrative-case.entity';
import { Evidence } from '../evidence.entity';
import { penaltyClock, type PenaltyClockView } from '../penalty-clock';

export interface CaseView {
  caseId: string;
  linkedCaseId: string;
  caseNumber: string;
  region: string;
  party: { name: string; creditCode: string };
  violation: string;
  discoveredAt: string;
  registeredAt: string;
  status: string;
  penaltyClock: PenaltyClockView;
  evidence: {
    evidenceId: string;
    kind: string;
    fileName: string;
    sha256: string;
    sizeBytes: number;
    custody: unknown[];
  }[];
}

const text = { type: 'string' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const strict = (properties: Record<string, object>, optional: string[] = []): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
});
/** OpenAPI schema of a CaseView (kept beside the type; the fuzz run checks real answers against it). */
export const CASE_VIEW_SCHEMA: SchemaObject = strict({
  caseId: { type: 'string', format: 'uuid' },
  linkedCaseId: { type: 'string', format: 'uuid' },
  caseNumber: text,
  region: text,
  party: strict({ name: text, creditCode: text }),
  violation: text,
  discoveredAt: instant,
  registeredAt: instant,
  status: { type: 'string', enum: ['open', 'closed'] },
  penaltyClock: strict(
    {
      ruleId: text,
      status: { type: 'string', enum: ['running', 'suspended', 'overdue'] },
      registeredAt: instant,
      dueAt: instant,
      lastDay: text,
      projected: { type: 'boolean' },
      remaining: text,
      suspensions: { type: 'array', items: { type: 'object' } },
      basis: text,
      explain: {},
      provisionalYears: { type: 'array', items: { type: 'integer' } },
    },
    ['provisionalYears'],
  ),
  evidence: {
    type: 'array',
    items: strict({
      evidenceId: { type: 'string', format: 'uuid' },
      kind: { type: 'string', enum: [...MATERIAL_KINDS] },
      fileName: text,
      sha256: text,
      sizeBytes: { type: 'integer' },
      custody: { type: 'array', items: { type: 'object' } },
    }),
  },
});

export function toCaseView(c: AdministrativeCase, evidence: Evidence[], now = new Date()): CaseView {
  return {
    caseId: c.id,
    linkedCaseId: c.linkedCaseId,
    caseNumber: c.caseNumber,
    region: c.region,
    party: { name: c.partyName, creditCode: c.partyCreditCode },
    violation: c.violation,
    discoveredAt: c.discoveredAt.toISOString(),
    registeredAt: c.registeredAt.toISOString(),
    status: c.status,
    penaltyClock: penaltyClock(c.registeredAt, c.penaltySuspensions, now),
    evidence: evidence.map((e) => ({
      evidenceId: e.id,
      kind: e.kind,
      fileName: e.fileName,
      sha256: e.sha256,
      sizeBytes: e.sizeBytes,
      custody: e.custody,
    })),
  };
}

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, caseId }: GetCaseQuery): Promise<CaseView> {
    const c = ensureOwnAgency(await this.ds.getRepository(AdministrativeCase).findOneBy({ id: caseId }), officer, {
      code: ErrorCodes.caseNotFound,
      message: `No case ${caseId} in your agency.`,
    });
    const evidence = await this.ds.getRepository(Evidence).find({ where: { caseId }, order: { attachedAt: 'ASC' } });
    return toCaseView(c, evidence);
  }
}

export class ListCasesQuery extends Query<CaseView[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListCasesQuery): Promise<CaseView[]> {
    const cases = await this.ds
      .getRepository(AdministrativeCase)
      .find({ where: { agencyId: officer.agencyId }, order: { registeredAt: 'DESC' }, take: 200 });
    return cases.map((c) => toCaseView(c, []));
  }
}
