/**
 * Bench of one cross-agency hop and of the outbox relay, beside raw baselines measured in the same run:
 *
 *   raw pg        single-row INSERT commits/s on 1 connection (the floor of a state change + outbox write)
 *   raw kafka     kafkajs sends/s of the same envelope (idempotent, acks=all): awaited one by one, and in batches
 *   hop           COMMIT of an outbox insert sent → the consumer's handler called (relay → Kafka →
 *                 IntegrationEventConsumer: inbox transaction), at a low fixed rate; the relay woken by NOTIFY,
 *                 and for contrast the former fixed poll (listen off, 200 ms)
 *   relay         a backlog of --events unpublished rows drained by the relay (events/s), ratio to the raw batched send
 *   consumer      the same events consumed by a new group through the inbox (events/s), one key at a time per
 *                 partition (the former behaviour) and keys in parallel
 *
 *   npm run bench:relay -- [--hops 300] [--rate 20] [--events 20000] [--batch 100] [--cases 200] [--keep]
 *
 * PostgreSQL from CASEBRIDGE_PG_HOST/PORT/USER/PASSWORD (default 127.0.0.1:5433 postgres), Kafka from
 * CASEBRIDGE_KAFKA_BROKERS (default 127.0.0.1:9092). Creates database bench_relay_<random> and topics suffixed
 * bench-<random>, and drops them (unless --keep).
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { logLevel, type Kafka, type Message } from 'kafkajs';
import { createEnvelope, Topics } from '@casebridge/contracts';
import {
  createKafka,
  createReliableProducer,
  IntegrationEventConsumer,
  MESSAGING_SCHEMA,
  OutboxRelay,
  OutboxWriter,
  TopicNames,
  topicReplicationFactor,
  TransactionalOutbox,
} from '@casebridge/messaging';
import { migrateDatabase } from '@casebridge/platform/migrations';

const { values } = parseArgs({
  options: {
    hops: { type: 'string', default: '300' },
    rate: { type: 'string', default: '20' },
    events: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '100' },
    cases: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const HOPS = Number(values.hops);
const RATE = Number(values.rate);
const EVENTS = Number(values.events);
const BATCH = Number(values.batch);
const CASES = Number(values.cases);
if (!(HOPS > 0 && RATE > 0 && EVENTS > 0 && BATCH > 0 && CASES > 0))
  throw new Error('--hops, --rate, --events, --batch and --cases must be positive');

const pg = {
  host: process.env.CASEBRIDGE_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.CASEBRIDGE_PG_PORT ?? 5433),
  user: process.env.CASEBRIDGE_PG_USER ?? 'postgres',
  password: process.env.CASEBRIDGE_PG_PASSWORD ?? 'postgres',
};
const brokers = (process.env.CASEBRIDGE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const id = randomBytes(4).toString('hex');
const dbName = `bench_relay_${id}`;
const url = `postgres://${encodeURIComponent(pg.user)}:${encodeURIComponent(pg.password)}@${pg.host}:${pg.port}/${dbName}`;
const names = new TopicNames({ suffix: `bench-${id}` });
const rawTopic = `bench.raw.${id}`;
const PRODUCER = { kind: 'enforcement', agencyId: 'enforcement:210100' } as const;
const ACTOR = { officerId: 'bench-officer' };

const evidence = (caseId: string, i: number) => ({
  type: 'evidence.attached',
  version: 1,
  linkedCaseId: caseId,
  actor: ACTOR,
  payload: {
    caseId,
    evidenceId: randomUUID(),
    kind: 'monitoring-report',
    fileName: `监测报告-${i}.pdf`,
    sha256: randomBytes(32).toString('hex'),
    sizeBytes: 40_000 + i,
    custody: [],
  },
});
const caseIds = Array.from({ length: CASES }, () => randomUUID());

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const rate = (n: number, millis: number): number => Math.round(n / (millis / 1000));
const fmt = (n: number): string => n.toLocaleString('en-US');

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ ...pg, database: 'postgres' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function withTopics<T>(kafka: Kafka, fn: () => Promise<T>): Promise<T> {
  const a = kafka.admin();
  await a.connect();
  const topics = [names.forProducer('enforcement'), rawTopic];
  await a.createTopics({
    waitForLeaders: true,
    topics: topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: topicReplicationFactor() })),
  });
  try {
    return await fn();
  } finally {
    if (!values.keep) await a.deleteTopics({ topics }).catch(() => undefined);
    await a.disconnect();
  }
}

/** Raw PostgreSQL: single-row INSERT, autocommit, one connection. */
async function rawPostgres(n: number): Promise<number> {
  const c = new Client({ ...pg, database: dbName });
  await c.connect();
  try {
    await c.query('CREATE TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body jsonb NOT NULL)');
    const body = JSON.stringify(createEnvelope({ ...evidence(caseIds[0]!, 0), producer: PRODUCER }));
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await c.query('INSERT INTO bench_raw (body) VALUES ($1)', [body]);
    return rate(n, performance.now() - t0);
  } finally {
    await c.end();
  }
}

