import { createHash } from 'node:crypto';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AGENCY_KINDS, type AgencyKind } from '../agency';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

/** Information sharing, case notification and two-way consultation (flows.md §5). */

/** v1 as first published: the decision's content travelled on the producer's topic, which every consumer group reads. Frozen. */
export class InformationSharedV1 {
  @Matches(AGENCY_ID_REGEX, { each: true, message: AGENCY_ID_MESSAGE })
  @IsArray()
  @ArrayMinSize(1)
  sharedWith!: string[];
  @IsString() @MinLength(1) @MaxLength(200) decision!: string;
  @IsString() @MaxLength(4000) content!: string;
}
export const InformationSharedVersion1 = defineEvent({
  type: 'sharing.information-shared',
  version: 1,
  payload: InformationSharedV1,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description: 'v1 (superseded: carried the content to every consumer): a decision entered on the shared record.',
});

const KEBAB = /^[a-z][a-z0-9-]{0,63}$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;

/**
 * v2: a reference, never the content. Tells every consumer that `ownerAgencyId` entered decision `decisionId`
 * (kind from libs/legal-time SHARED_DECISIONS, E17 art 34) on the shared record of the linked case as entry
 * `entryId`, shared with `sharedWith` (the grants). The content reaches only the services of the agencies in
 * `sharedWith`, on their own sharing topic (sharing.content-delivered); `contentHash` (SHA-256 hex of the
 * content as delivered in full) lets a recipient check what it got.
 */
export class InformationSharedV2 {
  @IsUUID() entryId!: string;
  @IsUUID() decisionId!: string;
  @Matches(KEBAB, { message: 'decisionKind must be a kebab-case decision kind' }) decisionKind!: string;
  @IsISO8601({ strict: true }) decidedAt!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) ownerAgencyId!: string;
  @Matches(AGENCY_ID_REGEX, { each: true, message: AGENCY_ID_MESSAGE })
  @IsArray()
  @ArrayMaxSize(20)
  sharedWith!: string[];
  @Matches(SHA256_HEX, { message: 'contentHash must be 64 lowercase hex characters' }) contentHash!: string;
  /** true: entered by the system from an event that made the decision known (a filing decision, a non-prosecution). */
  @IsOptional() @IsIn([true, false]) automatic?: boolean;
}
export const InformationShared = defineEvent({
  type: 'sharing.information-shared',
  version: 2,
  payload: InformationSharedV2,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description:
    'A decision entered on the shared record (sharing.platform-entry, E17 art 34): a reference and a grant, without the content.',
  // v1 carried the text: the event itself stands for entry and decision, the text is reduced to its hash (a v1
  // message still on a topic keeps its text there; a v2 consumer never stores it).
  upcastFrom: (v1, envelope) => ({
    entryId: envelope.eventId,
    decisionId: envelope.eventId,
    decisionKind: 'unclassified',
    decidedAt: envelope.occurredAt,
    ownerAgencyId: envelope.producer.agencyId,
    sharedWith: Array.isArray(v1.sharedWith) ? v1.sharedWith.map(String) : [],
    contentHash: createHash('sha256')
      .update(typeof v1.content === 'string' ? v1.content : '')
      .digest('hex'),
  }),
});

/**
 * An agency recorded a decision on a linked case that it must enter on the shared record: starts
 * sharing.platform-entry (7 days from `decidedAt`, one step per decision). No content.
 */
export class SharingDecisionRecordedV1 {
  @IsUUID() decisionId!: string;
  @Matches(KEBAB, { message: 'decisionKind must be a kebab-case decision kind' }) decisionKind!: string;
  @IsISO8601({ strict: true }) decidedAt!: string;
}
export const SharingDecisionRecorded = defineEvent({
  type: 'sharing.decision-recorded',
  version: 1,
  payload: SharingDecisionRecordedV1,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description: 'A decision to enter on the shared record: starts sharing.platform-entry (E17 art 34, 7 days).',
});

function parseRecipientKind(value: unknown): AgencyKind {
  const kind = AGENCY_KINDS.find((k) => k === value);
  if (!kind) throw new Error(`sharing.content-delivered: recipientKind '${String(value)}' is not an agency kind`);
  return kind;
}

/** The content of one shared entry for the agencies of one kind; see SharingContentDelivered. */
export class SharingContentDeliveredV1 {
  @IsUUID() entryId!: string;
  @IsUUID() decisionId!: string;
  @Matches(KEBAB, { message: 'decisionKind must be a kebab-case decision kind' }) decisionKind!: string;
  @IsISO8601({ strict: true }) decidedAt!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) ownerAgencyId!: string;
  @IsIn(AGENCY_KINDS) recipientKind!: AgencyKind;
  @Matches(AGENCY_ID_REGEX, { each: true, message: AGENCY_ID_MESSAGE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  recipients!: string[];
  @IsIn(['full', 'case-number']) detail!: 'full' | 'case-number';
  @IsString() @MaxLength(64) ownerCaseNumber!: string;
  /** The decision's text; '' when detail is case-number. */
  @IsString() @MaxLength(4000) content!: string;
  /** Party details (name, id number, address); absent when detail is case-number. */
  @IsOptional() @IsString() @MaxLength(200) partyName?: string;
  @IsOptional() @IsString() @MaxLength(64) partyIdNumber?: string;
  @IsOptional() @IsString() @MaxLength(400) partyAddress?: string;
}
export const SharingContentDelivered = defineEvent({
  type: 'sharing.content-delivered',
  version: 1,
  payload: SharingContentDeliveredV1,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description:
    'The content of a shared entry, redacted for one recipient kind; travels only on that kind’s sharing topic (fetch-on-grant).',
  privateTo: (p) => parseRecipientKind(p.recipientKind),
});

/** An officer read another agency's shared data: who, when (occurredAt), what. Reaches the audit ledger. */
export class SharedDataReadV1 {
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) readerAgencyId!: string;
  @IsString() @MinLength(1) @MaxLength(128) readerOfficerId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) ownerAgencyId!: string;
  /** The route read, e.g. GET /sharing/entries/<id> */
  @IsString() @MinLength(1) @MaxLength(300) what!: string;
  @IsOptional() @IsUUID() entryId?: string;
  @IsIn(['full', 'case-number']) detail!: 'full' | 'case-number';
}
export const SharedDataRead = defineEvent({
  type: 'sharing.data-read',
  version: 1,
  payload: SharedDataReadV1,
  producers: ['enforcement', 'police', 'procuratorate', 'court'],
  description: 'An officer read data another agency shared with its agency (need-to-know access, recorded).',
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
  InformationSharedVersion1,
  InformationShared,
  SharingDecisionRecorded,
  SharingContentDelivered,
  SharedDataRead,
  CaseNotified,
  NotificationAcknowledged,
  ConsultationRequestedVersion1,
  ConsultationReplied,
];
