/**
 * The supervision projection (database casebridge_supervision). Built only from integration events
 * (the inbox makes each apply exactly once) and the console's own actions.
 */
import type { DeadlineOwner } from '@casebridge/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StepStatus, StuckReason } from '../domain/status';

const OPEN = 'closed_at IS NULL';

/** One statutory step (`<subjectId>/<ruleId>`, later rounds `…#2`), open or recently closed. */
@Entity('supervision_step')
@Index('IDX_step_open_due', ['dueAt'], { where: OPEN })
@Index('IDX_step_open_status_due', ['status', 'dueAt'], { where: OPEN })
@Index('IDX_step_open_rule_due', ['ruleId', 'dueAt'], { where: OPEN })
@Index('IDX_step_open_receipt_due', ['dueAt'], { where: `${OPEN} AND waiting_on_receipt` })
@Index('IDX_step_open_agency_status', ['owingAgencyId', 'status'], { where: OPEN })
@Index('IDX_step_open_next_change', ['nextChangeAt'], { where: `${OPEN} AND next_change_at IS NOT NULL` })
@Index('IDX_step_closed_at', ['closedAt'], { where: 'closed_at IS NOT NULL' })
@Index('IDX_step_case', ['linkedCaseId'])
@Index('IDX_step_subject', ['subjectId', 'ruleId'])
/** GIN (scope_keys) WHERE open, created by migration StepScopeIndexAndTally */
@Index('IDX_step_open_scope', ['scopeKeys'], { where: OPEN, type: 'gin' })
export class SupervisionStep {
  @PrimaryColumn('varchar', { name: 'step_id', length: 200 }) stepId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'subject_id', length: 200 }) subjectId!: string;
  @Column('varchar', { name: 'rule_id', length: 64 }) ruleId!: string;
  @Column('varchar', { length: 64 }) variant!: string;
  @Column('varchar', { name: 'owing_agency_id', length: 64 }) owingAgencyId!: string;
  /** key of the step among the concurrent steps of its rule (deadline events v2+); null: the rule's single step */
  @Column('varchar', { name: 'step_key', length: 100, nullable: true }) stepKey!: string | null;
  /** who owes the step: an agency, or a party the owing agency follows (deadline events v2+); null: the owing agency */
  @Column('jsonb', { nullable: true }) owner!: DeadlineOwner | null;
  /** enforcement | police | procuratorate | court | other */
  @Column('varchar', { name: 'owing_kind', length: 16 }) owingKind!: string;
  @Column('varchar', { name: 'owing_region', length: 6, nullable: true }) owingRegion!: string | null;
  @Column('varchar', { name: 'origin_region', length: 6, nullable: true }) originRegion!: string | null;
  @Column('text', { name: 'scope_keys', array: true, default: () => "'{}'" }) scopeKeys!: string[];
  /** workflow (deadline.started) or derived (from transfer.sent while no workflow clock is known) */
  @Column('varchar', { length: 16 }) source!: 'workflow' | 'derived';
  @Column('timestamptz') since!: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('varchar', { name: 'last_day', length: 10 }) lastDay!: string;
  @Column('jsonb') explanation!: Record<string, unknown>;
  @Column('text', { name: 'on_expiry', nullable: true }) onExpiry!: string | null;
  @Column('timestamptz', { name: 'warned_at', nullable: true }) warnedAt!: Date | null;
  @Column('timestamptz', { name: 'missed_at', nullable: true }) missedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('varchar', { length: 16, nullable: true }) outcome!: string | null;
  @Column('varchar', { length: 16 }) status!: StepStatus;
  @Column('boolean', { default: false }) stuck!: boolean;
  @Column('text', { name: 'stuck_reasons', array: true, default: () => "'{}'" }) stuckReasons!: StuckReason[];
  @Column('boolean', { name: 'waiting_on_receipt', default: false }) waitingOnReceipt!: boolean;
  @Column('timestamptz', { name: 'next_change_at', nullable: true }) nextChangeAt!: Date | null;
  @Column('timestamptz', { name: 'last_activity_at' }) lastActivityAt!: Date;
  @Column('timestamptz', { name: 'last_pressed_at', nullable: true }) lastPressedAt!: Date | null;
  @Column('int', { name: 'press_count', default: 0 }) pressCount!: number;
  @Column('timestamptz', { name: 'escalated_at', nullable: true }) escalatedAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

