/** Response shapes of the console API (documented in OpenAPI through the classes below). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeadlineOwner } from '@casebridge/contracts';
import {
  agencyDirectory,
  describeEvent,
  ownerNames,
  periodKindOf,
  ruleTitle,
  type Bilingual,
} from '@casebridge/directory';
import { explanationText, type DeadlineExplanation, type PeriodKind } from '@casebridge/legal-time';

/** OpenAPI `type: integer` (swagger's plain Number gives `number`). */
const Integer = 'integer';
import { ruleInfo, type RuleInfo } from '../domain/legal';
import type { StepStatus, StuckReason } from '../domain/status';
import type { SupervisionStep, TimelineEvent } from '../projection/entities';

export class StepView {
  @ApiProperty({ example: '0190f7a2-5b0e-7c4a-9b3e-1f2a3b4c5d6e/transfer.receipt' }) stepId!: string;
  @ApiProperty({ example: '0190f7a2-1111-7c4a-9b3e-1f2a3b4c5d6e' }) linkedCaseId!: string;
  @ApiProperty({ type: String, nullable: true, example: '辽沈环罚〔2026〕12号' }) caseNumber!: string | null;
  @ApiProperty({
    example: '0190f7a2-5b0e-7c4a-9b3e-1f2a3b4c5d6e',
    description: 'the transfer / supervision matter the step is about',
  })
  subjectId!: string;
  @ApiProperty({ example: 'transfer.receipt' }) ruleId!: string;
  @ApiPropertyOptional({
    type: String,
    example: 'Police sign the receipt (回执) of the transfer',
    description: 'absent for a rule not in the rule book',
  })
  ruleTitle?: string;
  @ApiProperty({ example: 'standard' }) variant!: string;
  @ApiProperty({ example: { zh: '公安机关在移送书回执上签字', en: 'Police sign the receipt (回执) of the transfer' } })
  ruleTitles!: Bilingual;
  @ApiProperty({ example: 'police:210100' }) owingAgencyId!: string;
  @ApiProperty({
    example: { zh: '沈阳市公安局', en: 'Shenyang Municipal Public Security Bureau' },
    description: 'official name from the agency directory',
  })
  owingAgencyName!: Bilingual;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      "key of the step among the concurrent steps of its rule (a recipient, a question, a decision); null: the rule's single step",
  })
  stepKey!: string | null;
  @ApiProperty({
    example: { kind: 'agency', agencyId: 'police:210100' },
    description:
      "who owes the step: { kind: agency, agencyId } or { kind: party, role: court | eligible-organisation | liable-party, name? } (a party's step is followed by the owing agency)",
  })
  owner!: DeadlineOwner;
  @ApiProperty({
    example: { zh: '沈阳市公安局', en: 'Shenyang Municipal Public Security Bureau' },
    description: 'the owner in words',
  })
  ownerName!: Bilingual;
  @ApiProperty({ example: 'police' }) owingKind!: string;
  @ApiProperty({ type: String, nullable: true, example: '210100' }) owingRegion!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:30:00.000Z' }) since!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-21T03:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: '2026-11-21' }) lastDay!: string;
  @ApiProperty({
    enum: ['deadline', 'minimum', 'lead-time'],
    example: 'deadline',
    description:
      'how the period counts (legal-time PeriodKind): deadline — act by dueAt; minimum — an announcement whose end (dueAt) is the earliest moment of the next act; lead-time — served ≥ N days before an event',
  })
  periodKind!: PeriodKind;
  @ApiPropertyOptional({
    example: [2027],
    type: [Number],
    description:
      'years counted on the statutory floor because their official holiday calendar is not loaded yet: the due date is provisional and may move when the year is loaded',
  })
  provisionalYears?: number[];
  @ApiProperty({ enum: ['on-time', 'warning', 'overdue', 'stuck', 'closed'], example: 'overdue' }) status!: StepStatus;
  @ApiProperty({ example: true, description: 'overdue, no receipt, or idle past the p95 of its rule' }) stuck!: boolean;
  @ApiProperty({ example: ['overdue', 'no-receipt'], enum: ['overdue', 'no-receipt', 'idle-p95'], isArray: true })
  stuckReasons!: StuckReason[];
  @ApiProperty({ example: true }) waitingOnReceipt!: boolean;
  @ApiProperty({
    type: Integer,
    nullable: true,
    example: 2,
    description: 'whole days past the due date (console clock); null unless overdue',
  })
  overdueByDays!: number | null;
  @ApiProperty({ example: '2026-11-20T10:30:00.000Z' }) lastActivityAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) closedAt!: string | null;
  @ApiProperty({
    type: String,
    enum: ['met', 'late', 'moot', 'suspended', null],
    nullable: true,
    example: null,
    description: 'null while open',
  })
  outcome!: string | null;
  @ApiProperty({ example: 'workflow', enum: ['workflow', 'derived'] }) source!: string;
  @ApiProperty({ type: Integer, example: 1 }) pressCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-22T02:00:00.000Z' })
  lastPressedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) escalatedAt!: string | null;
}

export class StepDetailView extends StepView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'legal-time explanation: start, counting mode, raw end, holiday shifts, suspensions, extensions',
  })
  explanation!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "the counting trace in each language (rendered from the explanation's structured fields)",
  })
  explanationText!: Record<
    'zh' | 'en',
    { counting: string; rawEndDay: string | null; shifts: string[]; holidayRule: string }
  > | null;
  @ApiProperty({ type: String, nullable: true, example: 'procuratorate filing supervision' }) onExpiry!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the rule in the rule book (legal basis, period)',
  })
  rule!: RuleInfo | null;
}

