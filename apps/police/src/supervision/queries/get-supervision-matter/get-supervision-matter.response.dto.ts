import { ApiProperty } from '@nestjs/swagger';
import { type TimelineEntry } from '@casebridge/platform';
import type { SupervisionMatter } from '../../supervision-matter.entity';
import { MATTER_PHASES, type MatterPhase } from '../../supervision-matter.entity';

/** One filing supervision of the procuratorate on a transfer of the caller's office (GET /supervision, GET /supervision/{supervisionId}): the ORM entity never leaves the query layer. */
export class SupervisionMatterResponse {
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  id!: string;
  @ApiProperty({ type: String, example: 'police:210100' })
  agencyId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  transferId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  linkedCaseId!: string;
  @ApiProperty({ type: String, example: 'procuratorate:210100' })
  procuratorateAgencyId!: string;
  @ApiProperty({ enum: MATTER_PHASES })
  phase!: MatterPhase;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'event time of the act that set the phase (the later act wins: libs/flows)',
  })
  phaseAt!: string | null;
  @ApiProperty({
    enum: [...MATTER_PHASES, null],
    nullable: true,
    description: 'the phase before the last change (libs/platform PhaseTracked, for the act guard)',
  })
  previousPhase!: MatterPhase | null;
  @ApiProperty({ type: String, example: '请说明不立案理由', nullable: true })
  question!: string | null;
  @ApiProperty({ type: String, example: '沈检通立〔2025〕3号', nullable: true })
  noticeNumber!: string | null;
  @ApiProperty({ type: Boolean })
  correctionIssued!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  timeline!: TimelineEntry[];
}

/** The explicit mapping from the row to its answer: only these fields leave the query layer. */
export function toSupervisionMatterResponse(e: SupervisionMatter): SupervisionMatterResponse {
  return {
    id: e.id,
    agencyId: e.agencyId,
    transferId: e.transferId,
    linkedCaseId: e.linkedCaseId,
    procuratorateAgencyId: e.procuratorateAgencyId,
    phase: e.phase,
    phaseAt: e.phaseAt?.toISOString() ?? null,
    previousPhase: e.previousPhase,
    question: e.question,
    noticeNumber: e.noticeNumber,
    correctionIssued: e.correctionIssued,
    timeline: e.timeline,
  };
}
