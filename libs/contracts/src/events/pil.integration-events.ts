import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
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

export const PIL_EVENTS = [
  PilCaseOpened,
  PilRecommendationServed,
  PilAgencyReplied,
  PilAnnouncementPublished,
  PilSuitFiled,
];
