import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
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
import { ConsultationRequestedV1 } from './sharing.integration-events';
import { SupervisionJointListedV1 } from './supervision.integration-events';

/**
 * Case notification, two-way consultation and joint supervision (flows.md §5), the versions and events added
 * after the first sharing contracts (sharing.integration-events.ts keeps the v1 shapes, frozen).
 */

/** Largest attachment accepted: 1 TiB (bytes), as for evidence. */
export const MAX_ATTACHMENT_BYTES = 2 ** 40;

/** A file attached to a consultation: named and hashed like evidence (E17 art 6), the content stays with the sender. */
export class ConsultationAttachmentV1 {
  @IsString() @MinLength(1) @MaxLength(255) fileName!: string;
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' }) sha256!: string;
  @IsInt() @Min(0) @Max(MAX_ATTACHMENT_BYTES) sizeBytes!: number;
}

/** v2 adds the attachments (0–20 files, each named, sized and hashed). */
export class ConsultationRequestedV2 extends ConsultationRequestedV1 {
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConsultationAttachmentV1)
  attachments!: ConsultationAttachmentV1[];
}
export const ConsultationRequested = defineEvent({
  type: 'consultation.requested',
  version: 2,
  payload: ConsultationRequestedV2,
  producers: ['enforcement', 'police', 'procuratorate'],
  description: '双向案件咨询 with its attachments: starts consultation.written-reply (7 days, E17 art 24).',
  // a v1 question carried no attachments
  upcastFrom: (v1) => ({ ...(v1 as unknown as ConsultationRequestedV1), attachments: [] }),
});

/** The police answer a suspected-crime notification by opening a preliminary inquiry (初查, E17 art 26). */
export class NotificationInquiryOpenedV1 {
  @IsUUID() notificationId!: string;
  @IsUUID() inquiryId!: string;
}
export const NotificationInquiryOpened = defineEvent({
  type: 'notification.inquiry-opened',
  version: 1,
  payload: NotificationInquiryOpenedV1,
  producers: ['police'],
  description: 'The police opened a preliminary inquiry (初查) on a notified obvious crime (E17 art 26).',
});

/** v2 names the agencies that take part (each reports its progress every review interval). */
export class SupervisionJointListedV2 extends SupervisionJointListedV1 {
  @Matches(AGENCY_ID_REGEX, { each: true, message: AGENCY_ID_MESSAGE })
  @IsArray()
  @ArrayMaxSize(20)
  participants!: string[];
}
export const SupervisionJointListed = defineEvent({
  type: 'supervision.joint-listed',
  version: 2,
  payload: SupervisionJointListedV2,
  producers: ['supervision'],
  description: '联合督办: a major case listed for joint supervision, with its participants (E17 arts 29, 31).',
  // a v1 listing named nobody: no agency owes a progress report
  upcastFrom: (v1) => ({ ...(v1 as unknown as SupervisionJointListedV1), participants: [] }),
});

/** A decision of a joint meeting: what, who owns it, by when. */
export class JointDecisionV1 {
  @IsUUID() decisionId!: string;
  @IsString() @MinLength(1) @MaxLength(2000) text!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) ownerAgencyId!: string;
  /** ISO-8601 instant with offset */
  @IsISO8601({ strict: true }) dueAt!: string;
}

/** 联席会议: the minutes of a joint-supervision review and its decisions; closes the round, opens the next. */
export class SupervisionJointMeetingRecordedV1 {
  /** the review round the meeting closes (1 = the first interval after the listing) */
  @IsInt() @Min(1) @Max(1000) round!: number;
  @IsString() @MinLength(1) @MaxLength(20000) minutes!: string;
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => JointDecisionV1)
  decisions!: JointDecisionV1[];
}
export const SupervisionJointMeetingRecorded = defineEvent({
  type: 'supervision.joint-meeting-recorded',
  version: 1,
  payload: SupervisionJointMeetingRecordedV1,
  producers: ['supervision'],
  description: '联席会议: minutes and decisions (owner, due date) of a joint-supervision review (E17 art 31).',
});

/** An agency's progress report for one review round of a joint supervision. */
export class JointProgressReportedV1 {
  @IsInt() @Min(1) @Max(1000) round!: number;
  @IsString() @MinLength(1) @MaxLength(8000) progress!: string;
}
export const JointProgressReported = defineEvent({
  type: 'joint-supervision.progress-reported',
  version: 1,
  payload: JointProgressReportedV1,
  producers: ['enforcement', 'police', 'procuratorate'],
  description: 'A participating agency reported its progress for a review round (joint-supervision).',
});

/** The owner of a joint-meeting decision reports it done. */
export class JointDecisionDoneV1 {
  @IsUUID() decisionId!: string;
  @IsString() @MinLength(1) @MaxLength(8000) note!: string;
}
export const JointDecisionDone = defineEvent({
  type: 'joint-supervision.decision-done',
  version: 1,
  payload: JointDecisionDoneV1,
  producers: ['enforcement', 'police', 'procuratorate'],
  description: 'The owning agency carried out a decision of a joint meeting.',
});

export const COOPERATION_EVENTS = [
  ConsultationRequested,
  NotificationInquiryOpened,
  SupervisionJointListed,
  SupervisionJointMeetingRecorded,
  JointProgressReported,
  JointDecisionDone,
];
