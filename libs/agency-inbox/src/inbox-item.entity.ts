import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlineOwner } from '@casebridge/contracts';

/** Where an owed step stands for the owing office. `open` = owed now; `suspended` = clock stopped (not owed now); `done` = closed. */
export type InboxItemState = 'open' | 'suspended' | 'done';

export interface InboxPress {
  eventId: string;
  at: string;
  message: string;
  /** the supervising office that pressed (supervision.pressed v2); absent for a press of v1 */
  byAgencyId?: string;
}

/** An escalation of the step (supervision.escalated) to a superior office of the owing office. */
export interface InboxEscalation {
  eventId: string;
  at: string;
  /** the superior office (`police:210000`) */
  toLevel: string;
  message: string;
}

/**
 * Why the item is in this office's inbox: `owes` = the office owes the step; `supervises` = a step owed by an office
 * below it (same kind, a division within its own) was escalated to it (README of libs/agency-inbox: it is not owed
 * by this office, which presses the office below; it follows the step's clock and closes with it).
 */
export const INBOX_ROLES = ['owes', 'supervises'] as const;
export type InboxItemRole = (typeof INBOX_ROLES)[number];

/**
 * One step an office owes (one per deadline step id), kept current from the workflow's deadline.* events
 * and the supervisors' presses (催办): a to-do item, not a log. Done items stay visible apart
 * (`GET /inbox?status=done`) for INBOX_RETENTION_DAYS, then are pruned.
 */
@Entity('agency_inbox_item')
@Index(['agencyId', 'stepId'], { unique: true })
@Index(['agencyId', 'state', 'dueAt'])
@Index(['state', 'closedAt'])
export class AgencyInboxItem {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar', { name: 'agency_id', length: 64 }) agencyId!: string;
  /** `<subjectId>/<ruleId>[#round]` as in the deadline events */
  @Column('varchar', { name: 'step_id', length: 200 }) stepId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'rule_id', length: 64, nullable: true }) ruleId!: string | null;
  @Column('varchar', { name: 'subject_id', length: 200, nullable: true }) subjectId!: string | null;
  @Column('varchar', { length: 64, nullable: true }) variant!: string | null;
  @Column('varchar', { length: 16 }) state!: InboxItemState;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('varchar', { name: 'last_day', length: 10, nullable: true }) lastDay!: string | null;
  @Column('timestamptz', { name: 'warned_at', nullable: true }) warnedAt!: Date | null;
  @Column('timestamptz', { name: 'missed_at', nullable: true }) missedAt!: Date | null;
  @Column('text', { name: 'on_expiry', nullable: true }) onExpiry!: string | null;
  /** the latest presses (催办), newest last, at most INBOX_MAX_PRESSES */
  @Column('jsonb', { default: () => "'[]'" }) presses!: InboxPress[];
  @Column('varchar', { length: 16, default: 'owes' }) role!: InboxItemRole;
  /** the owing office when role = supervises (for owes: agencyId itself) */
  @Column('varchar', { name: 'owing_agency_id', length: 64, nullable: true }) owingAgencyId!: string | null;
  /** key of the step among the concurrent steps of its rule (deadline events v2+); null: the rule's single step */
  @Column('varchar', { name: 'step_key', length: 100, nullable: true }) stepKey!: string | null;
  /** who owes the step (an agency, or a party this office follows); null until a deadline event named it */
  @Column('jsonb', { nullable: true }) owner!: DeadlineOwner | null;
  /** escalations of the step (supervision.escalated), newest last, at most INBOX_MAX_PRESSES */
  @Column('jsonb', { default: () => "'[]'" }) escalations!: InboxEscalation[];
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  /** met | late | moot once done */
  @Column('varchar', { length: 16, nullable: true }) outcome!: string | null;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}
