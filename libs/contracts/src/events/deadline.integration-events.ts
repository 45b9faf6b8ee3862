import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AGENCY_ID_PATTERN } from '../agency';
import type { IntegrationEventEnvelope } from '../envelope';
import { defineEvent } from '../registry';

/** Parties that may owe a statutory step without being an agency of CaseBridge (deadlines.md: court windows, PIL, EDC). */
export const DEADLINE_PARTY_ROLES = ['court', 'eligible-organisation', 'liable-party'] as const;
export type DeadlinePartyRole = (typeof DEADLINE_PARTY_ROLES)[number];

/** Who owes a step: any agency by id, or a party (optionally named). */
export type DeadlineOwner =
  { kind: 'agency'; agencyId: string } | { kind: 'party'; role: DeadlinePartyRole; name?: string };

/** The owner of a step on the wire (a DeadlineOwner: agencyId for an agency, role and optional name for a party). */
export class DeadlineOwnerV1 {
  @IsIn(['agency', 'party']) kind!: 'agency' | 'party';
  @ValidateIf((o: DeadlineOwnerV1) => o.kind === 'agency') @Matches(AGENCY_ID_PATTERN) agencyId?: string;
  @ValidateIf((o: DeadlineOwnerV1) => o.kind === 'party') @IsIn(DEADLINE_PARTY_ROLES) role?: DeadlinePartyRole;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
}

/** A step published before owners existed was owed by its owing agency. */
function agencyOwner(previous: Record<string, unknown>): { owner: DeadlineOwner } {
  return { owner: { kind: 'agency', agencyId: String(previous.owingAgencyId) } };
}

/** The display name of an owner: the agency id, or the party role with its name. */
export function deadlineOwnerLabel(owner: DeadlineOwner): string {
  return owner.kind === 'agency' ? owner.agencyId : `${owner.role}${owner.name ? `: ${owner.name}` : ''}`;
}

type Upcast<P> = (previous: Record<string, unknown>, envelope: IntegrationEventEnvelope) => P;
const keepWithAgencyOwner =
  <P>(): Upcast<P> =>
  (previous) =>
    ({ ...previous, ...agencyOwner(previous) }) as P;

/** A running statutory deadline, as published by the workflows (rule ids of deadlines.md). v1: frozen. */
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
export const DeadlineStartedVersion1 = defineEvent({
  type: 'deadline.started',
  version: 1,
  payload: DeadlineStartedV1,
  producers: ['workflow'],
  description: 'v1 (superseded): a statutory clock started, was extended (same stepId, new dueAt) or resumed.',
});

/**
 * v2 adds the step key (one rule may run several steps at once: `<subjectId>/<ruleId>@<stepKey>`) and the owner
 * (an agency or a party). `owingAgencyId` is the agency whose inbox holds the step: the owning agency, or the agency
 * that follows a party's step.
 */
export class DeadlineStartedV2 extends DeadlineStartedV1 {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner!: DeadlineOwner;
}
export const DeadlineStartedVersion2 = defineEvent({
  type: 'deadline.started',
  version: 2,
  payload: DeadlineStartedV2,
  producers: ['workflow'],
  description:
    'A statutory clock started, was extended (same stepId, new dueAt) or resumed; with its step key and owner.',
  // v1 steps had no key and were owed by their owing agency
  upcastFrom: keepWithAgencyOwner<DeadlineStartedV2>(),
});

export class DeadlineWarningV1 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
}
export const DeadlineWarningVersion1 = defineEvent({
  type: 'deadline.warning',
  version: 1,
  payload: DeadlineWarningV1,
  producers: ['workflow'],
  description: 'v1 (superseded): a deadline is near (configurable lead time).',
});

/** v2 adds the step key and the owner (see DeadlineStartedV2). */
export class DeadlineWarningV2 extends DeadlineWarningV1 {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner!: DeadlineOwner;
}
export const DeadlineWarningVersion2 = defineEvent({
  type: 'deadline.warning',
  version: 2,
  payload: DeadlineWarningV2,
  producers: ['workflow'],
  description: 'A deadline is near (configurable lead time); with its step key and owner.',
  upcastFrom: keepWithAgencyOwner<DeadlineWarningV2>(),
});

