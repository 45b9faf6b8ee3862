import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

export const SUPERVISION_GROUNDS = [
  'not-filed',
  'upheld-on-reconsideration',
  'decision-overdue',
  'own-motion',
] as const;
export type SupervisionGround = (typeof SUPERVISION_GROUNDS)[number];

/** Enforcement asks the procuratorate for filing supervision (立案监督) (E17 art 12; transfer.supervision-request). */
export class FilingSupervisionRequestedV1 {
  @IsUUID() transferId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) procuratorateAgencyId!: string;
  @IsIn(SUPERVISION_GROUNDS.filter((g) => g !== 'own-motion')) ground!: Exclude<SupervisionGround, 'own-motion'>;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const FilingSupervisionRequested = defineEvent({
  type: 'filing-supervision.requested',
  version: 1,
  payload: FilingSupervisionRequestedV1,
  producers: ['enforcement'],
  description: 'Request for filing supervision by the enforcement agency.',
});

export class FilingSupervisionOpenedV1 {
  @IsUUID() supervisionId!: string;
  @IsUUID() transferId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) policeAgencyId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) enforcementAgencyId!: string;
  @IsIn(SUPERVISION_GROUNDS) ground!: SupervisionGround;
}
export const FilingSupervisionOpened = defineEvent({
  type: 'filing-supervision.opened',
  version: 1,
  payload: FilingSupervisionOpenedV1,
  producers: ['procuratorate'],
  description: 'The procuratorate opened filing supervision on request or of its own motion.',
});

export class FilingSupervisionExplanationRequiredV1 {
  @IsUUID() supervisionId!: string;
  @IsUUID() transferId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) question!: string;
}
export const FilingSupervisionExplanationRequired = defineEvent({
  type: 'filing-supervision.explanation-required',
  version: 1,
  payload: FilingSupervisionExplanationRequiredV1,
  producers: ['procuratorate'],
  description: 'Starts supervision.police-explain (7 days).',
});

export class FilingSupervisionExplainedV1 {
  @IsUUID() supervisionId!: string;
  @IsUUID() transferId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const FilingSupervisionExplained = defineEvent({
  type: 'filing-supervision.explained',
  version: 1,
  payload: FilingSupervisionExplainedV1,
  producers: ['police'],
  description: 'The police gave reasons for not filing (ends supervision.police-explain).',
});

export class FilingSupervisionReasonsAcceptedV1 {
  @IsUUID() supervisionId!: string;
  @IsUUID() transferId!: string;
  @IsString() @MaxLength(4000) note!: string;
}
export const FilingSupervisionReasonsAccepted = defineEvent({
  type: 'filing-supervision.reasons-accepted',
  version: 1,
  payload: FilingSupervisionReasonsAcceptedV1,
  producers: ['procuratorate'],
  description: 'Reasons valid: the agency is told (supervision.tell-agency); supervision closes.',
});

export class FilingSupervisionFilingNoticeIssuedV1 {
  @IsUUID() supervisionId!: string;
  @IsUUID() transferId!: string;
  @IsString() @MinLength(1) @MaxLength(64) noticeNumber!: string;
}
export const FilingSupervisionFilingNoticeIssued = defineEvent({
  type: 'filing-supervision.filing-notice-issued',
  version: 1,
  payload: FilingSupervisionFilingNoticeIssuedV1,
  producers: ['procuratorate'],
  description: '通知立案书: starts supervision.police-file (15 days).',
});

export class FilingSupervisionCorrectionIssuedV1 {
  @IsUUID() supervisionId!: string;
  @IsUUID() transferId!: string;
  @IsString() @MaxLength(4000) note!: string;
  @IsOptional() @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) escalatedTo?: string;
}
export const FilingSupervisionCorrectionIssued = defineEvent({
  type: 'filing-supervision.correction-issued',
  version: 1,
  payload: FilingSupervisionCorrectionIssuedV1,
  producers: ['procuratorate'],
  description: '纠正违法通知书 after supervision.police-file ran out; may escalate one level up.',
});

export class FilingSupervisionChaserIssuedV1 {
  @IsUUID() supervisionId!: string;
  @IsUUID() transferId!: string;
  @IsString() @MaxLength(4000) note!: string;
}
export const FilingSupervisionChaserIssued = defineEvent({
  type: 'filing-supervision.chaser-issued',
  version: 1,
  payload: FilingSupervisionChaserIssuedV1,
  producers: ['procuratorate'],
  description: '催办函 after supervision.investigation-chaser (3 months).',
});

export const FILING_SUPERVISION_EVENTS = [
  FilingSupervisionRequested,
  FilingSupervisionOpened,
  FilingSupervisionExplanationRequired,
  FilingSupervisionExplained,
  FilingSupervisionReasonsAccepted,
  FilingSupervisionFilingNoticeIssued,
  FilingSupervisionCorrectionIssued,
  FilingSupervisionChaserIssued,
];
