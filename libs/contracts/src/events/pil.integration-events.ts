import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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

/** Public-interest litigation (公益诉讼), flows.md §4. */
export class PilCaseOpenedV1 {
  @IsUUID() pilCaseId!: string;
  @IsIn(['administrative', 'civil', 'criminal-incidental-civil']) kind!:
    'administrative' | 'civil' | 'criminal-incidental-civil';
  @IsOptional() @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) respondentAgencyId?: string;
  @IsString() @MinLength(1) @MaxLength(4000) facts!: string;
}
export const PilCaseOpened = defineEvent({
  type: 'pil.case-opened',
  version: 1,
  payload: PilCaseOpenedV1,
  producers: ['procuratorate'],
  description: 'The procuratorate opened a public-interest litigation case.',
});

/** Pre-litigation procuratorial recommendation (检察建议) served: starts pil.agency-reply and pil.recommendation-filing. */
export class PilRecommendationServedV1 {
  @IsUUID() pilCaseId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) agencyId!: string;
  @IsString() @MinLength(1) @MaxLength(64) documentNumber!: string;
  /** urgent: harm ongoing → 15 days instead of 2 months (PILJI art 21) */
  @IsIn(['standard', 'urgent']) variant!: 'standard' | 'urgent';
}
export const PilRecommendationServed = defineEvent({
  type: 'pil.recommendation-served',
  version: 1,
  payload: PilRecommendationServedV1,
  producers: ['procuratorate'],
  description: 'Starts pil.agency-reply (2 months, 15 days if urgent).',
});

export class PilAgencyRepliedV1 {
  @IsUUID() pilCaseId!: string;
  @IsIn(['corrected', 'partly-corrected', 'not-corrected']) outcome!:
    'corrected' | 'partly-corrected' | 'not-corrected';
  @IsString() @MaxLength(4000) reply!: string;
}
export const PilAgencyReplied = defineEvent({
  type: 'pil.agency-replied',
  version: 1,
  payload: PilAgencyRepliedV1,
  producers: ['enforcement'],
  description: 'The agency’s written reply to the recommendation (pil.agency-reply).',
});

/** Pre-suit announcement of a civil PIL: starts pil.civil-announcement (30 days). */
export class PilAnnouncementPublishedV1 {
  @IsUUID() pilCaseId!: string;
  @IsString() @MaxLength(500) channel!: string;
}
export const PilAnnouncementPublished = defineEvent({
  type: 'pil.announcement-published',
  version: 1,
  payload: PilAnnouncementPublishedV1,
  producers: ['procuratorate'],
  description: 'Starts pil.civil-announcement.',
});

export class PilSuitFiledV1 {
  @IsUUID() pilCaseId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) courtAgencyId!: string;
  @IsIn(['administrative', 'civil']) kind!: 'administrative' | 'civil';
}
export const PilSuitFiled = defineEvent({
  type: 'pil.suit-filed',
  version: 1,
  payload: PilSuitFiledV1,
  producers: ['procuratorate'],
  description: 'The procuratorate sued (pil.admin-suit-decision / pil.civil-suit-decision); starts court.docket.',
});

/** The procuratorate recorded what its investigation of the agency's failure found (调查核实). */
export class PilInvestigationRecordedV1 {
  @IsUUID() pilCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) findings!: string;
}
export const PilInvestigationRecorded = defineEvent({
  type: 'pil.investigation-recorded',
  version: 1,
  payload: PilInvestigationRecordedV1,
  producers: ['procuratorate'],
  description: 'The procuratorate recorded the findings of its investigation of a PIL case.',
});

/** The recommendation was filed with the next-level procuratorate (备案): closes pil.recommendation-filing. */
export class PilRecommendationFiledV1 {
  @IsUUID() pilCaseId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) upperProcuratorateAgencyId!: string;
}
export const PilRecommendationFiled = defineEvent({
  type: 'pil.recommendation-filed',
  version: 1,
  payload: PilRecommendationFiledV1,
  producers: ['procuratorate'],
  description:
    'The recommendation was filed with the next-level procuratorate (pil.recommendation-filing, PILR21 art 75).',
});

/** The agency recorded an act it took on the recommendation (before its written reply). */
export class PilAgencyActionRecordedV1 {
  @IsUUID() pilCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) action!: string;
}
export const PilAgencyActionRecorded = defineEvent({
  type: 'pil.agency-action-recorded',
  version: 1,
  payload: PilAgencyActionRecordedV1,
  producers: ['enforcement'],
  description: 'The agency recorded an act it took on the recommendation; pil.agency-reply keeps running.',
});

