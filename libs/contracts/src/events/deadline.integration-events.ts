import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../registry';

/** A running statutory deadline, as published by the workflows (rule ids of deadlines.md). */
export class DeadlineStartedV1 {
  /** Stable id of the step: `<subjectId>/<ruleId>` (one step may be extended, never duplicated). */
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsString() @MaxLength(64) variant!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) startedAt!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) lastDay!: string;
  /** The legal-time explanation trace (start, counting mode, raw end, shifts). */
  @IsObject() explain!: Record<string, unknown>;
}
export const DeadlineStarted = defineEvent({
  type: 'deadline.started', version: 1, payload: DeadlineStartedV1, producers: ['workflow'],
  description: 'A statutory clock started, was extended (same stepId, new dueAt) or resumed.',
});

export class DeadlineWarningV1 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
}
export const DeadlineWarning = defineEvent({
  type: 'deadline.warning', version: 1, payload: DeadlineWarningV1, producers: ['workflow'],
  description: 'A deadline is near (configurable lead time).',
});

/** v1 as first published: rule, owing agency and due date only. Frozen. */
export class DeadlineMissedV1 {
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
}
export const DeadlineMissedVersion1 = defineEvent({
  type: 'deadline.missed', version: 1, payload: DeadlineMissedV1, producers: ['workflow'],
  description: 'v1 (superseded): a deadline ran out.',
});

/** v2 adds the step, its subject and the variant, so consumers can match it to the open step. */
export class DeadlineMissedV2 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsString() @MaxLength(64) variant!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsOptional() @IsString() @MaxLength(500) onExpiry?: string;
}
export const DeadlineMissed = defineEvent({
  type: 'deadline.missed', version: 2, payload: DeadlineMissedV2, producers: ['workflow'],
  description: 'A deadline ran out: the owing agency and the supervisors are told.',
  // v1 carried no step: the linked case stands in for the subject, the rule id for the step.
  upcastFrom: (v1, envelope) => ({
    stepId: `${envelope.linkedCaseId}/${String(v1.ruleId)}`,
    subjectId: envelope.linkedCaseId,
    ruleId: String(v1.ruleId),
    variant: 'standard',
    owingAgencyId: String(v1.owingAgencyId),
    dueAt: String(v1.dueAt),
  }),
});

export class DeadlineClosedV1 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsIn(['met', 'late', 'moot', 'suspended']) outcome!: 'met' | 'late' | 'moot' | 'suspended';
}
export const DeadlineClosed = defineEvent({
  type: 'deadline.closed', version: 1, payload: DeadlineClosedV1, producers: ['workflow'],
  description: 'The owed act happened (met/late), the step became moot, or the clock was suspended.',
});

export const DEADLINE_EVENTS = [DeadlineStarted, DeadlineWarning, DeadlineMissedVersion1, DeadlineMissed, DeadlineClosed];
