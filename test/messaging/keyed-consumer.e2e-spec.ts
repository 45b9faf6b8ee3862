/**
 * The consumer keeps order per key (the linked case), not per partition, on real Kafka and PostgreSQL:
 * a slow case does not hold up the other cases of its partition, each case is applied in order, and the
 * committed offset never passes the slow case's unfinished event. Effects outside the database
 * (registerEffect, the worker's Temporal bridge) run with no transaction open, are not run again for an
 * event already in the inbox, and are parked and re-driven like handlers.
 */
import { randomUUID } from 'node:crypto';
import { Topics } from '@casebridge/contracts';
import {
  createKafka,
  IntegrationEventConsumer,
  MESSAGING_SCHEMA,
  RecordNotYetKnownError,
  type ProcessedMessage,
} from '@casebridge/messaging';
import { logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createIsolatedDatabase, openTestDataSource, type IsolatedDatabase } from '../support/database';
import { endpoints } from '../support/endpoints';
import { testKafka } from '../support/kafka';
import { enforcementEnvelope, payloads } from './support/events';
import { createSuffixedTopics } from './support/topics';
import { waitFor } from './support/wait';

jest.setTimeout(90_000);

describe('consumer: order per key, effects outside the inbox transaction (real Kafka and PostgreSQL)', () => {
  let topics: Awaited<ReturnType<typeof createSuffixedTopics>>;
  let db: IsolatedDatabase;
  let ds: DataSource;
  const kafka = () =>
    createKafka({
      brokers: endpoints().kafkaBrokers,
      clientId: `keyed-e2e-${randomUUID().slice(0, 6)}`,
      logLevel: logLevel.NOTHING,
    });

  beforeAll(async () => {
    // ONE partition: every case shares it, so only per-key scheduling lets them pass each other
    [topics, db] = await Promise.all([
      createSuffixedTopics([Topics.enforcement, Topics.deadLetter], 1),
      createIsolatedDatabase('msg_keyed'),
    ]);
    ds = await openTestDataSource(db.url, [MESSAGING_SCHEMA]);
  });
  afterAll(async () => {
    await ds?.destroy();
    await Promise.all([db?.drop(), topics?.drop()]);
  });

  async function send(...envelopes: { linkedCaseId: string }[]): Promise<void> {
    const producer = testKafka('keyed-producer').producer();
    await producer.connect();
    try {
      await producer.send({
        topic: topics.names.forProducer('enforcement'),
        acks: -1,
        messages: envelopes.map((e) => ({ key: e.linkedCaseId, value: JSON.stringify(e) })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  async function committedOffset(groupId: string): Promise<number> {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId, topics: [topics.names.forProducer('enforcement')] });
      return Number(topic!.partitions[0]!.offset);
    } finally {
      await admin.disconnect();
    }
  }

  const evidence = (caseId: string, i: number) =>
    enforcementEnvelope('evidence.attached', caseId, payloads.evidenceAttached(caseId, i));

  it('a slow case does not hold up the others of its partition; each case stays in order; the offset waits for the slow one', async () => {
    const groupId = `keyed-${randomUUID().slice(0, 8)}`;
    const [slow, fast] = [randomUUID(), randomUUID()];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const applied = new Map<string, number[]>();
    const processed: ProcessedMessage[] = [];
    const consumer = new IntegrationEventConsumer(ds, kafka(), {
      groupId,
      topics: [Topics.enforcement],
      topicNames: topics.names,
      keyConcurrency: 4,
      parking: { sweepMs: 0 },
      onProcessed: (m) => processed.push(m),
    }).register('evidence.attached', async (e) => {
      const n = (e.payload as { sizeBytes: number }).sizeBytes;
      if (e.linkedCaseId === slow && n === 0) await gate;
      applied.set(e.linkedCaseId, [...(applied.get(e.linkedCaseId) ?? []), n]);
    });
    const head = [evidence(slow, 0), ...Array.from({ length: 10 }, (_, i) => evidence(fast, i))];
    await send(...head, evidence(slow, 1), evidence(slow, 2));
    await consumer.start();
    try {
      await waitFor('the fast case applied while the slow one is held', () => applied.get(fast)?.length === 10, 30_000);
      expect(applied.get(slow)).toBeUndefined(); // its later events wait behind its first
      await new Promise((r) => setTimeout(r, 300));
      expect(await committedOffset(groupId)).toBeLessThanOrEqual(0); // offset 0 (the slow event) is not done: nothing passes it
      expect(processed).toEqual([]); // onProcessed follows commits only
      release();
      await waitFor('every event applied and committed', async () => (await committedOffset(groupId)) === 13, 30_000);
      expect(applied.get(fast)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(applied.get(slow)).toEqual([0, 1, 2]);
      await waitFor('onProcessed for all', () => processed.length === 13);
      expect(processed.map((m) => Number(m.offset))).toEqual(Array.from({ length: 13 }, (_, i) => i)); // in offset order
    } finally {
      release();
      await consumer.stop();
    }
  });

  it('runs an effect with no transaction open, skips it for an event already in the inbox, parks and re-drives it', async () => {
    const groupId = `effect-${randomUUID().slice(0, 8)}`;
    const [known, early] = [randomUUID(), randomUUID()];
    const knownCases = new Set<string>([known]);
    const calls: string[] = [];
    const openTransactions: number[] = [];
    const processed: ProcessedMessage[] = [];
    const consumer = new IntegrationEventConsumer(ds, kafka(), {
      groupId,
      topics: [Topics.enforcement],
      topicNames: topics.names,
      keyConcurrency: 1,
      parking: { sweepMs: 0 },
      onProcessed: (m) => {
        if (m.linkedCaseId === known || m.linkedCaseId === early) processed.push(m);
      }, // not the first test's events
    })
      .registerEffect('evidence.attached', async (e) => {
        const [row] = (await ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        )) as { n: number }[];
        openTransactions.push(row!.n);
        if (e.linkedCaseId !== known && e.linkedCaseId !== early) return;
        if (!knownCases.has(e.linkedCaseId)) throw new RecordNotYetKnownError(`case ${e.linkedCaseId}`);
        calls.push(e.eventId);
      })
      .register('case.registered', async (e) => {
        knownCases.add(e.linkedCaseId);
      });
    const first = evidence(known, 1);
    const parked = evidence(early, 2);
    await send(first, parked);
    await consumer.start();
    try {
      await waitFor('both processed', () => processed.length === 2, 30_000);
      expect(processed.map((m) => m.outcome)).toEqual(['applied', 'parked']);
      expect(calls).toEqual([first.eventId]);
      expect(openTransactions.every((n) => n === 0)).toBe(true);

      await send(first); // a redelivery (or a duplicate publish): in the inbox already, the effect is not called again
      await waitFor('the duplicate processed', () => processed.length === 3, 30_000);
      expect(processed[2]!.outcome).toBe('duplicate');
      expect(calls).toEqual([first.eventId]);

      await send(enforcementEnvelope('case.registered', early, payloads.caseRegistered()));
      await waitFor('the parked event re-driven', () => processed.length === 4, 30_000);
      expect(processed[3]!.unparked).toBe(1);
      expect(calls).toEqual([first.eventId, parked.eventId]);
      const [row] = (await ds.query('SELECT applied_at FROM parked_event WHERE event_id = $1', [parked.eventId])) as {
        applied_at: Date | null;
      }[];
      expect(row!.applied_at).not.toBeNull();
      expect(openTransactions.every((n) => n === 0)).toBe(true);
    } finally {
      await consumer.stop();
    }
  });
});