/** One linked case (联动案件) as far as the console knows it. */
@Entity('supervision_case')
export class SupervisionCase {
  @PrimaryColumn('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'case_number', length: 64, nullable: true }) caseNumber!: string | null;
  @Column('varchar', { name: 'party_name', length: 200, nullable: true }) partyName!: string | null;
  /** the agency of the earliest agency event on the case (see domain/region.ts) */
  @Column('varchar', { name: 'origin_agency_id', length: 64, nullable: true }) originAgencyId!: string | null;
  @Column('varchar', { name: 'origin_region', length: 6, nullable: true }) originRegion!: string | null;
  @Column('timestamptz', { name: 'origin_at', nullable: true }) originAt!: Date | null;
  @Column('timestamptz', { name: 'last_activity_at' }) lastActivityAt!: Date;
  @Column('int', { name: 'event_count', default: 0 }) eventCount!: number;
  @Column('timestamptz', { name: 'joint_listed_at', nullable: true }) jointListedAt!: Date | null;
  @Column('varchar', { name: 'joint_review_interval', length: 64, nullable: true }) jointReviewInterval!: string | null;
  @Column('text', { name: 'joint_reason', nullable: true }) jointReason!: string | null;
}

/** Every event of a case, in event time (the cross-agency timeline). */
@Entity('supervision_timeline')
@Index('IDX_timeline_case_time', ['linkedCaseId', 'occurredAt'])
export class TimelineEvent {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { length: 64 }) type!: string;
  @Column('int') version!: number;
  @Column('varchar', { name: 'producer_kind', length: 16 }) producerKind!: string;
  @Column('varchar', { name: 'producer_agency_id', length: 64 }) producerAgencyId!: string;
  @Column('varchar', { name: 'producer_region', length: 6, nullable: true }) producerRegion!: string | null;
  @Column('varchar', { length: 128 }) actor!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
  @Column('varchar', { name: 'step_id', length: 200, nullable: true }) stepId!: string | null;
  @Column('text') summary!: string;
  @Column('text', { name: 'summary_zh' }) summaryZh!: string;
  @Column('jsonb') payload!: Record<string, unknown>;
}

/** A transfer as seen from its events (who sent it to whom), for reconciliation and derived receipt steps. */
@Entity('supervision_transfer')
@Index('IDX_transfer_case', ['linkedCaseId'])
export class SupervisionTransfer {
  @PrimaryColumn('uuid', { name: 'transfer_id' }) transferId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'from_agency_id', length: 64, nullable: true }) fromAgencyId!: string | null;
  @Column('varchar', { name: 'to_agency_id', length: 64, nullable: true }) toAgencyId!: string | null;
  @Column('varchar', { name: 'copy_to_agency_id', length: 64, nullable: true }) copyToAgencyId!: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column('timestamptz', { name: 'receipt_signed_at', nullable: true }) receiptSignedAt!: Date | null;
  @Column('varchar', { name: 'review_variant', length: 32, default: 'standard' }) reviewVariant!: string;
}

