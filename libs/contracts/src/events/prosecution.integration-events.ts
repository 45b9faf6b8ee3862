import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

/** One item of the case file (案卷) sent for prosecution: a document or piece of evidence and its SHA-256. */
export class CaseFileItem {
  @IsString() @MinLength(1) @MaxLength(200) title!: string;
  /** 64 lowercase hex characters: the hash of the file as the police hold it */
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' }) sha256!: string;
  /** the evidence id of the enforcement case it comes from, if any */
  @IsOptional() @IsString() @MaxLength(64) evidenceId?: string;
}

/** Police transfer an investigated case for prosecution (移送审查起诉): starts prosecution.review (CPL art 172). */
export class ProsecutionTransferredV1 {
  @IsUUID() prosecutionId!: string;
  @IsUUID() transferId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) procuratorateAgencyId!: string;
  @IsString() @MinLength(1) @MaxLength(64) policeCaseNumber!: string;
  @IsString() @MaxLength(4000) summary!: string;
}
export const ProsecutionTransferred = defineEvent({
  type: 'prosecution.transferred',
  version: 1,
  payload: ProsecutionTransferredV1,
  producers: ['police'],
  description: 'Case transferred for review of prosecution; starts prosecution.review.',
});

/**
 * v2 adds the case file (evidence list with hashes) and the enforcement agency that transferred the case
 * to the police (it is told of a non-prosecution, E17 art 18). A v1 event had no case file and named no agency.
 */
export class ProsecutionTransferredV2 extends ProsecutionTransferredV1 {
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) policeAgencyId!: string;
  @IsOptional() @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) enforcementAgencyId?: string;
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CaseFileItem) caseFile!: CaseFileItem[];
}
export const ProsecutionTransferredVersion2 = defineEvent({
  type: 'prosecution.transferred',
  version: 2,
  payload: ProsecutionTransferredV2,
  producers: ['police'],
  description: 'Case transferred for review of prosecution with its case file; starts prosecution.review.',
  // v1 named no police office (the producer is it) and had no case file
  upcastFrom: (v1, envelope) =>
    ({ ...v1, policeAgencyId: envelope.producer.agencyId, caseFile: [] }) as unknown as ProsecutionTransferredV2,
});

/** Major or complex case: prosecution.review extended by 15 days, with the recorded reason (CPL art 172). */
export class ProsecutionReviewExtendedV1 {
  @IsUUID() prosecutionId!: string;
  @IsIn(['extended']) variant!: 'extended';
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
  /** the head who approved it (officer id, the caller) */
  @IsString() @MinLength(1) @MaxLength(128) approvedBy!: string;
}
export const ProsecutionReviewExtended = defineEvent({
  type: 'prosecution.review-extended',
  version: 1,
  payload: ProsecutionReviewExtendedV1,
  producers: ['procuratorate'],
  description: 'prosecution.review extended to 1 month + 15 days (major or complex case, reason recorded).',
});

/** Returned for supplementary investigation, at most twice (prosecution.supplementary-investigation, CPL art 175). */
export class ProsecutionReturnedForInvestigationV1 {
  @IsUUID() prosecutionId!: string;
  @IsInt() @Min(1) @Max(2) round!: number;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const ProsecutionReturnedForInvestigation = defineEvent({
  type: 'prosecution.returned-for-investigation',
  version: 1,
  payload: ProsecutionReturnedForInvestigationV1,
  producers: ['procuratorate'],
  description: 'Supplementary investigation, one month per round.',
});

/** The police re-submit the case after a round of supplementary investigation: prosecution.review starts again (CPL art 175). */
export class ProsecutionResubmittedV1 {
  @IsUUID() prosecutionId!: string;
  @IsInt() @Min(1) @Max(2) round!: number;
  @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
  /** items added to the case file in this round */
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CaseFileItem) caseFile!: CaseFileItem[];
}
export const ProsecutionResubmitted = defineEvent({
  type: 'prosecution.resubmitted',
  version: 1,
  payload: ProsecutionResubmittedV1,
  producers: ['police'],
  description:
    'Supplementary investigation done (prosecution.supplementary-investigation); prosecution.review restarts.',
});

/** Indictment or non-prosecution (prosecution.review); non-prosecution starts prosecution.nonprosecution-notice (E17 art 18). */
export class ProsecutionDecidedV1 {
  @IsUUID() prosecutionId!: string;
  @IsIn(['indicted', 'not-prosecuted']) outcome!: 'indicted' | 'not-prosecuted';
  @IsOptional() @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) courtAgencyId?: string;
  @IsOptional() @IsString() @MaxLength(4000) reasons?: string;
  /** 检察意见 proposing an administrative penalty to the enforcement agency */
  @IsOptional() @IsString() @MaxLength(4000) penaltyOpinion?: string;
}
export const ProsecutionDecided = defineEvent({
  type: 'prosecution.decided',
  version: 1,
  payload: ProsecutionDecidedV1,
  producers: ['procuratorate'],
  description: 'Indicted (to the court) or not prosecuted (enforcement notified within 3 days).',
});

/** The enforcement agency is notified of the non-prosecution, possibly with a 检察意见 (prosecution.nonprosecution-notice, E17 art 18). */
export class ProsecutionNonprosecutionNotifiedV1 {
  @IsUUID() prosecutionId!: string;
  /** the police transfer the case came from (the enforcement agency's transfer) */
  @IsUUID() transferId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) enforcementAgencyId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
  /** 检察意见 proposing an administrative penalty */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(4000) penaltyOpinion?: string;
}
export const ProsecutionNonprosecutionNotified = defineEvent({
  type: 'prosecution.nonprosecution-notified',
  version: 1,
  payload: ProsecutionNonprosecutionNotifiedV1,
  producers: ['procuratorate'],
  description:
    'Enforcement notified of a non-prosecution (prosecution.nonprosecution-notice, 3 days), with any penalty opinion; its penalty clock resumes.',
});

export const PROSECUTION_EVENTS = [
  ProsecutionTransferred,
  ProsecutionTransferredVersion2,
  ProsecutionReviewExtended,
  ProsecutionReturnedForInvestigation,
  ProsecutionResubmitted,
  ProsecutionDecided,
  ProsecutionNonprosecutionNotified,
];
