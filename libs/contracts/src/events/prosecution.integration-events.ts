import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

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

export const PROSECUTION_EVENTS = [ProsecutionTransferred, ProsecutionReturnedForInvestigation, ProsecutionDecided];