/** An expectation of reconciliation (a): opened by one agency's act, fulfilled by another's. */
@Entity('supervision_expectation')
@Index('IDX_expectation_open_due', ['dueAt'], {
  where: 'opened_at IS NOT NULL AND (fulfilled_at IS NULL OR fulfilled_at < opened_at)',
})
@Index('IDX_expectation_subject', ['subjectId'])
export class Expectation {
  @PrimaryColumn('varchar', { length: 300 }) key!: string;
  @Column('varchar', { name: 'expectation_id', length: 64 }) expectationId!: string;
  @Column('varchar', { name: 'rule_id', length: 64, nullable: true }) ruleId!: string | null;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'subject_id', length: 200 }) subjectId!: string;
  /** the transfer the subject belongs to (owed-by roles are resolved through it) */
  @Column('uuid', { name: 'transfer_id', nullable: true }) transferId!: string | null;
  @Column('varchar', { name: 'owed_by_agency_id', length: 64, nullable: true }) owedByAgencyId!: string | null;
  @Column('varchar', { name: 'owed_by_role', length: 16, nullable: true }) owedByRole!: string | null;
  @Column('varchar', { name: 'opened_by_agency_id', length: 64, nullable: true }) openedByAgencyId!: string | null;
  @Column('uuid', { name: 'opened_event_id', nullable: true }) openedEventId!: string | null;
  @Column('varchar', { name: 'opened_type', length: 64, nullable: true }) openedType!: string | null;
  @Column('timestamptz', { name: 'opened_at', nullable: true }) openedAt!: Date | null;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('uuid', { name: 'fulfilled_event_id', nullable: true }) fulfilledEventId!: string | null;
  @Column('timestamptz', { name: 'fulfilled_at', nullable: true }) fulfilledAt!: Date | null;
}

/** Facts the projection has seen (a case registered, a transfer sent, a step started …). */
@Entity('supervision_known')
export class KnownFact {
  @PrimaryColumn('varchar', { length: 16 }) kind!: string;
  @PrimaryColumn('varchar', { length: 200 }) id!: string;
  @Column('uuid', { name: 'event_id' }) eventId!: string;
}

/** An unresolved reference of an event (deleted once the fact is known); an orphan after the grace period (reconciliation (b)). */
@Entity('supervision_reference')
@Index('IDX_reference_target', ['kind', 'refId'])
export class EventReference {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @PrimaryColumn('varchar', { length: 16 }) kind!: string;
  @Column('varchar', { name: 'ref_id', length: 200 }) refId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('text') what!: string;
  @Column('text', { name: 'what_zh' }) whatZh!: string;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
}

/** Observed durations of closed (met/late) steps, for the idle (p95) rule. */
@Entity('supervision_step_duration')
@Index('IDX_duration_rule_closed', ['ruleId', 'closedAt'])
export class StepDuration {
  @PrimaryColumn('varchar', { name: 'step_id', length: 200 }) stepId!: string;
  @Column('varchar', { name: 'rule_id', length: 64 }) ruleId!: string;
  @Column('bigint', { name: 'duration_ms', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  durationMs!: number;
  @Column('timestamptz', { name: 'closed_at' }) closedAt!: Date;
}

@Entity('supervision_rule_timing')
export class RuleTimingRow {
  @PrimaryColumn('varchar', { name: 'rule_id', length: 64 }) ruleId!: string;
  @Column('int') samples!: number;
  @Column('double precision', { name: 'p95_ms', nullable: true }) p95Ms!: number | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  /** Set when the p95 moved: the sweeper re-reads the rule's open steps, then clears it (if not set again meanwhile). */
  @Column('timestamptz', { name: 'rescan_requested_at', nullable: true }) rescanRequestedAt!: Date | null;
}

/**
 * Open steps counted per owing agency, case origin region, status and stuck flag: maintained by a
 * trigger on supervision_step (schema.ts), so GET /steps/counts reads a few hundred rows instead of
 * aggregating every open step.
 */
@Entity('supervision_step_tally')
export class StepTally {
  @PrimaryColumn('varchar', { name: 'owing_agency_id', length: 64 }) owingAgencyId!: string;
  /** '' when the origin is unknown */
  @PrimaryColumn('varchar', { name: 'origin_region', length: 6 }) originRegion!: string;
  @PrimaryColumn('varchar', { length: 16 }) status!: string;
  @PrimaryColumn('boolean') stuck!: boolean;
  @Column('int') n!: number;
}

export const SUPERVISION_ENTITIES = [
  StepTally,
  SupervisionStep,
  SupervisionCase,
  TimelineEvent,
  SupervisionTransfer,
  Expectation,
  KnownFact,
  EventReference,
  StepDuration,
  RuleTimingRow,
];
