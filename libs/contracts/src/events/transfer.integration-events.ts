import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../registry';
import {
  AGENCY_ID_MESSAGE,
  AGENCY_ID_REGEX,
  MATERIAL_KINDS,
  MaterialItem,
  PartyRef,
  THRESHOLD_FACTS,
  type MaterialKind,
  type ThresholdFact,
} from './common';

// ---- enforcement side -------------------------------------------------------------------------

/** Enforcement found facts that meet criminal thresholds: opens a transfer, starts transfer.team-report. */
export class TransferCrimeSuspectedV1 {
  @IsUUID() transferId!: string;
  @IsUUID() caseId!: string;
  @IsArray() @ArrayMinSize(1) @IsIn(THRESHOLD_FACTS, { each: true }) thresholdFacts!: ThresholdFact[];
  @IsString() @MinLength(1) @MaxLength(4000) facts!: string;
}
export const TransferCrimeSuspected = defineEvent({
  type: 'transfer.crime-suspected',
  version: 1,
  payload: TransferCrimeSuspectedV1,
  producers: ['enforcement'],
  description: 'Facts meeting criminal thresholds were found (R310 art 5(1)); the case team must report.',
});

/** The case team (≥2 officers) reported in writing that the facts meet criminal thresholds (transfer.team-report). */
export class TransferTeamReportedV1 {
  @IsUUID() transferId!: string;
  @IsUUID() caseId!: string;
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @IsString({ each: true }) teamOfficerIds!: string[];
  @IsArray() @ArrayMinSize(1) @IsIn(THRESHOLD_FACTS, { each: true }) thresholdFacts!: ThresholdFact[];
  @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
}
export const TransferTeamReported = defineEvent({
  type: 'transfer.team-reported',
  version: 1,
  payload: TransferTeamReportedV1,
  producers: ['enforcement'],
  description: 'Written team report that a crime is suspected; starts transfer.head-decision.',
});

/** The head (正职负责人) approved or refused the transfer (transfer.head-decision). */
export class TransferHeadDecidedV1 {
  @IsUUID() transferId!: string;
  @IsIn(['approved', 'refused']) decision!: 'approved' | 'refused';
  @ValidateIf((o: TransferHeadDecidedV1) => o.decision === 'refused')
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reasons?: string;
}
export const TransferHeadDecided = defineEvent({
  type: 'transfer.head-decided',
  version: 1,
  payload: TransferHeadDecidedV1,
  producers: ['enforcement'],
  description: 'Approval starts transfer.handover (24 h); refusal reasons go on file.',
});

/** The transfer was sent to the police with its materials; a copy goes to the procuratorate at the same time. */
export class TransferSentV1 {
  @IsUUID() transferId!: string;
  @IsUUID() caseId!: string;
  @IsString() @MaxLength(64) caseNumber!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) fromAgencyId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) toAgencyId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) copyToAgencyId!: string;
  @ValidateNested() @Type(() => PartyRef) party!: PartyRef;
  @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
  @IsArray() @ArrayMinSize(1) @IsIn(THRESHOLD_FACTS, { each: true }) thresholdFacts!: ThresholdFact[];
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MaterialItem)
  materials!: MaterialItem[];
}
export const TransferSent = defineEvent({
  type: 'transfer.sent',
  version: 1,
  payload: TransferSentV1,
  producers: ['enforcement'],
  description: 'Starts transfer.receipt at the police; the copy satisfies transfer.copy-to-procuratorate.',
});

export class TransferMaterialsSupplementedV1 {
  @IsUUID() transferId!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MaterialItem)
  items!: MaterialItem[];
}
export const TransferMaterialsSupplemented = defineEvent({
  type: 'transfer.materials-supplemented',
  version: 1,
  payload: TransferMaterialsSupplementedV1,
  producers: ['enforcement'],
  description: 'Enforcement supplied the missing materials (transfer.materials-supplement).',
});

export class TransferReconsiderationRequestedV1 {
  @IsUUID() transferId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const TransferReconsiderationRequested = defineEvent({
  type: 'transfer.reconsideration-requested',
  version: 1,
  payload: TransferReconsiderationRequestedV1,
  producers: ['enforcement'],
  description: 'Enforcement asks the police to reconsider non-filing (transfer.reconsideration-request).',
});

export class TransferItemsHandedOverV1 {
  @IsUUID() transferId!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MaterialItem)
  items!: MaterialItem[];
}
export const TransferItemsHandedOver = defineEvent({
  type: 'transfer.items-handed-over',
  version: 1,
  payload: TransferItemsHandedOverV1,
  producers: ['enforcement'],
  description: 'Seized items handed over after the police filed (transfer.items-handover).',
});

/** The procuratorate told enforcement to transfer a case (检察意见): starts transfer.after-procuratorate-opinion. */
export class TransferProcuratorateOpinionV1 {
  @IsUUID() transferId!: string;
  @IsUUID() caseId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) enforcementAgencyId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const TransferProcuratorateOpinion = defineEvent({
  type: 'transfer.procuratorate-opinion',
  version: 1,
  payload: TransferProcuratorateOpinionV1,
  producers: ['procuratorate'],
  description: 'Procuratorial opinion requiring the enforcement agency to transfer (E17 art 14).',
});

