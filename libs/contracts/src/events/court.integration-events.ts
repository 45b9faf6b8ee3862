import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { defineEvent } from '../registry';

/** Court (人民法院), flows.md §3–4. */
export class CourtCaseDocketedV1 {
  @IsUUID() courtCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(64) docketNumber!: string;
  @IsIn(['criminal', 'civil', 'administrative']) track!: 'criminal' | 'civil' | 'administrative';
  @IsIn(['ordinary', 'simplified']) procedure!: 'ordinary' | 'simplified';
  /** the prosecution or PIL case it answers */
  @IsUUID() sourceId!: string;
}
export const CourtCaseDocketed = defineEvent({
  type: 'court.case-docketed',
  version: 1,
  payload: CourtCaseDocketedV1,
  producers: ['court'],
  description:
    'Docketed (court.docket); starts court.trial-* and, for a PIL, court.serve-complaint and court.notify-agency.',
});

export class CourtHearingScheduledV1 {
  @IsUUID() courtCaseId!: string;
  @IsISO8601({ strict: true }) hearingAt!: string;
}
export const CourtHearingScheduled = defineEvent({
  type: 'court.hearing-scheduled',
  version: 1,
  payload: CourtHearingScheduledV1,
  producers: ['court'],
  description: 'Hearing notice must be served ≥ 3 days before (court.hearing-notice).',
});

export class CourtJudgmentRenderedV1 {
  @IsUUID() courtCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
  @IsOptional() @IsString() @MaxLength(4000) restorationOrder?: string;
}
export const CourtJudgmentRendered = defineEvent({
  type: 'court.judgment-rendered',
  version: 1,
  payload: CourtJudgmentRenderedV1,
  producers: ['court'],
  description: 'Judgment; a restoration order is tracked until executed.',
});

export const COURT_EVENTS = [CourtCaseDocketed, CourtHearingScheduled, CourtJudgmentRendered];
