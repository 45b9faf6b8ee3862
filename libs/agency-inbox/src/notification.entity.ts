import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One item of an agency's inbox: a deadline warning or miss it owes, a supervisor's press (催办), … */
@Entity('agency_notification')
@Index(['agencyId', 'createdAt'])
export class AgencyNotification {
  /** the event id that caused it: one notification per event */
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('varchar', { name: 'agency_id', length: 64 }) agencyId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { length: 64 }) kind!: string;
  @Column('varchar', { name: 'rule_id', length: 64, nullable: true }) ruleId!: string | null;
  @Column('varchar', { name: 'subject_id', length: 200, nullable: true }) subjectId!: string | null;
  @Column('text') message!: string;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