/** Raw kafkajs (the library's reliable producer: idempotent, acks=all), one by one and in batches of `batch`. */
async function rawKafka(
  kafka: Kafka,
  single: number,
  batched: number,
  batch: number,
): Promise<{ single: number; batched: number }> {
  const producer = createReliableProducer(kafka);
  await producer.connect();
  try {
    const message = (i: number): Message => {
      const caseId = caseIds[i % CASES]!;
      return { key: caseId, value: JSON.stringify(createEnvelope({ ...evidence(caseId, i), producer: PRODUCER })) };
    };
    const t0 = performance.now();
    for (let i = 0; i < single; i++) await producer.send({ topic: rawTopic, acks: -1, messages: [message(i)] });
    const t1 = performance.now();
    for (let i = 0; i < batched; i += batch) {
      await producer.send({
        topic: rawTopic,
        acks: -1,
        messages: Array.from({ length: Math.min(batch, batched - i) }, (_, j) => message(i + j)),
      });
    }
    return { single: rate(single, t1 - t0), batched: rate(batched, performance.now() - t1) };
  } finally {
    await producer.disconnect();
  }
}

interface Hops {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

/**
 * Events at `RATE`/s, one per transaction (OutboxWriter.append: insert + NOTIFY); latency from the moment COMMIT
 * is sent to the handler's call (the COMMIT round trip is included: the continuation after it can run later
 * than the handler on a loaded machine, so it cannot be the start).
 */
async function hops(
  ds: DataSource,
  kafka: Kafka,
  relayOptions: ConstructorParameters<typeof OutboxRelay>[2],
): Promise<Hops> {
  const writer = new OutboxWriter(names);
  const write = async (i: number): Promise<string> => {
    const envelope = createEnvelope({ ...evidence(caseIds[i % CASES]!, i), producer: PRODUCER });
    await ds.transaction(async (manager) => {
      await writer.append(manager, envelope);
      commitSent.set(envelope.eventId, performance.now()); // the callback returns: TypeORM sends COMMIT
    });
    return envelope.eventId;
  };
  const commitSent = new Map<string, number>();
  const arrived = new Map<string, number>();
  const measured = new Set<string>();
  const consumer = new IntegrationEventConsumer(ds, kafka, {
    // from the beginning: a new group starting at "latest" could resolve a partition's offset after the first
    // measured event landed there, and never see it; the events of earlier phases are read and ignored
    groupId: `bench-hop-${randomUUID()}`,
    topics: [Topics.enforcement],
    topicNames: names,
    fromBeginning: true,
    parking: { sweepMs: 0 },
  });
  consumer.register('evidence.attached', async (event) => {
    arrived.set(event.eventId, performance.now());
  });
  const relay = new OutboxRelay(ds, kafka, relayOptions);
  await consumer.start();
  await relay.start();
  const waitFor = async (ids: readonly string[], what: string): Promise<void> => {
    for (const t0 = performance.now(); !ids.every((e) => arrived.has(e));) {
      if (performance.now() - t0 > 60_000)
        throw new Error(
          `${what}: ${ids.filter((e) => !arrived.has(e)).length} of ${ids.length} did not arrive within 60 s`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    const warmUp: string[] = []; // not measured; once they arrived, the backlog of earlier phases is behind us
    for (let i = 0; i < 30; i++) warmUp.push(await write(i));
    await waitFor(warmUp, 'warm-up');
    await new Promise((r) => setTimeout(r, 500));
    const start = performance.now();
    for (let i = 0; i < HOPS; i++) {
      const wait = start + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      measured.add(await write(i));
    }
    await waitFor([...measured], 'measured events');
  } finally {
    await relay.stop();
    await consumer.stop();
  }
  const latencies = [...measured].map((e) => arrived.get(e)! - commitSent.get(e)!).sort((a, b) => a - b);
  return {
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1)!,
    n: latencies.length,
  };
}

/** Fills the outbox with `n` unpublished events (1,000 per transaction, round-robin over the cases). */
async function fillOutbox(ds: DataSource, n: number): Promise<void> {
  const outbox = new TransactionalOutbox(ds, new OutboxWriter(names), { producer: PRODUCER });
  for (let i = 0; i < n; i += 1000) {
    await outbox.run(async (tx) => {
      for (let j = i; j < Math.min(n, i + 1000); j++) tx.publish(evidence(caseIds[j % CASES]!, j));
    });
  }
}

/** A new group consumes every event of the topic through the inbox; events/s from the first handler call to the last. */
async function consume(ds: DataSource, kafka: Kafka, n: number, options: { keyConcurrency?: number }): Promise<number> {
  let seen = 0;
  let first = 0;
  let done: (t: number) => void = () => undefined;
  const all = new Promise<number>((r) => {
    done = r;
  });
  const consumer = new IntegrationEventConsumer(ds, kafka, {
    groupId: `bench-consume-${randomUUID()}`,
    topics: [Topics.enforcement],
    topicNames: names,
    fromBeginning: true,
    parking: { sweepMs: 0 },
    partitionsConsumedConcurrently: 3,
    keyConcurrency: 4,
    ...options,
  });
  consumer.register('evidence.attached', async () => {
    if (seen++ === 0) first = performance.now();
    if (seen === n) done(performance.now());
  });
  await consumer.start();
  try {
    const last = await Promise.race([
      all,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`consumed ${seen} of ${n}`)), 300_000)),
    ]);
    return rate(n - 1, last - first);
  } finally {
    await consumer.stop();
  }
}

