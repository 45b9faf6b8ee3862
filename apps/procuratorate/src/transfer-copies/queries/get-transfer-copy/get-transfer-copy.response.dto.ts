import { ApiProperty } from '@nestjs/swagger';
import type { MaterialItem, MaterialKind, SupervisionGround, ThresholdFact } from '@casebridge/contracts';
import type { TimelineEntry } from '@casebridge/platform';
import type { TransferCopy } from '../../transfer-copy.entity';
import { TRANSFER_COPY_STATUSES, type TransferCopyStatus } from '../../transfer-copy.entity';

/** The procuratorate's copy of one transfer (GET /transfer-copies, GET /transfer-copies/{transferId}): the ORM entity never leaves the query layer. */
export class TransferCopyResponse {
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  transferId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  linkedCaseId!: string;
  @ApiProperty({
    format: 'uuid',
    example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
    description: "the enforcement agency's own case id",
  })
  caseId!: string;
  @ApiProperty({ type: String, example: 'enforcement:210100' })
  enforcementAgencyId!: string;
  @ApiProperty({ type: String, example: 'police:210100' })
  policeAgencyId!: string;
  @ApiProperty({ type: String, example: '沈环罚〔2025〕12号' })
  caseNumber!: string;
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
  @ApiProperty({ type: 'array', items: { type: 'string' } })
  missingMaterials!: MaterialKind[];
  @ApiProperty({ enum: TRANSFER_COPY_STATUSES })
  status!: TransferCopyStatus;
  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-06T08:30:00.000Z',
    nullable: true,
    description:
      '* Event time of the act that set `status`. Events of one transfer come from two topics (enforcement, police) and may be applied out of their real order; the later act wins (the timeline keeps all).',
  })
  statusAt!: string | null;
  @ApiProperty({ type: String, example: '沈公（环）受字〔2025〕31号', nullable: true })
  receiptNumber!: string | null;
  @ApiProperty({ type: String, example: 'standard' })
  reviewVariant!: string;
  @ApiProperty({ type: String, example: '沈公（环）立字〔2025〕7号', nullable: true })
  policeCaseNumber!: string | null;
  @ApiProperty({ type: String, example: '现有证据不足以证明达到追诉标准', nullable: true })
  policeReasons!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  handedOverItems!: MaterialItem[];
  @ApiProperty({
    type: Boolean,
    description: 'a request for filing supervision from the enforcement agency is pending (not yet acted on)',
  })
  supervisionRequested!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'ground and reasons of the latest request (kept after a supervision was opened on it)',
  })
  supervisionGround!: Exclude<SupervisionGround, 'own-motion'> | null;
  @ApiProperty({ type: String, example: '现有证据不足以证明达到追诉标准', nullable: true })
  supervisionReasons!: string | null;
  @ApiProperty({
    format: 'uuid',
    example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
    nullable: true,
    description: 'the latest filing supervision opened on this transfer',
  })
  supervisionId!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  timeline!: TimelineEntry[];
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  sentAt!: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  updatedAt!: string;
}

/** The explicit mapping from the row to its answer: only these fields leave the query layer. */
export function toTransferCopyResponse(e: TransferCopy): TransferCopyResponse {
  return {
    transferId: e.transferId,
    linkedCaseId: e.linkedCaseId,
    caseId: e.caseId,
    enforcementAgencyId: e.enforcementAgencyId,
    policeAgencyId: e.policeAgencyId,
    caseNumber: e.caseNumber,
    party: e.party,
    summary: e.summary,
    thresholdFacts: e.thresholdFacts,
    materials: e.materials,
    missingMaterials: e.missingMaterials,
    status: e.status,
    statusAt: e.statusAt?.toISOString() ?? null,
    receiptNumber: e.receiptNumber,
    reviewVariant: e.reviewVariant,
    policeCaseNumber: e.policeCaseNumber,
    policeReasons: e.policeReasons,
    handedOverItems: e.handedOverItems,
    supervisionRequested: e.supervisionRequested,
    supervisionGround: e.supervisionGround,
    supervisionReasons: e.supervisionReasons,
    supervisionId: e.supervisionId,
    timeline: e.timeline,
    sentAt: e.sentAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
