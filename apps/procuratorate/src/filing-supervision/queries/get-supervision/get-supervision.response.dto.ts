import { ApiProperty } from '@nestjs/swagger';
import type { SupervisionGround } from '@casebridge/contracts';
import type { TimelineEntry } from '@casebridge/platform';
import type { FilingSupervisionPhase } from '../../filing-supervision.machine';
import type { FilingSupervision } from '../../filing-supervision.entity';
import { FILING_SUPERVISION_PHASES, isClosed } from '../../filing-supervision.machine';

/** One filing supervision of the caller's procuratorate (GET /filing-supervisions, GET /filing-supervisions/{supervisionId}): the ORM entity never leaves the query layer. */
export class SupervisionResponse {
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  supervisionId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  transferId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  linkedCaseId!: string;
  @ApiProperty({
    type: String,
    example: 'procuratorate:210100',
    description: 'the supervising procuratorate: only it reads and acts on this record',
  })
  procuratorateAgencyId!: string;
  @ApiProperty({ type: String, example: 'police:210100' })
  policeAgencyId!: string;
  @ApiProperty({ type: String, example: 'enforcement:210100' })
  enforcementAgencyId!: string;
  @ApiProperty({ type: String })
  ground!: SupervisionGround;
  @ApiProperty({ enum: FILING_SUPERVISION_PHASES })
  phase!: FilingSupervisionPhase;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'event time of the act that set the phase (the later act wins: libs/flows)',
  })
  phaseAt!: string | null;
  @ApiProperty({
    type: String,
    example: '请说明不立案理由',
    nullable: true,
    description: 'what the police were asked to explain (supervision.police-explain)',
  })
  question!: string | null;
  @ApiProperty({
    type: String,
    example: '现有证据不足以证明达到追诉标准',
    nullable: true,
    description: 'the police reasons for not filing (filing-supervision.explained)',
  })
  policeReasons!: string | null;
  @ApiProperty({
    type: String,
    example: '沈检通立〔2025〕3号',
    nullable: true,
    description: 'number of the 通知立案书 (supervision.police-file)',
  })
  noticeNumber!: string | null;
  @ApiProperty({
    type: Boolean,
    description: 'set when the workflow reported supervision.police-file missed: a correction notice may follow',
  })
  policeFileOverdue!: boolean;
  @ApiProperty({
    type: Boolean,
    description:
      'set when the workflow reported supervision.police-explain missed: a notice to file may follow without reasons',
  })
  policeExplainOverdue!: boolean;
  @ApiProperty({ type: String, example: 'procuratorate:210100', nullable: true })
  escalatedTo!: string | null;
  @ApiProperty({ type: String, example: '沈公（环）立字〔2025〕7号', nullable: true })
  policeCaseNumber!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  timeline!: TimelineEntry[];
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ type: Boolean, description: 'the supervision is closed' })
  closed!: boolean;
}

/** The explicit mapping from the row to its answer: only these fields leave the query layer. */
export function toSupervisionResponse(e: FilingSupervision): SupervisionResponse {
  return {
    supervisionId: e.supervisionId,
    transferId: e.transferId,
    linkedCaseId: e.linkedCaseId,
    procuratorateAgencyId: e.procuratorateAgencyId,
    policeAgencyId: e.policeAgencyId,
    enforcementAgencyId: e.enforcementAgencyId,
    ground: e.ground,
    phase: e.phase,
    phaseAt: e.phaseAt?.toISOString() ?? null,
    question: e.question,
    policeReasons: e.policeReasons,
    noticeNumber: e.noticeNumber,
    policeFileOverdue: e.policeFileOverdue,
    policeExplainOverdue: e.policeExplainOverdue,
    escalatedTo: e.escalatedTo,
    policeCaseNumber: e.policeCaseNumber,
    timeline: e.timeline,
    openedAt: e.openedAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    closed: isClosed(e.phase),
  };
}
