import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One outgoing integration event, written in the same transaction as the state change that caused
 * it and published by the OutboxRelay. Rows are kept after publication (audit); purge them by age.
 */
@Entity({ name: 'outbox' })
@Unique('UQ_outbox_event_id', ['eventId'])
@Index('IDX_outbox_unpublished', ['seq'], { where: '"published_at" IS NULL' })
export class OutboxMessage {
  /** Publication order. bigint: a string in JS. */
  @PrimaryGeneratedColumn('identity', {
    name: 'seq',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'PK_outbox',
  })
  seq!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  /** The real (possibly suffixed) Kafka topic. */
  @Column('text', { name: 'topic' })
  topic!: string;

  /** Kafka key = linked-case id: one case's events share a partition and keep their order. */
  @Column('text', { name: 'key' })
  key!: string;

  @Column('text', { name: 'type' })
  type!: string;

  @Column('integer', { name: 'version' })
  version!: number;

  @Column('jsonb', { name: 'envelope' })
  envelope!: IntegrationEventEnvelope;

  @Column('jsonb', { name: 'headers' })
  headers!: Record<string, string>;

  /**
   * W3C trace context of the state change that wrote the row (`traceparent`, `tracestate`), null when it was not
   * traced: the relay publishes the event as a child span and passes it on in the Kafka headers.
   */
  @Column('jsonb', { name: 'trace_context', nullable: true })
  traceContext!: Record<string, string> | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** Send attempts (the successful one included). */
  @Column('integer', { name: 'attempts', default: 0 })
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;
}