/** v1 as first published: rule, owing agency and due date only. Frozen. */
export class DeadlineMissedV1 {
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
}
export const DeadlineMissedVersion1 = defineEvent({
  type: 'deadline.missed',
  version: 1,
  payload: DeadlineMissedV1,
  producers: ['workflow'],
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
export const DeadlineMissedVersion2 = defineEvent({
  type: 'deadline.missed',
  version: 2,
  payload: DeadlineMissedV2,
  producers: ['workflow'],
  description: 'v2 (superseded): a deadline ran out: the owing agency and the supervisors are told.',
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

/** v3 adds the step key and the owner (see DeadlineStartedV2). */
export class DeadlineMissedV3 extends DeadlineMissedV2 {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner!: DeadlineOwner;
}
export const DeadlineMissedVersion3 = defineEvent({
  type: 'deadline.missed',
  version: 3,
  payload: DeadlineMissedV3,
  producers: ['workflow'],
  description:
    'A deadline ran out: the owing agency (or the agency following the owing party) and the supervisors are told.',
  upcastFrom: keepWithAgencyOwner<DeadlineMissedV3>(),
});

export class DeadlineClosedV1 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(/^[a-z-]+\.[a-z-]+$/) ruleId!: string;
  @IsIn(['met', 'late', 'moot', 'suspended']) outcome!: 'met' | 'late' | 'moot' | 'suspended';
}
export const DeadlineClosedVersion1 = defineEvent({
  type: 'deadline.closed',
  version: 1,
  payload: DeadlineClosedV1,
  producers: ['workflow'],
  description: 'v1 (superseded): the owed act happened (met/late), the step became moot, or the clock was suspended.',
});

/** v2 adds the step key and the owner; a closed v1 named no owner (absent after upcasting). */
export class DeadlineClosedV2 extends DeadlineClosedV1 {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner?: DeadlineOwner;
}
export const DeadlineClosedVersion2 = defineEvent({
  type: 'deadline.closed',
  version: 2,
  payload: DeadlineClosedV2,
  producers: ['workflow'],
  description:
    'The owed act happened (met/late), the step became moot, or the clock was suspended; with its step key and owner.',
  upcastFrom: (v1) => ({ ...v1 }) as unknown as DeadlineClosedV2,
});

// ---- rule ids without a section (joint-supervision) --------------------------------------------------------------
// The versions above accept `<section>.<name>` rule ids only; deadlines.md also has `joint-supervision` (联合督办).
// The next versions accept any rule id of deadlines.md; same fields, so every upcaster is the identity.

/** A rule id of deadlines.md: `transfer.receipt`, `joint-supervision`. */
export const RULE_ID_PATTERN = /^[a-z][a-z-]*(\.[a-z][a-z-]*)*$/;
const RULE_ID_MESSAGE = 'ruleId must be a rule id of deadlines.md such as transfer.receipt or joint-supervision';
const same =
  <P>(): Upcast<P> =>
  (previous) =>
    ({ ...previous }) as P;

/** v3: v2 with any rule id of deadlines.md. */
export class DeadlineStartedV3 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(RULE_ID_PATTERN, { message: RULE_ID_MESSAGE }) ruleId!: string;
  @IsString() @MaxLength(64) variant!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) startedAt!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) lastDay!: string;
  @IsObject() explain!: Record<string, unknown>;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner!: DeadlineOwner;
}
export const DeadlineStarted = defineEvent({
  type: 'deadline.started',
  version: 3,
  payload: DeadlineStartedV3,
  producers: ['workflow'],
  description:
    'A statutory clock started, was extended (same stepId, new dueAt) or resumed; with its step key and owner; any rule id.',
  upcastFrom: same<DeadlineStartedV3>(),
});

/** v3: v2 with any rule id of deadlines.md. */
export class DeadlineWarningV3 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(RULE_ID_PATTERN, { message: RULE_ID_MESSAGE }) ruleId!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner!: DeadlineOwner;
}
export const DeadlineWarning = defineEvent({
  type: 'deadline.warning',
  version: 3,
  payload: DeadlineWarningV3,
  producers: ['workflow'],
  description: 'A deadline is near (configurable lead time); with its step key and owner; any rule id.',
  upcastFrom: same<DeadlineWarningV3>(),
});

/** v4: v3 with any rule id of deadlines.md. */
export class DeadlineMissedV4 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(RULE_ID_PATTERN, { message: RULE_ID_MESSAGE }) ruleId!: string;
  @IsString() @MaxLength(64) variant!: string;
  @IsString() @MaxLength(64) owingAgencyId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsOptional() @IsString() @MaxLength(500) onExpiry?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner!: DeadlineOwner;
}
export const DeadlineMissed = defineEvent({
  type: 'deadline.missed',
  version: 4,
  payload: DeadlineMissedV4,
  producers: ['workflow'],
  description:
    'A deadline ran out: the owing agency (or the agency following the owing party) and the supervisors are told; any rule id.',
  upcastFrom: same<DeadlineMissedV4>(),
});

/** v3: v2 with any rule id of deadlines.md. */
export class DeadlineClosedV3 {
  @IsString() @MaxLength(200) stepId!: string;
  @IsUUID() subjectId!: string;
  @Matches(RULE_ID_PATTERN, { message: RULE_ID_MESSAGE }) ruleId!: string;
  @IsIn(['met', 'late', 'moot', 'suspended']) outcome!: 'met' | 'late' | 'moot' | 'suspended';
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) stepKey?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DeadlineOwnerV1) owner?: DeadlineOwner;
}
export const DeadlineClosed = defineEvent({
  type: 'deadline.closed',
  version: 3,
  payload: DeadlineClosedV3,
  producers: ['workflow'],
  description:
    'The owed act happened (met/late), the step became moot, or the clock was suspended; with its step key and owner; any rule id.',
  upcastFrom: same<DeadlineClosedV3>(),
});

export const DEADLINE_EVENTS = [
  DeadlineStartedVersion1,
  DeadlineStartedVersion2,
  DeadlineStarted,
  DeadlineWarningVersion1,
  DeadlineWarningVersion2,
  DeadlineWarning,
  DeadlineMissedVersion1,
  DeadlineMissedVersion2,
  DeadlineMissedVersion3,
  DeadlineMissed,
  DeadlineClosedVersion1,
  DeadlineClosedVersion2,
  DeadlineClosed,
];
