import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

/** Court (人民法院), flows.md §3–4. */

/** The tracks a court case is tried on (三审合一: one environmental tribunal tries all three). */
export const COURT_TRACKS = ['criminal', 'civil', 'administrative'] as const;
export type CourtTrack = (typeof COURT_TRACKS)[number];

/** Where a court case came from: an indictment, a PIL suit, an EDC suit, an EDC confirmation application. */
export const COURT_CASE_SOURCES = ['prosecution', 'pil', 'edc-suit', 'edc-confirmation'] as const;
export type CourtCaseSource = (typeof COURT_CASE_SOURCES)[number];

/**
 * The court received an indictment (prosecution.decided), a PIL suit (pil.suit-filed), an EDC suit
 * (edc.suit-filed) or an EDC confirmation application (edc.confirmation-applied): starts court.docket, or
 * edc.confirmation-announcement for a confirmation application.
 */
export class CourtCaseReceivedV1 {
  @IsUUID() courtCaseId!: string;
  @IsIn(COURT_CASE_SOURCES) source!: CourtCaseSource;
  /** the prosecution, PIL or EDC case it answers */
  @IsUUID() sourceId!: string;
  @IsIn(COURT_TRACKS) track!: CourtTrack;
  /** the procuratorate (indictment, PIL) or the claimant agency (EDC) that brought it */
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) plaintiffAgencyId!: string;
  /** PIL of the procuratorate: administrative or civil (drives court.serve-complaint / court.notify-agency) */
  @IsOptional() @IsIn(['administrative', 'civil']) pilKind?: 'administrative' | 'civil';
}
export const CourtCaseReceived = defineEvent({
  type: 'court.case-received',
  version: 1,
  payload: CourtCaseReceivedV1,
  producers: ['court'],
  description:
    'The court received a case (indictment, PIL suit, EDC suit or confirmation application); starts court.docket (edc.confirmation-announcement for a confirmation).',
});

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

/** The court ruled not to accept the case (不予受理), within court.docket; optionally forwarded to the competent court. */
export class CourtCaseNotAcceptedV1 {
  @IsUUID() courtCaseId!: string;
  @IsUUID() sourceId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
  /** the court the jurisdiction map gives the case to, when forwarded there (集中管辖) */
  @IsOptional() @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) forwardedTo?: string;
}
export const CourtCaseNotAccepted = defineEvent({
  type: 'court.case-not-accepted',
  version: 1,
  payload: CourtCaseNotAcceptedV1,
  producers: ['court'],
  description:
    'Ruling not to accept (court.docket met); the plaintiff may appeal. With forwardedTo: the jurisdiction map gives the case to another court.',
});

/** The complaint of a procuratorate civil PIL was served on the defendant (court.serve-complaint, PILJI art 17). */
export class CourtComplaintServedV1 {
  @IsUUID() courtCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(500) servedOn!: string;
}
export const CourtComplaintServed = defineEvent({
  type: 'court.complaint-served',
  version: 1,
  payload: CourtComplaintServedV1,
  producers: ['court'],
  description: 'Complaint served (ends court.serve-complaint).',
});

/** The competent administrative agency was notified of a PIL in writing (court.notify-agency; CivJI art 284). */
export class CourtAgencyNotifiedV1 {
  @IsUUID() courtCaseId!: string;
  /** the notified agency (an enforcement office) */
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) agencyId!: string;
  @IsString() @MinLength(1) @MaxLength(64) noticeNumber!: string;
  @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
  @IsString() @MinLength(1) @MaxLength(64) docketNumber!: string;
}
export const CourtAgencyNotified = defineEvent({
  type: 'court.agency-notified',
  version: 1,
  payload: CourtAgencyNotifiedV1,
  producers: ['court'],
  description: 'Written notice of a PIL to the competent administrative agency (ends court.notify-agency).',
});

