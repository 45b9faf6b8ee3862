import { eventRegistry, type EventRegistry, type IntegrationEventEnvelope } from '@casebridge/contracts';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TopicNames } from '../topics/topic-names';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-notifications';
import { prepareOutgoing, type OutgoingMessage } from './outgoing-event';
import { captureTraceContext } from '../tracing/message-tracing';

/**
 * Appends integration events to the outbox inside the caller's transaction, so they are published
 * if and only if the state change commits. Every event is validated first (contracts registry +
 * producer rules): an invalid event fails the caller's transaction instead of reaching Kafka.
 * The insert is followed by `NOTIFY casebridge_outbox` in the same transaction: PostgreSQL delivers it
 * at COMMIT (not at all on rollback) and the relays LISTENing wake up at once.
 */
export class OutboxWriter {
  constructor(
    readonly topics: TopicNames = new TopicNames(),
    private readonly registry: EventRegistry = eventRegistry,
  ) {}

  /** Validates and prepares without writing (throws InvalidIntegrationEventError). */
  prepare(envelope: IntegrationEventEnvelope): OutgoingMessage {
    return prepareOutgoing(envelope, this.topics, this.registry);
  }

  async append(
    manager: EntityManager,
    envelopes: IntegrationEventEnvelope | readonly IntegrationEventEnvelope[],
  ): Promise<OutgoingMessage[]> {
    const list = Array.isArray(envelopes)
      ? (envelopes as readonly IntegrationEventEnvelope[])
      : [envelopes as IntegrationEventEnvelope];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'OutboxWriter.append must run inside the transaction of the state change ' +
          '(dataSource.transaction(manager => …) or TransactionalOutbox.run): otherwise events and state can diverge',
      );
    }
    if (!manager.dataSource.hasMetadata(OutboxMessage)) {
      throw new Error('the DataSource does not know the outbox entity: add MESSAGING_ENTITIES to its entities');
    }
    const prepared = list.map((e) => this.prepare(e));
    const seen = new Set<string>();
    for (const p of prepared) {
      if (seen.has(p.eventId)) throw new Error(`event ${p.eventId} appears twice in one outbox append`);
      seen.add(p.eventId);
    }
    if (prepared.length === 0) return prepared;
    const traceContext = captureTraceContext(prepared.map((p) => p.key));
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(
        prepared.map((p) => ({
          eventId: p.eventId,
          topic: p.topic,
          key: p.key,
          type: p.type,
          version: p.version,
          envelope: p.envelope,
          headers: p.headers,
          traceContext,
        })) as QueryDeepPartialEntity<OutboxMessage>[],
      )
      .updateEntity(false)
      .execute();
    await manager.query(`NOTIFY ${OUTBOX_NOTIFY_CHANNEL}`); // several in one transaction are folded into one
    return prepared;
  }
}
