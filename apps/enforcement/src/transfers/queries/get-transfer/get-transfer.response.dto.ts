import { ApiProperty } from '@nestjs/swagger';
import type { MaterialItem, ThresholdFact } from '@casebridge/contracts';
import { type TimelineEntry } from '@casebridge/platform';
import type { TransferPhase } from '../../transfer.machine';
import type { Transfer } from '../../transfer.entity';
import { CLOSED_PHASES, TRANSFER_PHASES } from '../../transfer.machine';

/** One transfer as the enforcement agency sees it (GET /transfers, GET /transfers/{transferId}): the ORM entity never leaves the query layer. */
export class TransferResponse {
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  id!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  caseId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  linkedCaseId!: string;
  @ApiProperty({ enum: TRANSFER_PHASES })
  phase!: TransferPhase;
  @ApiProperty({
    enum: [...TRANSFER_PHASES, null],
    nullable: true,
    description:
      'the phase before the last change: the act guard (libs/platform assertAct) tells "done twice" from "out of order" by it',
  })
  previousPhase!: TransferPhase | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-06T08:30:00.000Z',
    nullable: true,
    description:
      'event time of the act that brought the transfer into its phase: an older act learnt later does not move it (libs/flows, the later act wins)',
  })
  phaseAt!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string' } })
  thresholdFacts!: ThresholdFact[];
  @ApiProperty({ type: String, example: '总铬超标 5.2 倍，暗管排放' })
  facts!: string;
  @ApiProperty({ type: 'array', items: { type: 'string' }, nullable: true })
  teamOfficerIds!: string[] | null;
  @ApiProperty({ type: String, example: '总铬超标 5.2 倍，暗管排放', nullable: true })
  teamSummary!: string | null;
  @ApiProperty({ type: String, example: '现有证据不足以证明达到追诉标准', nullable: true })
  refusalReasons!: string | null;
  @ApiProperty({ type: String, example: 'police:210100', nullable: true })
  policeAgencyId!: string | null;
  @ApiProperty({ type: String, example: 'procuratorate:210100', nullable: true })
  procuratorateAgencyId!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  materials!: MaterialItem[];
  @ApiProperty({ type: 'array', items: { type: 'string' } })
  missingMaterials!: string[];
  @ApiProperty({ type: String, example: '沈公（环）立字〔2025〕7号', nullable: true })
  policeCaseNumber!: string | null;
  @ApiProperty({ type: String, example: '现有证据不足以证明达到追诉标准', nullable: true })
  policeReasons!: string | null;
  @ApiProperty({ type: String, example: 'standard' })
  reviewVariant!: string;
  @ApiProperty({
    type: Boolean,
    description: 'set when the workflow reported transfer.filing-review missed: enforcement shall ask for supervision',
  })
  filingReviewOverdue!: boolean;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01', nullable: true })
  supervisionId!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  timeline!: TimelineEntry[];
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ type: Boolean, description: 'the transfer is in a closed phase (nothing more to do on our side)' })
  closed!: boolean;
}

/** The explicit mapping from the row to its answer: only these fields leave the query layer. */
export function toTransferResponse(e: Transfer): TransferResponse {
  return {
    id: e.id,
    caseId: e.caseId,
    linkedCaseId: e.linkedCaseId,
    phase: e.phase,
    previousPhase: e.previousPhase,
    phaseAt: e.phaseAt?.toISOString() ?? null,
    thresholdFacts: e.thresholdFacts,
    facts: e.facts,
    teamOfficerIds: e.teamOfficerIds,
    teamSummary: e.teamSummary,
    refusalReasons: e.refusalReasons,
    policeAgencyId: e.policeAgencyId,
    procuratorateAgencyId: e.procuratorateAgencyId,
    materials: e.materials,
    missingMaterials: e.missingMaterials,
    policeCaseNumber: e.policeCaseNumber,
    policeReasons: e.policeReasons,
    reviewVariant: e.reviewVariant,
    filingReviewOverdue: e.filingReviewOverdue,
    supervisionId: e.supervisionId,
    timeline: e.timeline,
    openedAt: e.openedAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    closed: CLOSED_PHASES.includes(e.phase),
  };
}
