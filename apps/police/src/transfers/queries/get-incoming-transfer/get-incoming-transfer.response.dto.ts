import { ApiProperty } from '@nestjs/swagger';
import type { MaterialItem, ThresholdFact } from '@casebridge/contracts';
import { type TimelineEntry } from '@casebridge/platform';
import type { IncomingPhase } from '../../incoming-transfer.machine';
import type { IncomingTransfer } from '../../incoming-transfer.entity';
import { INCOMING_PHASES } from '../../incoming-transfer.machine';

/** One transfer sent or forwarded to the caller's police office (GET /transfers, GET /transfers/{transferId}): the ORM entity never leaves the query layer. */
export class IncomingTransferResponse {
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  id!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  linkedCaseId!: string;
  @ApiProperty({
    type: String,
    example: 'police:210100',
    description: 'the police office it was sent or forwarded to: one row per office that received it',
  })
  agencyId!: string;
  @ApiProperty({ type: String, example: 'enforcement:210100' })
  fromAgencyId!: string;
  @ApiProperty({ type: String, example: 'procuratorate:210100' })
  copyToAgencyId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  enforcementCaseId!: string;
  @ApiProperty({ type: String, example: '沈环罚〔2025〕12号' })
  enforcementCaseNumber!: string;
  @ApiProperty({
    type: 'object',
    properties: { name: { type: 'string' }, creditCode: { type: 'string' } },
    required: ['name', 'creditCode'],
    example: { name: '沈阳某化工有限公司', creditCode: '91210100MA0XXXXXX1' },
  })
  party!: { name: string; creditCode: string };
  @ApiProperty({ type: String, example: '总铬超标 5.2 倍，暗管排放' })
  summary!: string;
  @ApiProperty({ type: 'array', items: { type: 'string' } })
  thresholdFacts!: ThresholdFact[];
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  materials!: MaterialItem[];
  @ApiProperty({ enum: INCOMING_PHASES })
  phase!: IncomingPhase;
  @ApiProperty({
    enum: [...INCOMING_PHASES, null],
    nullable: true,
    description: 'the phase before the last change (libs/platform PhaseTracked, for the act guard)',
  })
  previousPhase!: IncomingPhase | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-06T08:30:00.000Z',
    nullable: true,
    description: 'event time of the act that brought the transfer into its phase (libs/flows: the later act wins)',
  })
  phaseAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  receivedAt!: string;
  @ApiProperty({ type: String, example: '沈公（环）受字〔2025〕31号', nullable: true })
  receiptNumber!: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z', nullable: true })
  receiptSignedAt!: string | null;
  @ApiProperty({ type: String, example: 'standard' })
  reviewVariant!: string;
  @ApiProperty({ type: String, example: '沈公（环）立字〔2025〕7号', nullable: true })
  policeCaseNumber!: string | null;
  @ApiProperty({ type: String, example: '现有证据不足以证明达到追诉标准', nullable: true })
  decisionReasons!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string' } })
  missingMaterials!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  timeline!: TimelineEntry[];
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  updatedAt!: string;
}

/** The explicit mapping from the row to its answer: only these fields leave the query layer. */
export function toIncomingTransferResponse(e: IncomingTransfer): IncomingTransferResponse {
  return {
    id: e.id,
    linkedCaseId: e.linkedCaseId,
    agencyId: e.agencyId,
    fromAgencyId: e.fromAgencyId,
    copyToAgencyId: e.copyToAgencyId,
    enforcementCaseId: e.enforcementCaseId,
    enforcementCaseNumber: e.enforcementCaseNumber,
    party: e.party,
    summary: e.summary,
    thresholdFacts: e.thresholdFacts,
    materials: e.materials,
    phase: e.phase,
    previousPhase: e.previousPhase,
    phaseAt: e.phaseAt?.toISOString() ?? null,
    receivedAt: e.receivedAt.toISOString(),
    receiptNumber: e.receiptNumber,
    receiptSignedAt: e.receiptSignedAt?.toISOString() ?? null,
    reviewVariant: e.reviewVariant,
    policeCaseNumber: e.policeCaseNumber,
    decisionReasons: e.decisionReasons,
    missingMaterials: e.missingMaterials,
    timeline: e.timeline,
    updatedAt: e.updatedAt.toISOString(),
  };
}
