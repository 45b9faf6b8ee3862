import { ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

/** Information sharing, case notification and two-way consultation (flows.md §5). */
export class InformationSharedV1 {
  @Matches(AGENCY_ID_REGEX, { each: true, message: AGENCY_ID_MESSAGE })
  @IsArray()
  @ArrayMinSize(1)
  sharedWith!: string[];
  @IsString() @MinLength(1) @MaxLength(200) decision!: string;
  @IsString() @MaxLength(4000) content!: string;
}
export const InformationShared = defineEvent({
  type: 'sharing.information-shared',
  version: 1,
  payload: InformationSharedV1,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description: 'A decision entered on the shared record (sharing.platform-entry, E17 art 34).',
});

export class CaseNotifiedV1 {
  @IsUUID() notificationId!: string;
  @Matches(AGENCY_ID_REGEX, { each: true, message: AGENCY_ID_MESSAGE })
  @IsArray()
  @ArrayMinSize(1)
  recipients!: string[];
  @IsIn(['suspected-crime', 'development']) kind!: 'suspected-crime' | 'development';
  @IsString() @MinLength(1) @MaxLength(4000) content!: string;
}
export const CaseNotified = defineEvent({
  type: 'notification.case-notified',
  version: 1,
  payload: CaseNotifiedV1,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description: '案情通报 (notification.suspected-crime for an obvious crime found on inspection).',
});

export class NotificationAcknowledgedV1 {
  @IsUUID() notificationId!: string;
}
export const NotificationAcknowledged = defineEvent({
  type: 'notification.acknowledged',
  version: 1,
  payload: NotificationAcknowledgedV1,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description: 'A recipient acknowledged a case notification.',
});

export class ConsultationRequestedV1 {
  @IsUUID() consultationId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) consultedAgencyId!: string;
  @IsString() @MinLength(1) @MaxLength(4000) question!: string;
}
export const ConsultationRequestedVersion1 = defineEvent({
  type: 'consultation.requested',
  version: 1,
  payload: ConsultationRequestedV1,
  producers: ['enforcement', 'police', 'procuratorate'],
  description: 'v1 (superseded by v2 with attachments): 双向案件咨询, starts consultation.written-reply (7 days).',
});

export class ConsultationRepliedV1 {
  @IsUUID() consultationId!: string;
  @IsString() @MinLength(1) @MaxLength(8000) reply!: string;
}
export const ConsultationReplied = defineEvent({
  type: 'consultation.replied',
  version: 1,
  payload: ConsultationRepliedV1,
  producers: ['enforcement', 'police', 'procuratorate'],
  description: 'Written reply to a consultation.',
});

export const SHARING_EVENTS = [
  InformationShared,
  CaseNotified,
  NotificationAcknowledged,
  ConsultationRequestedVersion1,
  ConsultationReplied,
];
