import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
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
  evidence: { evidenceId: string; kind: string; fileName: string; sha256: string; sizeBytes: number; custody: unknown[] }[];
}

export function toCaseView(c: AdministrativeCase, evidence: Evidence[], now = new Date()): CaseView {
  return {
    caseId: c.id, linkedCaseId: c.linkedCaseId, caseNumber: c.caseNumber, region: c.region,
    party: { name: c.partyName, creditCode: c.partyCreditCode }, violation: c.violation,
    discoveredAt: c.discoveredAt.toISOString(), registeredAt: c.registeredAt.toISOString(), status: c.status,
    penaltyClock: penaltyClock(c.registeredAt, c.penaltySuspensions, now),
    evidence: evidence.map((e) => ({ evidenceId: e.id, kind: e.kind, fileName: e.fileName, sha256: e.sha256, sizeBytes: e.sizeBytes, custody: e.custody })),
  };
}

export class GetCaseQuery extends Query<CaseView> {
  constructor(readonly officer: OfficerClaims, readonly caseId: string) { super(); }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, caseId }: GetCaseQuery): Promise<CaseView> {
    const c = ensureOwnAgency(await this.ds.getRepository(AdministrativeCase).findOneBy({ id: caseId }), officer,
      { code: ErrorCodes.caseNotFound, message: `No case ${caseId} in your agency.` });
    const evidence = await this.ds.getRepository(Evidence).find({ where: { caseId }, order: { attachedAt: 'ASC' } });
    return toCaseView(c, evidence);
  }
}

export class ListCasesQuery extends Query<CaseView[]> {
  constructor(readonly officer: OfficerClaims) { super(); }
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListCasesQuery): Promise<CaseView[]> {
    const cases = await this.ds.getRepository(AdministrativeCase).find({ where: { agencyId: officer.agencyId }, order: { registeredAt: 'DESC' }, take: 200 });
    return cases.map((c) => toCaseView(c, []));
  }
}