// ---- police side ------------------------------------------------------------------------------

export class TransferReceiptSignedV1 {
  @IsUUID() transferId!: string;
  @IsString() @MinLength(1) @MaxLength(64) receiptNumber!: string;
}
export const TransferReceiptSigned = defineEvent({
  type: 'transfer.receipt-signed',
  version: 1,
  payload: TransferReceiptSignedV1,
  producers: ['police'],
  description: 'Police signed the receipt (回执); ends transfer.receipt, starts transfer.filing-review.',
});

/** Outside the police's competence: forwarded to the competent agency or returned (transfer.forward-or-return). */
export class TransferForwardedV1 {
  @IsUUID() transferId!: string;
  @IsIn(['forwarded', 'returned']) mode!: 'forwarded' | 'returned';
  @ValidateIf((o: TransferForwardedV1) => o.mode === 'forwarded')
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE })
  toAgencyId?: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const TransferForwarded = defineEvent({
  type: 'transfer.forwarded',
  version: 1,
  payload: TransferForwardedV1,
  producers: ['police'],
  description: 'Written notice with copy to the procuratorate (R310 art 7; E17 art 9).',
});

export class TransferMaterialsRequestedV1 {
  @IsUUID() transferId!: string;
  @IsArray() @ArrayMinSize(1) @IsIn(MATERIAL_KINDS, { each: true }) missing!: MaterialKind[];
  @IsString() @MaxLength(4000) note!: string;
}
export const TransferMaterialsRequested = defineEvent({
  type: 'transfer.materials-requested',
  version: 1,
  payload: TransferMaterialsRequestedV1,
  producers: ['police'],
  description: 'Materials incomplete (transfer.materials-notice); the police may not refuse the case for this.',
});

export const FILING_REVIEW_VARIANTS = ['standard', 'verification', 'major-complex'] as const;
export type FilingReviewVariant = (typeof FILING_REVIEW_VARIANTS)[number];

/** transfer.filing-review extended (3 → 7 days for verification, → 30 days with a county-level police head's approval). */
export class TransferReviewExtendedV1 {
  @IsUUID() transferId!: string;
  @IsIn(FILING_REVIEW_VARIANTS) variant!: FilingReviewVariant;
  @ValidateIf((o: TransferReviewExtendedV1) => o.variant === 'major-complex')
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  approvedBy?: string;
  @IsString() @MaxLength(4000) reasons!: string;
}
export const TransferReviewExtended = defineEvent({
  type: 'transfer.review-extended',
  version: 1,
  payload: TransferReviewExtendedV1,
  producers: ['police'],
  description: 'Extension of transfer.filing-review (E17 art 9; R310 art 8).',
});

export const FILING_OUTCOMES = ['filed', 'not-filed', 'returned-for-penalty'] as const;
export type FilingOutcome = (typeof FILING_OUTCOMES)[number];

/** Police decision on filing (立案), notified to enforcement with a copy to the procuratorate (transfer.decision-notice). */
export class TransferFilingDecidedV1 {
  @IsUUID() transferId!: string;
  @IsIn(FILING_OUTCOMES) outcome!: FilingOutcome;
  @ValidateIf((o: TransferFilingDecidedV1) => o.outcome !== 'filed')
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reasons?: string;
  @ValidateIf((o: TransferFilingDecidedV1) => o.outcome === 'filed')
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  policeCaseNumber?: string;
  /** Set when the police filed after a procuratorate notice to file (supervision.police-file). */
  @IsOptional() @IsUUID() supervisionId?: string;
}
export const TransferFilingDecided = defineEvent({
  type: 'transfer.filing-decided',
  version: 1,
  payload: TransferFilingDecidedV1,
  producers: ['police'],
  description:
    'filed → items handover; not-filed → reconsideration or supervision; returned-for-penalty → penalty clock resumes.',
});

export class TransferReconsiderationDecidedV1 {
  @IsUUID() transferId!: string;
  @IsIn(['upheld', 'reversed']) outcome!: 'upheld' | 'reversed';
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
  @ValidateIf((o: TransferReconsiderationDecidedV1) => o.outcome === 'reversed')
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  policeCaseNumber?: string;
}
export const TransferReconsiderationDecided = defineEvent({
  type: 'transfer.reconsideration-decided',
  version: 1,
  payload: TransferReconsiderationDecidedV1,
  producers: ['police'],
  description: 'Upheld non-filing starts transfer.supervision-request; reversed = filed.',
});

export const TRANSFER_EVENTS = [
  TransferCrimeSuspected,
  TransferProcuratorateOpinion,
  TransferTeamReported,
  TransferHeadDecided,
  TransferSent,
  TransferMaterialsSupplemented,
  TransferReconsiderationRequested,
  TransferItemsHandedOver,
  TransferReceiptSigned,
  TransferForwarded,
  TransferMaterialsRequested,
  TransferReviewExtended,
  TransferFilingDecided,
  TransferReconsiderationDecided,
];
