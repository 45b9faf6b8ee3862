import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COURT_CASE_SOURCES, COURT_TRACKS, type CourtCaseSource, type CourtTrack } from '@casebridge/contracts';
import type { TimelineEntry } from '@casebridge/platform';
import type { CourtCase, RestorationRecord } from '../court-case.entity';
import {
  COURT_CASE_PHASES,
  isClosed,
  RESTORATION_STATUSES,
  restorationOverdue,
  type CourtCasePhase,
  type RestorationStatus,
} from '../court-case.machine';
import { chinaToday } from '../china-day';

/** One line of a case's timeline. */
export class TimelineEntryResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'docketed (2026)辽01民初45号 (ordinary); court.trial-civil running' }) what!: string;
  @ApiProperty({ example: 'judge-1', description: 'the officer, or `<agency>/<officer>` of another agency’s event' })
  by!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the event it comes from' }) eventId?: string;
  @ApiPropertyOptional({ example: '公告期满未收到异议' }) note?: string;
}

/** One progress report or verification of a restoration order. */
export class RestorationRecordResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'judge-1' }) by!: string;
  @ApiProperty({ enum: ['report', 'verification'], example: 'report' }) kind!: 'report' | 'verification';
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    example: 60,
    description: 'reports: share done, in whole percent',
  })
  percentDone?: number;
  @ApiPropertyOptional({ enum: ['completed', 'not-completed'], description: 'verifications' }) outcome?:
    'completed' | 'not-completed';
  @ApiProperty({ example: '已补植 1.2 公顷' }) text!: string;
}

/** A restoration order as the court tracks it. */
export class RestorationResponse {
  @ApiProperty({ example: '补植复绿 2 公顷' }) order!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2027-06-30',
    description: 'last day (YYYY-MM-DD), set in the judgment',
  })
  dueDate!: string | null;
  @ApiProperty({ enum: RESTORATION_STATUSES, example: 'in-progress' }) status!: RestorationStatus;
  @ApiProperty({ description: 'due date passed and not verified completed (China time)' }) overdue!: boolean;
  @ApiProperty({ type: [RestorationRecordResponse], description: 'progress reports and verifications, oldest first' })
  records!: RestorationRecord[];
}

/** One court case as its court office reads it (GET /court-cases, GET /court-cases/{id}). */
export class CourtCaseResponse {
  @ApiProperty({ format: 'uuid' }) courtCaseId!: string;
  @ApiProperty({ example: 'court:210100' }) courtAgencyId!: string;
  @ApiProperty({
    example: 'court:210300',
    description: 'the court the plaintiff addressed (the map may have forwarded the case)',
  })
  addressedTo!: string;
  @ApiProperty({ enum: COURT_CASE_SOURCES, example: 'pil' }) source!: CourtCaseSource;
  @ApiProperty({ format: 'uuid', description: 'the prosecution, PIL or EDC case it answers' }) sourceId!: string;
  @ApiProperty({ format: 'uuid' }) linkedCaseId!: string;
  @ApiProperty({ enum: COURT_TRACKS, example: 'civil' }) track!: CourtTrack;
  @ApiProperty({ type: String, enum: ['administrative', 'civil'], nullable: true }) pilKind!:
    'administrative' | 'civil' | null;
  @ApiProperty({ example: 'procuratorate:210300' }) plaintiffAgencyId!: string;
  @ApiProperty({ type: String, nullable: true }) claim!: string | null;
  @ApiProperty({ enum: COURT_CASE_PHASES, example: 'docketed' }) phase!: CourtCasePhase;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '(2026)辽01民初45号' }) docketNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['ordinary', 'simplified'] }) procedure!:
    'ordinary' | 'simplified' | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) docketedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) notAcceptedReasons!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) complaintServedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'enforcement:210300' }) notifiedAgencyId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) agencyNotifiedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) coPlaintiffAnnouncedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) hearingAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) settlementAnnouncedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) confirmationAnnouncedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'standard', description: 'variant of court.trial-*' })
  trialVariant!: string | null;
  @ApiProperty({ type: String, nullable: true }) judgmentSummary!: string | null;
  @ApiProperty({ type: RestorationResponse, nullable: true }) restoration!: RestorationResponse | null;
  @ApiProperty({ type: [TimelineEntryResponse], description: 'what happened, in event-time order' })
  timeline!: TimelineEntry[];
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The response of one case, as of `now` (restoration overdue in China time). */
export function toCourtCaseResponse(c: CourtCase, now: Date = new Date()): CourtCaseResponse {
  return {
    courtCaseId: c.courtCaseId,
    courtAgencyId: c.courtAgencyId,
    addressedTo: c.addressedTo,
    source: c.source,
    sourceId: c.sourceId,
    linkedCaseId: c.linkedCaseId,
    track: c.track,
    pilKind: c.pilKind,
    plaintiffAgencyId: c.plaintiffAgencyId,
    claim: c.claim,
    phase: c.phase,
    closed: isClosed(c.phase),
    docketNumber: c.docketNumber,
    procedure: c.procedure,
    docketedAt: iso(c.docketedAt),
    notAcceptedReasons: c.notAcceptedReasons,
    complaintServedAt: iso(c.complaintServedAt),
    notifiedAgencyId: c.notifiedAgencyId,
    agencyNotifiedAt: iso(c.agencyNotifiedAt),
    coPlaintiffAnnouncedAt: iso(c.coPlaintiffAnnouncedAt),
    hearingAt: iso(c.hearingAt),
    settlementAnnouncedAt: iso(c.settlementAnnouncedAt),
    confirmationAnnouncedAt: iso(c.confirmationAnnouncedAt),
    trialVariant: c.trialVariant,
    judgmentSummary: c.judgmentSummary,
    restoration: c.restorationOrder
      ? {
          order: c.restorationOrder,
          dueDate: c.restorationDueDate,
          status: c.restorationStatus,
          overdue: restorationOverdue(c.restorationStatus, c.restorationDueDate, chinaToday(now)),
          records: c.restorationRecords,
        }
      : null,
    timeline: c.timeline,
    receivedAt: c.receivedAt.toISOString(),
  };
}
