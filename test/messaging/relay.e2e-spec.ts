/**
 * OutboxRelay against real Kafka and PostgreSQL: a failed send is recorded and retried (never
 * dropped, never overtaken), two relays on one database never double-send, and a commit wakes the
 * relay through NOTIFY (no poll wait), also after its LISTEN connection was killed.
 */
import { randomUUID } from 'node:crypto';
import { Topics } from '@casebridge/contracts';
import {
  createKafka,
  MESSAGING_SCHEMA,
  OutboxMessage,
  OutboxRelay,
  OutboxWriter,
  TopicNames,
  TransactionalOutbox,
} from '@casebridge/messaging';
import { logLevel } from 'kafkajs';
import { DataSource, IsNull } from 'typeorm';
import { createIsolatedDatabase, openTestDataSource, type IsolatedDatabase } from '../support/database';
import { endpoints } from '../support/endpoints';
import { isolatedTopicSuffix, testKafka } from '../support/kafka';
import { ACTOR, ENFORCEMENT, payloads } from './support/events';
import { readTopic } from './support/topic-reader';
import { createSuffixedTopics } from './support/topics';
import { waitFor } from './support/wait';

jest.setTimeout(60_000);

const kafka = () =>
  createKafka({
    brokers: endpoints().kafkaBrokers,
    clientId: `relay-e2e-${randomUUID().slice(0, 6)}`,
    logLevel: logLevel.NOTHING,
    kafka: { retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 300 } },
  });

async function publishMany(outbox: TransactionalOutbox, n: number, caseId: string = randomUUID()): Promise<string[]> {
  return outbox.run(async (tx) =>
    Array.from(
      { length: n },
      (_, i) =>
        tx.publish({
          type: 'evidence.attached',
          version: 1,
          linkedCaseId: caseId,
          actor: ACTOR,
          payload: payloads.evidenceAttached(caseId, i),
        }).eventId,
    ),
  );
}

describe('OutboxRelay (real Kafka and PostgreSQL)', () => {
  let db: IsolatedDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createIsolatedDatabase('msg_relay');
    ds = await openTestDataSource(db.url, [MESSAGING_SCHEMA]);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('records a failed send, keeps the rows, and publishes them in order once the topic exists', async () => {
    await ds.query('TRUNCATE outbox');
    const names = new TopicNames({ suffix: `late-${isolatedTopicSuffix()}` }); // topics not created yet (auto-creation is off)
    const outbox = new TransactionalOutbox(ds, new OutboxWriter(names), { producer: ENFORCEMENT });
    const first = await publishMany(outbox, 3);
    const relay = new OutboxRelay(ds, kafka(), { batchSize: 2 });
    try {
      const failed = await relay.pollOnce();
      expect(failed.status).toBe('failed');
      await expect(relay.flush({ timeoutMs: 10_000 })).rejects.toThrow();
      const rows = await ds.getRepository(OutboxMessage).find({ order: { seq: 'ASC' } });
      expect(rows.map((r) => [r.publishedAt, r.attempts, !!r.lastError])).toEqual([
        [null, 2, true],
        [null, 2, true],
        [null, 0, false],
      ]);
      const backlog = await relay.backlog();
      expect(backlog).toMatchObject({ unpublished: 3, maxAttempts: 2 });
      expect(backlog.lastError).toBeTruthy();

      const admin = testKafka().admin();
      await admin.connect();
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: [{ topic: names.forProducer('enforcement'), numPartitions: 3 }],
        });
      } finally {
        await admin.disconnect();
      }
      await expect(relay.flush()).resolves.toBe(3);
      const after = await ds.getRepository(OutboxMessage).find({ order: { seq: 'ASC' } });
      expect(after.every((r) => r.publishedAt !== null && r.lastError === null)).toBe(true);
      expect(after.map((r) => r.attempts)).toEqual([3, 3, 1]);
      expect((await readTopic(names.forProducer('enforcement'))).map((m) => m.headers['cb-event-id'])).toEqual(first);
    } finally {
      await relay.stop();
      const admin = testKafka().admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [names.forProducer('enforcement')] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('two relays polling the same outbox never send an event twice', async () => {
    await ds.query('TRUNCATE outbox');
    const topics = await createSuffixedTopics([Topics.enforcement]);
    const outbox = new TransactionalOutbox(ds, new OutboxWriter(topics.names), { producer: ENFORCEMENT });
    const a = new OutboxRelay(ds, kafka(), { intervalMs: 5, batchSize: 7 });
    const b = new OutboxRelay(ds, kafka(), { intervalMs: 5, batchSize: 7 });
    try {
      await Promise.all([a.start(), b.start()]);
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push(...(await publishMany(outbox, 6)));
      const deadline = Date.now() + 20_000;
      while ((await ds.getRepository(OutboxMessage).countBy({ publishedAt: IsNull() })) > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await Promise.all([a.stop(), b.stop()]);
      const sent = (await readTopic(topics.names.forProducer('enforcement'))).map((m) => m.headers['cb-event-id']);
      expect(sent).toHaveLength(ids.length);
      expect(new Set(sent)).toEqual(new Set(ids));
      expect(a.published + b.published).toBe(ids.length);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await topics.drop();
    }
  });

  it('publishes a committed event on its NOTIFY, without waiting for a poll, and again after its LISTEN connection was killed', async () => {
    await ds.query('TRUNCATE outbox');
    const topics = await createSuffixedTopics([Topics.enforcement]);
    const outbox = new TransactionalOutbox(ds, new OutboxWriter(topics.names), { producer: ENFORCEMENT });
    // polls far apart: only a notification can publish within the bounds below
    const relay = new OutboxRelay(ds, kafka(), { intervalMs: 60_000, safetyPollMs: 60_000 });
    const published = () =>
      ds
        .getRepository(OutboxMessage)
        .countBy({ publishedAt: IsNull() })
        .then((n) => n === 0);
    try {
      await relay.start();
      await waitFor('the relay to LISTEN', () => relay.listening, 5000, 20);
      await new Promise((r) => setTimeout(r, 300)); // the round that follows LISTEN is over
      const t0 = Date.now();
      const [first] = await publishMany(outbox, 1);
      await waitFor('the first event published', published, 5000, 10);
      expect(Date.now() - t0).toBeLessThan(3000);

      // a rolled-back transaction notifies nobody and leaves nothing
      await expect(
        outbox.run(async (tx) => {
          tx.publish({
            type: 'evidence.attached',
            version: 1,
            linkedCaseId: randomUUID(),
            actor: ACTOR,
            payload: payloads.evidenceAttached(randomUUID(), 1),
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');

      const killed = (await ds.query(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
      )) as { killed: boolean }[];
      expect(killed.filter((k) => k.killed)).toHaveLength(1);
      await waitFor('the relay to LISTEN again', () => relay.listening, 10_000, 20);
      const [second] = await publishMany(outbox, 1);
      await waitFor('the second event published', published, 5000, 10);
      // both on the topic, once each (two cases, two keys: Kafka orders per partition, so no order between them)
      const onTopic = (await readTopic(topics.names.forProducer('enforcement'))).map((m) => m.headers['cb-event-id']);
      expect(onTopic.sort()).toEqual([first, second].sort());
    } finally {
      await relay.stop();
      await topics.drop();
    }
  });
});
