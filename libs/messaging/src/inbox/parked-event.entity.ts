import { Column, Entity, Index, PrimaryGeneratedColumn, Unique, type EntityManager } from 'typeorm';

/**
 * An integration event that cannot be applied yet because the record it refers to has not arrived
 * (it travels on another topic, or is created later): parked in the consumer's own transaction instead
 * of being dead-lettered, and applied — in `seq` order — once its record exists (see
 * IntegrationEventConsumer: re-driven after every applied event of the same linked case, and by a
 * periodic sweep). Its inbox row is written with it, so a redelivery is a duplicate.
 */
@Entity({ name: 'parked_event' })
@Unique('UQ_parked_event_group_event', ['consumerGroup', 'eventId'])
@Index('IDX_parked_event_waiting', ['consumerGroup', 'linkedCaseId', 'seq'], { where: '"applied_at" IS NULL' })
export class ParkedEvent {
  /** Arrival order: parked events are applied in this order. bigint: a string in JS. */
  @PrimaryGeneratedColumn('identity', {
    name: 'seq',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'PK_parked_event',
  })
  seq!: string;

  @Column('text', { name: 'consumer_group' })
  consumerGroup!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('text', { name: 'type' })
  type!: string;

  /** The Kafka key of the event: every event of one case shares it. */
  @Column('text', { name: 'linked_case_id' })
  linkedCaseId!: string;

  /** The missing record, as the handler named it (e.g. `transfer 0193…`). */
  @Column('text', { name: 'awaiting' })
  awaiting!: string;

  @Column('text', { name: 'topic' })
  topic!: string;

  @Column('integer', { name: 'partition' })
  partition!: number;

  @Column('bigint', { name: 'offset' })
  offset!: string;

  /** The decoded (upcast) envelope, applied as is when its record arrives. */
  @Column('jsonb', { name: 'envelope' })
  envelope!: unknown;

  @Column('timestamptz', { name: 'parked_at', default: () => 'now()' })
  parkedAt!: Date;

  /** Re-drives tried so far. */
  @Column('integer', { name: 'attempts', default: 0 })
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  /** Set when the event was finally applied (kept for the record; null while parked). */
  @Column('timestamptz', { name: 'applied_at', nullable: true })
  appliedAt!: Date | null;
}

/**
 * An event of `linkedCaseId` from the same topic partition as `at`, earlier than its offset, waits parked (not applied)
 * in the consumer group: what follows it in the partition's per-key order. For handlers that must not overtake it
 * (throw RecordNotYetKnownError to wait behind it) and for the consumer, which re-drives it before a later event.
 */
export async function hasEarlierParked(
  manager: Pick<EntityManager, 'query'>,
  at: { consumerGroup: string; topic: string; partition: number; offset: string },
  linkedCaseId: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `SELECT 1 FROM parked_event WHERE consumer_group = $1 AND linked_case_id = $2 AND applied_at IS NULL
        AND topic = $3 AND "partition" = $4 AND "offset" < $5::bigint LIMIT 1`,
    [at.consumerGroup, linkedCaseId, at.topic, at.partition, at.offset],
  )) as unknown[];
  return rows.length > 0;
}
