import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROCURATORATE_PROSECUTION_PHASES,
  PROSECUTION_VIEW_REDACTED,
  TRIAL_REDACTED,
  type ProcuratorateProsecutionPhase,
  type ProcuratorateProsecutionView,
  type TrialView,
} from '@casebridge/flows';
import type { TimelineEntry } from '@casebridge/platform';
import { TIMELINE_REDACTED, type RedactionPaths } from '@casebridge/sharing';
import type { ProsecutionReview } from '../prosecution-review.entity';

/** POST …/return → the round the case was returned for. */
export class ReturnedResponse {
  @ApiProperty({ example: 1, minimum: 1, maximum: 2 }) round!: number;
}

/** What a granted reader does not see (issue 12): the view's PROSECUTION_VIEW_REDACTED and what the timeline says. */
export const PROSECUTION_REVIEW_REDACTED: RedactionPaths = [
  ...PROSECUTION_VIEW_REDACTED.map((f) => `view.${f}`),
  ...TIMELINE_REDACTED,
  ...TRIAL_REDACTED,
];

/** One prosecution as this procuratorate holds it: the flow's view, its phase and its timeline. */
export class ProsecutionReviewResponse {
  @ApiProperty({ example: '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c' }) id!: string;
  @ApiProperty() linkedCaseId!: string;
  @ApiProperty({ example: 'procuratorate:210100' }) agencyId!: string;
  @ApiProperty({ enum: PROCURATORATE_PROSECUTION_PHASES, example: 'under-review' })
  phase!: ProcuratorateProsecutionPhase;
  @ApiPropertyOptional({ enum: PROCURATORATE_PROSECUTION_PHASES, nullable: true })
  previousPhase!: ProcuratorateProsecutionPhase | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'libs/flows ProcuratorateProsecutionView: police office, enforcement agency, case file (title, sha256), rounds, reviewVariant, reviewOverdue, courtAgencyId, decisionReasons, penaltyOpinion, notifiedAt',
  })
  view!: ProcuratorateProsecutionView;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) timeline!: TimelineEntry[];
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'the court case of the indictment, once received',
  })
  courtCaseId!: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'libs/flows TrialView, null until the court received the indictment: court, phase (received, not-accepted, docketed, hearing-scheduled, judged, settled), docket number, hearing, judgment, restoration order (percentDone, status)',
  })
  trial!: TrialView | null;

  static of(p: ProsecutionReview): ProsecutionReviewResponse {
    return {
      id: p.id,
      linkedCaseId: p.linkedCaseId,
      agencyId: p.agencyId,
      phase: p.phase,
      previousPhase: p.previousPhase,
      view: p.view,
      timeline: p.timeline,
      receivedAt: p.receivedAt.toISOString(),
      courtCaseId: p.courtCaseId,
      trial: p.trial,
    };
  }
}