/** The procuratorate decided not to sue (终结审查): the closing decision is owed to the agency within 7 days. */
export class PilClosingDecidedV1 {
  @IsUUID() pilCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) reasons!: string;
}
export const PilClosingDecided = defineEvent({
  type: 'pil.closing-decided',
  version: 1,
  payload: PilClosingDecidedV1,
  producers: ['procuratorate'],
  description:
    'The procuratorate decided not to sue; closes pil.admin-suit-decision and starts its closing-notice variant (7 days).',
});

/** The closing decision was served on the agency: the case is closed. */
export class PilClosingDecisionServedV1 {
  @IsUUID() pilCaseId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) agencyId!: string;
  @IsString() @MinLength(1) @MaxLength(64) documentNumber!: string;
}
export const PilClosingDecisionServed = defineEvent({
  type: 'pil.closing-decision-served',
  version: 1,
  payload: PilClosingDecisionServedV1,
  producers: ['procuratorate'],
  description:
    'The closing decision reached the agency (pil.admin-suit-decision, closing-notice); the PIL case is closed.',
});

/** Registration levels of a social organisation's civil-affairs department (EPL art 58: city level or above). */
export const ORGANISATION_REGISTRATION_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type OrganisationRegistrationLevel = (typeof ORGANISATION_REGISTRATION_LEVELS)[number];

/** The eligibility facts of a social organisation that came forward (EPL art 58). */
export class PilOrganisationFacts {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  /** 统一社会信用代码 of the organisation */
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'creditCode must be an 18-character unified social credit code',
  })
  creditCode!: string;
  /** level of the civil-affairs department it is registered with */
  @IsIn(ORGANISATION_REGISTRATION_LEVELS) registrationLevel!: OrganisationRegistrationLevel;
  /** consecutive years of environmental public-interest work, up to the day it came forward */
  @IsInt() @Min(0) @Max(200) consecutiveYears!: number;
  /** whether it has a violation record in the last 5 years */
  @IsBoolean() violationRecord!: boolean;
}

/** An organisation came forward during the announcement; its eligibility facts and the verdict with reasons. */
export class PilOrganisationAssessedV1 {
  @IsUUID() pilCaseId!: string;
  @ValidateNested() @Type(() => PilOrganisationFacts) organisation!: PilOrganisationFacts;
  @IsBoolean() eligible!: boolean;
  /** why it is not eligible, one sentence a case officer understands per failed condition; empty when eligible */
  @IsArray() @ArrayMaxSize(3) @IsString({ each: true }) @MaxLength(500, { each: true }) reasons!: string[];
}
export const PilOrganisationAssessed = defineEvent({
  type: 'pil.organisation-assessed',
  version: 1,
  payload: PilOrganisationAssessedV1,
  producers: ['procuratorate'],
  description:
    'An organisation came forward during the civil announcement; eligible (EPL art 58) → it sues and the procuratorate may support it, ineligible → refused with reasons.',
});

/** The procuratorate supports the eligible organisation's suit (支持起诉) instead of suing itself. */
export class PilSuitSupportedV1 {
  @IsUUID() pilCaseId!: string;
  @IsString() @MinLength(1) @MaxLength(200) organisationName!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) courtAgencyId!: string;
}
export const PilSuitSupported = defineEvent({
  type: 'pil.suit-supported',
  version: 1,
  payload: PilSuitSupportedV1,
  producers: ['procuratorate'],
  description:
    'The procuratorate supports the suit of an eligible organisation (pil.civil-suit-decision); the PIL case is closed.',
});

/**
 * A civil PIL's clock stops while an ecological damage consultation on the same conduct is open, and runs again
 * when it fails (flows.md §6: the compensation claim takes precedence).
 */
export class PilClockChangedV1 {
  @IsUUID() pilCaseId!: string;
  @IsIn(['suspended', 'running']) state!: 'suspended' | 'running';
  @IsString() @MinLength(1) @MaxLength(500) reason!: string;
  @IsOptional() @IsUUID() edcCaseId?: string;
}
export const PilClockChanged = defineEvent({
  type: 'pil.clock-changed',
  version: 1,
  payload: PilClockChangedV1,
  producers: ['procuratorate'],
  description:
    'Suspends or resumes pil.civil-announcement / pil.civil-suit-decision while a damage consultation on the same conduct is open (flows.md §6).',
});

export const PIL_EVENTS = [
  PilCaseOpened,
  PilRecommendationServed,
  PilAgencyReplied,
  PilAnnouncementPublished,
  PilSuitFiled,
  PilInvestigationRecorded,
  PilRecommendationFiled,
  PilAgencyActionRecorded,
  PilClosingDecided,
  PilClosingDecisionServed,
  PilOrganisationAssessed,
  PilSuitSupported,
  PilClockChanged,
];