async function main(): Promise<void> {
  const kafka = createKafka({ brokers, clientId: `bench-relay-${id}`, logLevel: logLevel.NOTHING });
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  let ds: DataSource | undefined;
  try {
    await migrateDatabase({ url }, [MESSAGING_SCHEMA]);
    ds = await new DataSource({
      type: 'postgres',
      url,
      entities: MESSAGING_SCHEMA.entities,
      poolSize: 16,
    }).initialize();
    const source = ds;
    await withTopics(kafka, async () => {
      console.log(
        `relay bench on ${cpus().length} cores (load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}); database ${dbName}\n`,
      );
      const rawPg = await rawPostgres(2000);
      const rawK = await rawKafka(kafka, 1000, EVENTS, BATCH);
      console.log('raw baselines');
      console.log(`  PostgreSQL single-row commits (1 connection)   ${fmt(rawPg).padStart(8)} /s`);
      console.log(`  kafkajs send, awaited one by one                ${fmt(rawK.single).padStart(8)} /s`);
      console.log(
        `  kafkajs send, batches of ${String(BATCH).padEnd(4)}                  ${fmt(rawK.batched).padStart(8)} /s\n`,
      );

      const notify = await hops(source, kafka, { batchSize: BATCH });
      const poll = await hops(source, kafka, { batchSize: BATCH, listen: false, intervalMs: 200 });
      console.log(
        `one hop, COMMIT of the outbox insert sent → consumer handler called (${HOPS} events at ${RATE}/s, one per transaction)`,
      );
      console.log('  relay                         p50        p95        p99        max');
      for (const [label, h] of [
        ['on NOTIFY (now)', notify],
        ['poll every 200 ms (before)', poll],
      ] as const) {
        console.log(
          `  ${label.padEnd(26)} ${ms(h.p50).padStart(9)} ${ms(h.p95).padStart(10)} ${ms(h.p99).padStart(10)} ${ms(h.max).padStart(10)}`,
        );
      }
      console.log(`  p50 ratio poll / notify: ${(poll.p50 / notify.p50).toFixed(1)}×\n`);

      await source.query('UPDATE outbox SET published_at = coalesce(published_at, now())');
      await fillOutbox(source, EVENTS);
      const relay = new OutboxRelay(source, kafka, { batchSize: BATCH });
      const t0 = performance.now();
      const sent = await relay.flush({ timeoutMs: 300_000 });
      const relayRate = rate(sent, performance.now() - t0);
      await relay.stop();
      console.log(`relay throughput (${fmt(sent)} events in the outbox, batches of ${BATCH})`);
      console.log(
        `  relay ${fmt(relayRate).padStart(8)} /s   = ${(relayRate / rawK.batched).toFixed(2)} × raw batched send, ${(relayRate / rawK.single).toFixed(1)} × raw one-by-one send\n`,
      );

      const total = Number(((await source.query('SELECT count(*)::int AS n FROM outbox')) as { n: number }[])[0]!.n);
      const sequential = await consume(source, kafka, total, { keyConcurrency: 1 });
      const parallel = await consume(source, kafka, total, {});
      console.log(
        `consumer throughput (${fmt(total)} events of ${CASES} cases, 3 partitions, inbox transaction per event)`,
      );
      console.log(`  keyConcurrency 1 (one event at a time per partition)   ${fmt(sequential).padStart(8)} /s`);
      console.log(
        `  keyConcurrency 4 (keys of a partition in parallel)     ${fmt(parallel).padStart(8)} /s   = ${(parallel / sequential).toFixed(1)} × one at a time, ${(parallel / rawPg).toFixed(2)} × raw single-row commits`,
      );
    });
  } finally {
    await ds?.destroy();
    if (!values.keep) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
