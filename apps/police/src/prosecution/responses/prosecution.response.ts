import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  POLICE_PROSECUTION_PHASES,
  PROSECUTION_VIEW_REDACTED,
  type PoliceProsecutionPhase,
  type PoliceProsecutionView,
} from '@casebridge/flows';
import type { TimelineEntry } from '@casebridge/platform';
import { TIMELINE_REDACTED, type RedactionPaths } from '@casebridge/sharing';
import type { PoliceProsecution } from '../police-prosecution.entity';

/** POST /prosecutions → the new prosecution. */
export class ProsecutionCreatedResponse {
  @ApiProperty({ example: '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c' }) prosecutionId!: string;
}

/** What a granted reader does not see (issue 12): the view's PROSECUTION_VIEW_REDACTED and what the timeline says. */
export const POLICE_PROSECUTION_REDACTED: RedactionPaths = [
  ...PROSECUTION_VIEW_REDACTED.map((f) => `view.${f}`),
  ...TIMELINE_REDACTED,
];

/** One prosecution as this office holds it: the flow's police view, its phase and its timeline. */
export class PoliceProsecutionResponse {
  @ApiProperty({ example: '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c' }) id!: string;
  @ApiProperty() linkedCaseId!: string;
  @ApiProperty({ example: 'police:210100' }) agencyId!: string;
  @ApiProperty() transferId!: string;
  @ApiProperty({ enum: POLICE_PROSECUTION_PHASES, example: 'returned' }) phase!: PoliceProsecutionPhase;
  @ApiPropertyOptional({ enum: POLICE_PROSECUTION_PHASES, nullable: true })
  previousPhase!: PoliceProsecutionPhase | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'libs/flows PoliceProsecutionView: procuratorate, case file (title, sha256), rounds, returnReasons, reviewVariant, reviewOverdue, courtAgencyId, decisionReasons',
  })
  view!: PoliceProsecutionView;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) timeline!: TimelineEntry[];
  @ApiProperty({ type: String, format: 'date-time' }) transferredAt!: string;

  static of(p: PoliceProsecution): PoliceProsecutionResponse {
    return {
      id: p.id,
      linkedCaseId: p.linkedCaseId,
      agencyId: p.agencyId,
      transferId: p.transferId,
      phase: p.phase,
      previousPhase: p.previousPhase,
      view: p.view,
      timeline: p.timeline,
      transferredAt: p.transferredAt.toISOString(),
    };
  }
}
