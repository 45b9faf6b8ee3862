import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One integration event a consumer group has applied (or deliberately ignored), written in the same
 * transaction as the handler's effect: a redelivered event finds its row and is skipped.
 * Keep rows at least as long as the topics' retention (redelivery can replay that far back).
 */
@Entity({ name: 'inbox' })
export class InboxRecord {
  @PrimaryColumn('text', { name: 'consumer_group', primaryKeyConstraintName: 'PK_inbox' })
  consumerGroup!: string;

  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'PK_inbox' })
  eventId!: string;

  @Column('text', { name: 'type' })
  type!: string;

  @Column('text', { name: 'topic' })
  topic!: string;

  @Column('integer', { name: 'partition' })
  partition!: number;

  /** bigint: a string in JS. */
  @Column('bigint', { name: 'offset' })
  offset!: string;

  @Column('timestamptz', { name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
