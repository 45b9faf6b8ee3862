import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

/**
 * Ecological damage compensation (生态环境损害赔偿磋商), flows.md §6: the events the court receives.
 * The consultation's own events (opened, meeting held, agreed, failed) are added beside these by the
 * EDC flow; these two are the hand-over to the court and are fixed here so both sides build on them.
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

export const EDC_EVENTS = [EdcConfirmationApplied, EdcSuitFiled];
