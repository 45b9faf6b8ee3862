import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a record is: a notification (id = notificationId), a consultation (consultationId), a joint supervision (linkedCaseId). */
export const RECORD_KINDS = ['notification', 'consultation', 'joint-supervision'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * One notification, consultation or joint supervision as this service's agencies see it: the flow's view
 * (libs/flows) folded from its events, and the agencies that are party to it. A service holds a record only
 * when one of its agencies is a party (the sender writes it with its act; a recipient's consumer when the
 * event names it): a service that is not party never stores the content.
 */
@Entity('cooperation_record')
export class CooperationRecord {
  @PrimaryColumn('varchar', { length: 32, primaryKeyConstraintName: 'PK_cooperation_record' }) kind!: RecordKind;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_cooperation_record' }) id!: string;
  @Column('uuid', { name: 'linked_case_id' })
  @Index('IDX_cooperation_record_linked_case')
  linkedCaseId!: string;
  /** agency ids that may read the record (sender and recipients; asking and consulted; participants and owners) */
  @Column('jsonb') parties!: string[];
  /** the flow's view (NotificationView | ConsultationView | JointSupervisionView) */
  @Column('jsonb') view!: Record<string, unknown>;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
