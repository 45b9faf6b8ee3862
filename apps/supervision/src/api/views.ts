/** Response shapes of the console API (documented in OpenAPI through the classes below). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI `type: integer` (swagger's plain Number gives `number`). */
const Integer = 'integer';
import { ruleInfo, type RuleInfo } from '../domain/legal';
import type { StepStatus, StuckReason } from '../domain/status';
import type { SupervisionStep, TimelineEvent } from '../projection/entities';

export class StepView {
  @ApiProperty({ example: '0190f7a2-5b0e-7c4a-9b3e-1f2a3b4c5d6e/transfer.receipt' }) stepId!: string;
  @ApiProperty({ example: '0190f7a2-1111-7c4a-9b3e-1f2a3b4c5d6e' }) linkedCaseId!: string;
  @ApiProperty({ type: String, nullable: true, example: '辽沈环罚〔2026〕12号' }) caseNumber!: string | null;
  @ApiProperty({ example: '0190f7a2-5b0e-7c4a-9b3e-1f2a3b4c5d6e', description: 'the transfer / supervision matter the step is about' }) subjectId!: string;
  @ApiProperty({ example: 'transfer.receipt' }) ruleId!: string;
  @ApiPropertyOptional({ type: String, example: 'Police sign the receipt (回执) of the transfer', description: 'absent for a rule not in the rule book' }) ruleTitle?: string;
  @ApiProperty({ example: 'standard' }) variant!: string;
  @ApiProperty({ example: 'police:210100' }) owingAgencyId!: string;
  @ApiProperty({ example: 'police' }) owingKind!: string;
  @ApiProperty({ type: String, nullable: true, example: '210100' }) owingRegion!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:30:00.000Z' }) since!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-21T03:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: '2026-11-21' }) lastDay!: string;
  @ApiPropertyOptional({
    example: [2027], type: [Number],
    description: 'years counted on the statutory floor because their official holiday calendar is not loaded yet: the due date is provisional and may move when the year is loaded',
  }) provisionalYears?: number[];
  @ApiProperty({ enum: ['on-time', 'warning', 'overdue', 'stuck', 'closed'], example: 'overdue' }) status!: StepStatus;
  @ApiProperty({ example: true, description: 'overdue, no receipt, or idle past the p95 of its rule' }) stuck!: boolean;
  @ApiProperty({ example: ['overdue', 'no-receipt'], enum: ['overdue', 'no-receipt', 'idle-p95'], isArray: true }) stuckReasons!: StuckReason[];
  @ApiProperty({ example: true }) waitingOnReceipt!: boolean;
  @ApiProperty({ type: Integer, nullable: true, example: 2, description: 'whole days past the due date (console clock); null unless overdue' }) overdueByDays!: number | null;
  @ApiProperty({ example: '2026-11-20T10:30:00.000Z' }) lastActivityAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) closedAt!: string | null;
  @ApiProperty({ enum: ['met', 'late', 'moot', 'suspended'], nullable: true, example: null, description: 'null while open' }) outcome!: string | null;
  @ApiProperty({ example: 'workflow', enum: ['workflow', 'derived'] }) source!: string;
  @ApiProperty({ type: Integer, example: 1 }) pressCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-22T02:00:00.000Z' }) lastPressedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) escalatedAt!: string | null;
}

export class StepDetailView extends StepView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'legal-time explanation: start, counting mode, raw end, holiday shifts, suspensions, extensions' })
  explanation!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, example: 'procuratorate filing supervision' }) onExpiry!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the rule in the rule book (legal basis, period)' }) rule!: RuleInfo | null;
}

export class StepPage {
  @ApiProperty({ type: [StepView] }) items!: StepView[];
  @ApiProperty({ example: 137, description: 'exact up to 1000; beyond, 1000 with totalCapped' }) total!: number;
  @ApiProperty({ example: false }) totalCapped!: boolean;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) pageSize!: number;
}

export class TimelineView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'transfer.sent' }) type!: string;
  @ApiProperty({ example: 'enforcement' }) producerKind!: string;
  @ApiProperty({ example: 'enforcement:210100' }) producer!: string;
  @ApiProperty({ example: 'enf-officer-zhang' }) actor!: string;
  @ApiProperty({ example: '2026-11-20T10:30:00.000Z' }) occurredAt!: string;
  @ApiProperty({ example: '2026-11-20T10:30:00.120Z' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true }) stepId!: string | null;
  @ApiProperty({ example: 'enforcement:210100 sent the transfer to police:210100, copy to procuratorate:210100' }) summary!: string;
  @ApiProperty({ example: 'enforcement:210100 移送至 police:210100，抄送 procuratorate:210100' }) summaryZh!: string;
}

export function overdueDays(s: Pick<SupervisionStep, 'status' | 'dueAt'>, now: Date): number | null {
  if (s.status !== 'overdue') return null;
  return Math.max(0, Math.floor((now.getTime() - s.dueAt.getTime()) / 86_400_000));
}

/** `provisionalYears` of a legal-time explanation (set by the workflow's computeDeadline), when any. */
function provisionalOf(explanation: Record<string, unknown> | null | undefined): { provisionalYears?: number[] } {
  const years = explanation?.provisionalYears;
  return Array.isArray(years) && years.length ? { provisionalYears: years.filter((y): y is number => typeof y === 'number') } : {};
}

export function stepView(s: SupervisionStep, now: Date, caseNumber?: string | null): StepView {
  return {
    stepId: s.stepId, linkedCaseId: s.linkedCaseId, caseNumber: caseNumber ?? null, subjectId: s.subjectId, ruleId: s.ruleId,
    ruleTitle: ruleInfo(s.ruleId)?.title, variant: s.variant, owingAgencyId: s.owingAgencyId, owingKind: s.owingKind, owingRegion: s.owingRegion,
    since: s.since.toISOString(), dueAt: s.dueAt.toISOString(), lastDay: s.lastDay, ...provisionalOf(s.explanation), status: s.status, stuck: s.stuck,
    stuckReasons: s.stuckReasons, waitingOnReceipt: s.waitingOnReceipt, overdueByDays: overdueDays(s, now),
    lastActivityAt: s.lastActivityAt.toISOString(), closedAt: s.closedAt?.toISOString() ?? null, outcome: s.outcome, source: s.source,
    pressCount: s.pressCount, lastPressedAt: s.lastPressedAt?.toISOString() ?? null, escalatedAt: s.escalatedAt?.toISOString() ?? null,
  };
}

export function stepDetailView(s: SupervisionStep, now: Date, caseNumber?: string | null): StepDetailView {
  return { ...stepView(s, now, caseNumber), explanation: s.explanation, onExpiry: s.onExpiry, rule: ruleInfo(s.ruleId, s.variant) };
}

export function timelineView(t: TimelineEvent): TimelineView {
  return {
    eventId: t.eventId, type: t.type, producerKind: t.producerKind, producer: t.producerAgencyId, actor: t.actor,
    occurredAt: t.occurredAt.toISOString(), recordedAt: t.recordedAt.toISOString(), stepId: t.stepId, summary: t.summary, summaryZh: t.summaryZh,
  };
}