export class StepPage {
  @ApiProperty({ type: [StepView] }) items!: StepView[];
  @ApiProperty({ type: Integer, example: 137, description: 'exact up to 1000; beyond, 1000 with totalCapped' })
  total!: number;
  @ApiProperty({ example: false }) totalCapped!: boolean;
  @ApiProperty({ type: Integer, example: 1 }) page!: number;
  @ApiProperty({ type: Integer, example: 50 }) pageSize!: number;
}

export class TimelineView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'transfer.sent' }) type!: string;
  @ApiProperty({ example: 'enforcement' }) producerKind!: string;
  @ApiProperty({ example: 'enforcement:210100' }) producer!: string;
  @ApiProperty({ example: { zh: '沈阳市生态环境局', en: 'Shenyang Municipal Ecology and Environment Bureau' } })
  producerName!: Bilingual;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'transfer.receipt',
    description: 'the rule of the step the event is about (deadline and supervision events); null for others',
  })
  ruleId!: string | null;
  @ApiProperty({ example: 'enf-officer-zhang' }) actor!: string;
  @ApiProperty({ example: '2026-11-20T10:30:00.000Z' }) occurredAt!: string;
  @ApiProperty({ example: '2026-11-20T10:30:00.120Z' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true }) stepId!: string | null;
  @ApiProperty({
    example:
      "Shenyang Municipal Ecology and Environment Bureau transferred the case to Shenyang Municipal Public Security Bureau, copy to Shenyang Municipal People's Procuratorate",
  })
  summary!: string;
  @ApiProperty({ example: '沈阳市生态环境局将案件移送沈阳市公安局，抄送沈阳市人民检察院' }) summaryZh!: string;
}

export function overdueDays(s: Pick<SupervisionStep, 'status' | 'dueAt'>, now: Date): number | null {
  if (s.status !== 'overdue') return null;
  return Math.max(0, Math.floor((now.getTime() - s.dueAt.getTime()) / 86_400_000));
}

/** `provisionalYears` of a legal-time explanation (set by the workflow's computeDeadline), when any. */
function provisionalOf(explanation: Record<string, unknown> | null | undefined): { provisionalYears?: number[] } {
  const years = explanation?.provisionalYears;
  return Array.isArray(years) && years.length
    ? { provisionalYears: years.filter((y): y is number => typeof y === 'number') }
    : {};
}

/** The step's owner (steps recorded before owners: the owing agency) and its name. */
function ownerOf(s: SupervisionStep): { owner: DeadlineOwner; ownerName: Bilingual } {
  const owner: DeadlineOwner = s.owner ?? { kind: 'agency', agencyId: s.owingAgencyId };
  return { owner, ownerName: ownerNames(owner) };
}

export function stepView(s: SupervisionStep, now: Date, caseNumber?: string | null): StepView {
  return {
    stepId: s.stepId,
    linkedCaseId: s.linkedCaseId,
    caseNumber: caseNumber ?? null,
    subjectId: s.subjectId,
    ruleId: s.ruleId,
    ruleTitle: ruleInfo(s.ruleId)?.title,
    ruleTitles: { zh: ruleTitle(s.ruleId, 'zh', s.stepKey), en: ruleTitle(s.ruleId, 'en', s.stepKey) },
    variant: s.variant,
    owingAgencyId: s.owingAgencyId,
    owingAgencyName: agencyDirectory().names(s.owingAgencyId),
    stepKey: s.stepKey ?? null,
    ...ownerOf(s),
    owingKind: s.owingKind,
    owingRegion: s.owingRegion,
    since: s.since.toISOString(),
    dueAt: s.dueAt.toISOString(),
    lastDay: s.lastDay,
    periodKind: periodKindOf(s.ruleId, s.variant),
    ...provisionalOf(s.explanation),
    status: s.status,
    stuck: s.stuck,
    stuckReasons: s.stuckReasons,
    waitingOnReceipt: s.waitingOnReceipt,
    overdueByDays: overdueDays(s, now),
    lastActivityAt: s.lastActivityAt.toISOString(),
    closedAt: s.closedAt?.toISOString() ?? null,
    outcome: s.outcome,
    source: s.source,
    pressCount: s.pressCount,
    lastPressedAt: s.lastPressedAt?.toISOString() ?? null,
    escalatedAt: s.escalatedAt?.toISOString() ?? null,
  };
}

export function stepDetailView(s: SupervisionStep, now: Date, caseNumber?: string | null): StepDetailView {
  const ex = s.explanation as Partial<DeadlineExplanation>;
  const text =
    typeof ex?.countingMode === 'string'
      ? { zh: explanationText(ex as DeadlineExplanation, 'zh'), en: explanationText(ex as DeadlineExplanation, 'en') }
      : null;
  return {
    ...stepView(s, now, caseNumber),
    explanation: s.explanation,
    explanationText: text,
    onExpiry: s.onExpiry,
    rule: ruleInfo(s.ruleId, s.variant),
  };
}

/** A timeline row; its sentences are made at read time from the stored payload, so directory edits show at once. */
export function timelineView(t: TimelineEvent): TimelineView {
  const sentence = describeEvent({ type: t.type, payload: t.payload, producer: { agencyId: t.producerAgencyId } });
  const ruleId = typeof t.payload?.ruleId === 'string' ? t.payload.ruleId : (t.stepId?.split('/')[1] ?? null);
  return {
    eventId: t.eventId,
    type: t.type,
    producerKind: t.producerKind,
    producer: t.producerAgencyId,
    producerName: agencyDirectory().names(t.producerAgencyId),
    ruleId,
    actor: t.actor,
    occurredAt: t.occurredAt.toISOString(),
    recordedAt: t.recordedAt.toISOString(),
    stepId: t.stepId,
    summary: sentence.en,
    summaryZh: sentence.zh,
  };
}
