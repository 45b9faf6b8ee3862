/**
 * Acceptance: "A poison message lands on the dead-letter topic and the next message is still
 * processed." The consumer runs standalone (no Nest) against real Kafka and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, Topics } from '@casebridge/contracts';
import {
  IntegrationEventConsumer, MESSAGING_ENTITIES, NonRetryableError, createKafka, type DeadLetterRecord, type ProcessedMessage,
} from '@casebridge/messaging';
import { logLevel } from 'kafkajs';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/database';
import { endpoints } from '../support/endpoints';
import { testKafka } from '../support/kafka';
import { enforcementEnvelope, payloads } from './support/events';
import { readTopic } from './support/topic-reader';
import { createSuffixedTopics } from './support/topics';
import { waitFor } from './support/wait';

jest.setTimeout(60_000);

@Entity('dl_applied')
class Applied {
  @PrimaryGeneratedColumn('identity') id!: number;
  @Column('uuid') eventId!: string;
  @Column('text') type!: string;
}

describe('dead-letter topic (real Kafka and PostgreSQL)', () => {
  let topics: Awaited<ReturnType<typeof createSuffixedTopics>>;
  let db: IsolatedDatabase;
  let ds: DataSource;
  let consumer: IntegrationEventConsumer;
  const groupId = `dl-${randomUUID().slice(0, 8)}`;
  const processed: ProcessedMessage[] = [];
  let handlerCalls = 0;
  let effectRolledBack = 0;
  let domainErrorCalls = 0;

  beforeAll(async () => {
    [topics, db] = await Promise.all([
      createSuffixedTopics([Topics.enforcement, Topics.deadLetter]),
      createIsolatedDatabase('msg_dlq'),
    ]);
    ds = new DataSource({ type: 'postgres', url: db.url, entities: [...MESSAGING_ENTITIES, Applied], synchronize: true });
    await ds.initialize();
    const kafka = createKafka({ brokers: endpoints().kafkaBrokers, clientId: 'dlq-e2e', logLevel: logLevel.NOTHING });
    consumer = new IntegrationEventConsumer(ds, kafka, {
      groupId, topics: [Topics.enforcement], topicNames: topics.names,
      retry: { attempts: 3, baseMs: 50, nonRetryable: (e) => e instanceof DomainError },
      onProcessed: (m) => processed.push(m),
    })
      .register('case.registered', async (event, manager) => {
        await manager.insert(Applied, { eventId: event.eventId, type: event.type });
      })
      .register('evidence.attached', async (event, manager) => {
        // writes its effect, then fails: the effect must be rolled back with the inbox row each time
        handlerCalls++;
        await manager.insert(Applied, { eventId: event.eventId, type: 'must-roll-back' });
        effectRolledBack++;
        throw new Error(`storage of evidence ${(event.payload as { evidenceId: string }).evidenceId} refused`);
      })
      .register('penalty.clock-changed', async () => {
        throw new NonRetryableError('the case is closed here', 'CASE.CLOSED');
      })
      .register('transfer.team-reported', async () => {
        domainErrorCalls++;
        throw new DomainError('TRANSFER.OUT_OF_ORDER', 'conflict', 'no such transfer here');
      });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await ds?.destroy();
    await Promise.all([db?.drop(), topics?.drop()]);
  });

  it('dead-letters malformed, invalid and failing messages with their reason, and goes on with the next one', async () => {
    const caseId = randomUUID();
    const invalid = enforcementEnvelope('case.registered', caseId, { ...payloads.caseRegistered(caseId), region: 'Shenyang' });
    const failing = enforcementEnvelope('evidence.attached', caseId, payloads.evidenceAttached(caseId, 7));
    const refused = enforcementEnvelope('penalty.clock-changed', caseId, { caseId, state: 'suspended', reason: 'with the police' });
    const business = enforcementEnvelope('transfer.team-reported', caseId, {
      transferId: randomUUID(), caseId, teamOfficerIds: ['officer-1', 'officer-2'], thresholdFacts: ['t1'], summary: '超标排放',
    });
    const unknown = { ...enforcementEnvelope('case.registered', caseId, payloads.caseRegistered(caseId)), type: 'case.teleported' };
    const next = enforcementEnvelope('case.registered', caseId, payloads.caseRegistered(caseId));
    const raw = {
      malformed: '{"eventId": "not json at all',
      invalid: JSON.stringify(invalid),
      failing: JSON.stringify(failing),
      refused: JSON.stringify(refused),
      business: JSON.stringify(business),
      unknown: JSON.stringify(unknown),
      next: JSON.stringify(next),
    };

    const producer = testKafka('poison-producer').producer();
    await producer.connect();
    try {
      // one key: one partition, so "next" really comes after the poison
      await producer.send({
        topic: topics.names.forProducer('enforcement'), acks: -1,
        messages: Object.values(raw).map((value) => ({ key: caseId, value })),
      });
    } finally {
      await producer.disconnect();
    }

    await waitFor('the next valid message to be applied', async () => (await ds.getRepository(Applied).countBy({ eventId: next.eventId })) === 1);
    await waitFor('every message to be committed', () => processed.length >= 7);

    const dead = (await readTopic(topics.names.deadLetter)).map((m) => ({ ...m, record: JSON.parse(m.value!) as DeadLetterRecord }));
    expect(dead.map((d) => d.record.reason))
      .toEqual(['malformed', 'invalid-payload', 'handler-failed', 'non-retryable', 'non-retryable', 'unknown-event']);
    const byReason = Object.fromEntries(dead.slice(0, 4).concat(dead.slice(5)).map((d) => [d.record.reason, d]));
    expect(dead[4]!.record.value).toBe(raw.business);
    expect(dead[4]!.record.detail).toBe('DomainError [TRANSFER.OUT_OF_ORDER]: no such transfer here');
    expect(domainErrorCalls).toBe(1); // the predicate made it final: no retries

    for (const d of dead) {
      expect(d.key).toBe(caseId);
      expect(Object.keys(d.record).sort()).toEqual(
        ['consumerGroup', 'detail', 'failedAt', 'key', 'offset', 'partition', 'reason', 'sourceTopic', 'value'],
      );
      expect(d.record).toMatchObject({ consumerGroup: groupId, sourceTopic: topics.names.forProducer('enforcement'), key: caseId });
      expect(d.headers['cb-dlq-reason']).toBe(d.record.reason);
      expect(Date.parse(d.record.failedAt)).not.toBeNaN();
    }
    expect(byReason.malformed!.record.value).toBe(raw.malformed);
    expect(byReason.malformed!.record.detail).toMatch(/not JSON/);
    expect(byReason['invalid-payload']!.record.value).toBe(raw.invalid);
    expect(byReason['invalid-payload']!.record.detail).toMatch(/region/);
    expect(byReason['handler-failed']!.record.value).toBe(raw.failing);
    expect(byReason['handler-failed']!.record.detail).toMatch(/failed 3 time\(s\).*storage of evidence .* refused/);
    expect(byReason['non-retryable']!.record.detail).toMatch(/NonRetryableError \[CASE.CLOSED\]: the case is closed here/);
    expect(byReason['unknown-event']!.record.detail).toMatch(/no contract for case.teleported v1/);

    // offsets of the DLQ records point at the originals
    const sources = processed.filter((p) => p.outcome === 'dead-lettered');
    expect(dead.map((d) => d.record.offset)).toEqual(sources.map((s) => s.offset));

    // retried with backoff as configured, effect rolled back every time; no inbox row for dead letters
    expect(handlerCalls).toBe(3);
    expect(effectRolledBack).toBe(3);
    expect(await ds.getRepository(Applied).countBy({ type: 'must-roll-back' })).toBe(0);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1`, [groupId]);
    expect(n).toBe(1);
    expect(processed.map((p) => p.outcome)).toEqual([...Array(6).fill('dead-lettered'), 'applied']);
  });

  it('records a valid event of a type this app does not handle in the inbox and moves on', async () => {
    const caseId = randomUUID();
    const other = enforcementEnvelope('transfer.head-decided', caseId, payloads.transferHeadDecided());
    const after = enforcementEnvelope('case.registered', caseId, payloads.caseRegistered(caseId));
    const producer = testKafka('ignored-producer').producer();
    await producer.connect();
    try {
      await producer.send({
        topic: topics.names.forProducer('enforcement'), acks: -1,
        messages: [other, after].map((e) => ({ key: caseId, value: JSON.stringify(e) })),
      });
    } finally {
      await producer.disconnect();
    }
    await waitFor('the next message to be applied', async () => (await ds.getRepository(Applied).countBy({ eventId: after.eventId })) === 1);
    const rows = await ds.query(`SELECT type FROM inbox WHERE consumer_group = $1 AND event_id = $2`, [groupId, other.eventId]);
    expect(rows).toEqual([{ type: 'transfer.head-decided' }]);
    expect(processed.find((p) => p.eventId === other.eventId)?.outcome).toBe('ignored');
  });
});
