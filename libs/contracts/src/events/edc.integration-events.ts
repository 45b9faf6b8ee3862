import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX, PartyRef } from './common';

/**
 * Ecological damage compensation (生态环境损害赔偿磋商), flows.md §6: the events the court receives.
 * The consultation's own events (opened, meeting held, agreed, failed) follow them; the first two are the
 * hand-over to the court and are fixed so both sides build on them.
 */
export class EdcConfirmationAppliedV1 {
  /** the compensation case of the claimant agency */
  @IsUUID() edcCaseId!: string;
  /** the court asked to confirm the agreement (jurisdiction map, flows.md "The agencies") */
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) courtAgencyId!: string;
  /** the claimant agency (an enforcement office) that consulted the liable party */
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) claimantAgencyId!: string;
  /** what the liable party agreed to (restoration, compensation), as it stands in the agreement */
  @IsString() @MinLength(1) @MaxLength(4000) agreementSummary!: string;
}
export const EdcConfirmationApplied = defineEvent({
  type: 'edc.confirmation-applied',
  version: 1,
  payload: EdcConfirmationAppliedV1,
  producers: ['enforcement'],
  description:
    'The claimant agency applied to the court for judicial confirmation of a compensation agreement; the court announces it for ≥ 30 days (edc.confirmation-announcement, EDC art 20).',
});

export class EdcSuitFiledV1 {
  @IsUUID() edcCaseId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) courtAgencyId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) claimantAgencyId!: string;
  /** the claim: restoration and compensation asked for */
  @IsString() @MinLength(1) @MaxLength(4000) claim!: string;
}
export const EdcSuitFiled = defineEvent({
  type: 'edc.suit-filed',
  version: 1,
  payload: EdcSuitFiledV1,
  producers: ['enforcement'],
  description:
    'The consultation failed and the claimant agency sued for damage compensation (flows.md §6); starts court.docket. Takes precedence over a civil PIL on the same conduct.',
});

/** The written consultation notice was served on the liable party: starts edc.consultation. */
export class EdcConsultationOpenedV1 {
  @IsUUID() edcCaseId!: string;
  /** the liable company (name, unified social credit code) */
  @ValidateNested() @Type(() => PartyRef) liableParty!: PartyRef;
  @IsString() @MinLength(1) @MaxLength(64) noticeNumber!: string;
  /** the conduct and the damage it caused */
  @IsString() @MinLength(1) @MaxLength(4000) damage!: string;
}
export const EdcConsultationOpened = defineEvent({
  type: 'edc.consultation-opened',
  version: 1,
  payload: EdcConsultationOpenedV1,
  producers: ['enforcement'],
  description:
    'The claimant agency served the consultation notice on the liable party; starts edc.consultation (a civil PIL on the same conduct waits).',
});

/** One consultation meeting (at most 3, edc.consultation maxRounds). */
export class EdcMeetingHeldV1 {
  @IsUUID() edcCaseId!: string;
  @IsInt() @Min(1) @Max(3) round!: number;
  @IsString() @MinLength(1) @MaxLength(4000) minutes!: string;
}
export const EdcMeetingHeld = defineEvent({
  type: 'edc.meeting-held',
  version: 1,
  payload: EdcMeetingHeldV1,
  producers: ['enforcement'],
  description: 'A consultation meeting was held (round 1–3).',
});

export class EdcConsultationAgreedV1 {
  @IsUUID() edcCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) agreementSummary!: string;
}
export const EdcConsultationAgreed = defineEvent({
  type: 'edc.consultation-agreed',
  version: 1,
  payload: EdcConsultationAgreedV1,
  producers: ['enforcement'],
  description: 'The consultation ended in a compensation agreement (edc.consultation met).',
});

export class EdcConsultationFailedV1 {
  @IsUUID() edcCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const EdcConsultationFailed = defineEvent({
  type: 'edc.consultation-failed',
  version: 1,
  payload: EdcConsultationFailedV1,
  producers: ['enforcement'],
  description:
    'The consultation failed (refused, no agreement after the meetings); the claimant agency sues, a waiting civil PIL on the same conduct resumes.',
});

export const EDC_EVENTS = [
  EdcConfirmationApplied,
  EdcSuitFiled,
  EdcConsultationOpened,
  EdcMeetingHeld,
  EdcConsultationAgreed,
  EdcConsultationFailed,
];
