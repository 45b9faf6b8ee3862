import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATERIAL_KINDS } from '@casebridge/contracts';
import type { AdministrativeCase } from '../../administrative-case.entity';
import type { Evidence } from '../../evidence.entity';
import { penaltyClock } from '../../penalty-clock';

const UUID = '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01';
const INSTANT = '2026-12-06T08:30:00.000Z';

export class CasePartyResponse {
  @ApiProperty({ example: '沈阳某化工有限公司' }) name!: string;
  @ApiProperty({ example: '91210100MA0XXXXXX1', description: 'unified social credit code (GB 32100-2015)' })
  creditCode!: string;
}

/** The administrative-penalty clock (penalty.decision-period) of the case as of the request. */
export class PenaltyClockResponse {
  @ApiProperty({ example: 'penalty.decision-period' }) ruleId!: string;
  @ApiProperty({ enum: ['running', 'suspended', 'overdue'] }) status!: 'running' | 'suspended' | 'overdue';
  @ApiProperty({ format: 'date-time', example: INSTANT }) registeredAt!: string;
  @ApiProperty({ format: 'date-time', example: INSTANT }) dueAt!: string;
  @ApiProperty({ example: '2027-03-06', description: 'the last day of the period (YYYY-MM-DD)' }) lastDay!: string;
  @ApiProperty({ description: 'true while suspended: dueAt assumes the clock resumed now' }) projected!: boolean;
  @ApiProperty({ example: '89 days' }) remaining!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'suspensions: { from, to, reason }' })
  suspensions!: object[];
  @ApiProperty({ description: 'the legal basis of the period' }) basis!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the explanation trace of the computation' })
  explain!: unknown;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'integer' },
    description:
      'years counted on the statutory floor (no official holiday arrangement loaded): the due date is provisional',
  })
  provisionalYears?: readonly number[];
}

export class EvidenceItemResponse {
  @ApiProperty({ format: 'uuid', example: UUID }) evidenceId!: string;
  @ApiProperty({ enum: MATERIAL_KINDS, example: 'monitoring-report' }) kind!: string;
  @ApiProperty({ example: '监测报告.pdf' }) fileName!: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256!: string;
  @ApiProperty({ type: 'integer', example: 524288, description: 'bytes' }) sizeBytes!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'chain of custody steps' })
  custody!: unknown[];
}

/** One administrative case (GET /cases, GET /cases/{caseId}): the ORM entities never leave the query layer. */
export class CaseResponse {
  @ApiProperty({ format: 'uuid', example: UUID }) caseId!: string;
  @ApiProperty({ format: 'uuid', example: UUID }) linkedCaseId!: string;
  @ApiProperty({ example: '沈环罚〔2025〕12号' }) caseNumber!: string;
  @ApiProperty({ example: '210100' }) region!: string;
  @ApiProperty({ type: CasePartyResponse }) party!: CasePartyResponse;
  @ApiProperty({ example: '超标排放含铬废水' }) violation!: string;
  @ApiProperty({ format: 'date-time', example: INSTANT }) discoveredAt!: string;
  @ApiProperty({ format: 'date-time', example: INSTANT }) registeredAt!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: PenaltyClockResponse }) penaltyClock!: PenaltyClockResponse;
  @ApiProperty({ type: [EvidenceItemResponse], description: 'evidence, oldest first (empty in lists)' })
  evidence!: EvidenceItemResponse[];
}

/** The explicit mapping from the case row and its evidence rows to the answer. */
export function toCaseResponse(c: AdministrativeCase, evidence: Evidence[], now = new Date()): CaseResponse {
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