/** Announcement for co-plaintiffs of a civil PIL (court.co-plaintiff-window, 30 days; EnvPIL art 10). */
export class CourtCoPlaintiffAnnouncedV1 {
  @IsUUID() courtCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(500) channel!: string;
}
export const CourtCoPlaintiffAnnounced = defineEvent({
  type: 'court.co-plaintiff-announced',
  version: 1,
  payload: CourtCoPlaintiffAnnouncedV1,
  producers: ['court'],
  description: 'Starts court.co-plaintiff-window (eligible organisations apply within 30 days).',
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

/** A PIL settlement or mediation agreement announced (court.settlement-announcement, ≥ 30 days before approval). */
export class CourtSettlementAnnouncedV1 {
  @IsUUID() courtCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
}
export const CourtSettlementAnnounced = defineEvent({
  type: 'court.settlement-announced',
  version: 1,
  payload: CourtSettlementAnnouncedV1,
  producers: ['court'],
  description: 'Starts court.settlement-announcement (minimum 30 days before approval).',
});

/** The court approved the announced settlement (after court.settlement-announcement ran); the case ends. */
export class CourtSettlementApprovedV1 {
  @IsUUID() courtCaseId!: string;
}
export const CourtSettlementApproved = defineEvent({
  type: 'court.settlement-approved',
  version: 1,
  payload: CourtSettlementApprovedV1,
  producers: ['court'],
  description: 'Settlement approved after its ≥ 30-day announcement; closes the trial.',
});

/** An EDC agreement announced before judicial confirmation (edc.confirmation-announcement, ≥ 30 days; EDC art 20). */
export class CourtConfirmationAnnouncedV1 {
  @IsUUID() courtCaseId!: string;
  @IsUUID() edcCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(500) channel!: string;
}
export const CourtConfirmationAnnounced = defineEvent({
  type: 'court.confirmation-announced',
  version: 1,
  payload: CourtConfirmationAnnouncedV1,
  producers: ['court'],
  description: 'Starts edc.confirmation-announcement (minimum 30 days before confirmation).',
});

/** The court confirmed an EDC agreement after its announcement (司法确认). */
export class CourtAgreementConfirmedV1 {
  @IsUUID() courtCaseId!: string;
  @IsUUID() edcCaseId!: string;
}
export const CourtAgreementConfirmed = defineEvent({
  type: 'court.agreement-confirmed',
  version: 1,
  payload: CourtAgreementConfirmedV1,
  producers: ['court'],
  description: 'Judicial confirmation of a compensation agreement (after edc.confirmation-announcement).',
});

/** An approved extension of the trial period (court.trial-civil extended / simplified-extended, court.trial-criminal extended). */
export class CourtTrialExtendedV1 {
  @IsUUID() courtCaseId!: string;
  @IsIn(['court.trial-civil', 'court.trial-administrative', 'court.trial-criminal']) ruleId!: string;
  @IsString() @MinLength(1) @MaxLength(64) variant!: string;
  @IsString() @MinLength(1) @MaxLength(200) approvedBy!: string;
}
export const CourtTrialExtended = defineEvent({
  type: 'court.trial-extended',
  version: 1,
  payload: CourtTrialExtendedV1,
  producers: ['court'],
  description: 'Trial period extended to an approved variant (counted from docketing).',
});

/** v1: frozen. */
export class CourtJudgmentRenderedV1 {
  @IsUUID() courtCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
  @IsOptional() @IsString() @MaxLength(4000) restorationOrder?: string;
}
export const CourtJudgmentRenderedVersion1 = defineEvent({
  type: 'court.judgment-rendered',
  version: 1,
  payload: CourtJudgmentRenderedV1,
  producers: ['court'],
  description: 'v1 (superseded): judgment; a restoration order is tracked until executed.',
});

/** v2 adds the date by which a restoration order must be carried out (set in the judgment). */
export class CourtJudgmentRenderedV2 extends CourtJudgmentRenderedV1 {
  /** the last day of the restoration order (YYYY-MM-DD), when it orders restoration */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) restorationDueDate?: string;
}
export const CourtJudgmentRendered = defineEvent({
  type: 'court.judgment-rendered',
  version: 2,
  payload: CourtJudgmentRenderedV2,
  producers: ['court'],
  description: 'Judgment (ends court.trial-*); a restoration order is tracked until verified, by its due date.',
  // v1 gave no due date: the order stays tracked without one
  upcastFrom: (previous) => ({ ...previous }) as unknown as CourtJudgmentRenderedV2,
});

/** A progress report on a restoration order (who did what, how far). */
export class CourtRestorationReportedV1 {
  @IsUUID() courtCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) progress!: string;
  @IsInt() @Min(0) @Max(100) percentDone!: number;
}
export const CourtRestorationReported = defineEvent({
  type: 'court.restoration-reported',
  version: 1,
  payload: CourtRestorationReportedV1,
  producers: ['court'],
  description: 'Progress of an ecological restoration order.',
});

/** The court verified the restoration: completed (the order is executed) or not. */
export class CourtRestorationVerifiedV1 {
  @IsUUID() courtCaseId!: string;
  @IsIn(['completed', 'not-completed']) outcome!: 'completed' | 'not-completed';
  @IsString() @MinLength(1) @MaxLength(4000) note!: string;
}
export const CourtRestorationVerified = defineEvent({
  type: 'court.restoration-verified',
  version: 1,
  payload: CourtRestorationVerifiedV1,
  producers: ['court'],
  description: 'Verification of a restoration order; completed closes its tracking.',
});

export const COURT_EVENTS = [
  CourtCaseReceived,
  CourtCaseDocketed,
  CourtCaseNotAccepted,
  CourtComplaintServed,
  CourtAgencyNotified,
  CourtCoPlaintiffAnnounced,
  CourtHearingScheduled,
  CourtSettlementAnnounced,
  CourtSettlementApproved,
  CourtConfirmationAnnounced,
  CourtAgreementConfirmed,
  CourtTrialExtended,
  CourtJudgmentRenderedVersion1,
  CourtJudgmentRendered,
  CourtRestorationReported,
  CourtRestorationVerified,
];
