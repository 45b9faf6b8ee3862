/**
 * Acceptance: "A crash test kills the relay process (SIGKILL) between the DB commit and the Kafka
 * ack, and a consumer between its effect and its offset commit, many times over a stream of events:
 * afterwards every event was published at least once and applied exactly once, none lost. Runs
 * against real Kafka and PostgreSQL."
 *
 * The relay and the consumer run as child processes (test/messaging/fixtures). They die by
 * SIGKILL in two ways: test-only failpoints at the exact windows (relay:after-send = Kafka acked,
 * published_at not committed; consumer:after-effect = inbox transaction committed, offset not;
 * consumer:before-commit = effect written, transaction open), and the parent's SIGKILL at random
 * moments. The parent writes the event stream meanwhile and restarts whatever died.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EvidenceAttached, Topics, type EvidenceAttachedV1 } from '@casebridge/contracts';
import {
  FAILPOINT_ENV,
  FAILPOINT_LOG_ENV,
  MESSAGING_SCHEMA,
  OutboxWriter,
  publishAs,
  TransactionalOutbox,
} from '@casebridge/messaging';
import { DataSource } from 'typeorm';
import { createIsolatedDatabase, openTestDataSource, type IsolatedDatabase } from '../support/database';
import { endpoints } from '../support/endpoints';
import {
  CRASH_CONSUMER_TABLES,
  CRASH_ENV,
  CRASH_PRODUCER_TABLES,
  CrashAccount,
  CrashExpected,
} from './fixtures/crash-model';
import { payloads } from './support/events';
import { readTopic } from './support/topic-reader';
import { createSuffixedTopics } from './support/topics';

const ROOT = path.resolve(__dirname, '../..');
const EVENTS = 300;
const BATCH = 10;
const CASES = 8;
const WRITE_EVERY_MS = 700;
const LOOP_BUDGET_MS = 120_000;
const MAX_SPAWNS = 30;

jest.setTimeout(170_000);

/** One supervised child process (relay or consumer). */
class Child {
  proc: ChildProcess | undefined;
  readyAt: number | undefined;
  armed = false;
  spawns = 0;
  parentKills = 0;
  failures = 0;
  private exited = true;
  private readonly tail: string[] = [];
  readonly lines: string[] = [];

  constructor(
    private readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get alive(): boolean {
    return !this.exited;
  }

  start(failpoint: string | undefined): void {
    if (++this.spawns > MAX_SPAWNS)
      throw new Error(`${this.name} spawned more than ${MAX_SPAWNS} times\n${this.tail.join('')}`);
    this.armed = !!failpoint;
    this.readyAt = undefined;
    this.exited = false;
    const proc = spawn(process.execPath, ['-r', '@swc-node/register', this.script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...this.env, [FAILPOINT_ENV]: failpoint ?? '' },
    });
    this.proc = proc;
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        this.tail.push(`[${this.name}#${this.spawns}] ${line}\n`);
        if (this.tail.length > 60) this.tail.shift();
        this.lines.push(line);
        if (line.startsWith('ready')) this.readyAt = Date.now();
      }
    };
    proc.stdout!.on('data', onLine);
    proc.stderr!.on('data', onLine);
    proc.once('exit', (code, signal) => {
      this.exited = true;
      if (code !== null && code !== 0) {
        this.failures++;
        if (this.failures >= 3) process.stderr.write(`${this.name} keeps failing:\n${this.tail.join('')}`);
      }
      void signal;
    });
  }

  kill(): void {
    if (this.proc && this.alive) {
      this.parentKills++;
      this.proc.kill('SIGKILL');
    }
  }

  async stop(): Promise<void> {
    if (!this.proc || !this.alive) return;
    const proc = this.proc;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }

  describe(): string {
    return this.tail.slice(-25).join('');
  }
}

describe('crash test: SIGKILLed relay and consumer over a stream of events (real Kafka and PostgreSQL)', () => {
  let topics: Awaited<ReturnType<typeof createSuffixedTopics>>;
  let producerDb: IsolatedDatabase;
  let consumerDb: IsolatedDatabase;
  let producerDs: DataSource;
  let consumerDs: DataSource;
  let tmp: string;
  const children: Child[] = [];

  beforeAll(async () => {
    [topics, producerDb, consumerDb] = await Promise.all([
      createSuffixedTopics([Topics.enforcement, Topics.deadLetter]),
      createIsolatedDatabase('msg_crash_producer'),
      createIsolatedDatabase('msg_crash_consumer'),
    ]);
    // both databases through migrations, as the apps' (the children open them without migrating)
    producerDs = await openTestDataSource(producerDb.url, [MESSAGING_SCHEMA, CRASH_PRODUCER_TABLES]);
    consumerDs = await openTestDataSource(consumerDb.url, [MESSAGING_SCHEMA, CRASH_CONSUMER_TABLES]);
    tmp = mkdtempSync(path.join(tmpdir(), 'casebridge-crash-'));
  });

  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await producerDs?.destroy();
    await consumerDs?.destroy();
    await Promise.all([producerDb?.drop(), consumerDb?.drop(), topics?.drop()]);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('every event is published at least once and applied exactly once, none lost', async () => {
    const started = Date.now();
    const failpointLog = path.join(tmp, 'failpoints.log');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      [CRASH_ENV.producerDbUrl]: producerDb.url,
      [CRASH_ENV.consumerDbUrl]: consumerDb.url,
      [CRASH_ENV.brokers]: endpoints().kafkaBrokers.join(','),
      [CRASH_ENV.topicSuffix]: topics.suffix,
      [CRASH_ENV.groupId]: `crash-${randomUUID().slice(0, 8)}`,
      [FAILPOINT_LOG_ENV]: failpointLog,
    };
    const relay = new Child('relay', 'test/messaging/fixtures/relay.process.ts', env);
    const consumer = new Child('consumer', 'test/messaging/fixtures/consumer.process.ts', env);
    children.push(relay, consumer);

    // The first spawns are armed with a failpoint (never killed by the parent, so each one fires);
    // later spawns are unarmed and killed by the parent at random moments.
    const relayFailpoints = Array.from({ length: 5 }, () => `relay:after-send?skip=${randomInt(0, 3)}`);
    const consumerFailpoints = [
      `consumer:after-effect?skip=${randomInt(5, 30)}`,
      `consumer:after-effect?skip=${randomInt(5, 30)}`,
      `consumer:before-commit?skip=${randomInt(5, 30)}`,
      `consumer:after-effect?skip=${randomInt(5, 30)}`,
    ];
    let relayChaos = 4;
    let consumerChaos = 2;
    let relayChaosAt = 0;
    let consumerChaosAt = 0;
    let consumerAppliedAtSpawn = 0;

    // the producer side: state + events in one transaction per batch, cases interleaved
    const outbox = new TransactionalOutbox(producerDs, new OutboxWriter(topics.names), {
      producer: { kind: 'enforcement', agencyId: 'enforcement:210100' },
    });
    const cases = Array.from({ length: CASES }, () => randomUUID());
    const seqInCase = new Map<string, number>(cases.map((c) => [c, 0]));
    let written = 0;
    let lastWrite = 0;
    const writeBatch = async (): Promise<void> => {
      await outbox.run(async (tx) => {
        for (let i = 0; i < BATCH; i++) {
          const caseId = cases[randomInt(0, CASES)]!;
          const amount = randomInt(1, 1000);
          const seq = seqInCase.get(caseId)! + 1;
          seqInCase.set(caseId, seq);
          const e = publishAs(
            tx,
            { sub: 'system:crash-test' },
            EvidenceAttached,
            caseId,
            payloads.evidenceAttached(caseId, amount) as EvidenceAttachedV1,
          );
          await tx.manager.insert(CrashExpected, { eventId: e.eventId, linkedCaseId: caseId, amount, seqInCase: seq });
        }
      });
      written += BATCH;
    };

    const count = async (ds: DataSource, sql: string): Promise<number> => Number((await ds.query(sql))[0].n);
    let unpublished = -1;
    let applied = 0;
    for (let round = 0; ; round++) {
      const now = Date.now();
      if (now - started > LOOP_BUDGET_MS) {
        throw new Error(
          `not drained after ${LOOP_BUDGET_MS} ms: written ${written}/${EVENTS}, unpublished ${unpublished}, applied ${applied}\n` +
            `relay:\n${relay.describe()}\nconsumer:\n${consumer.describe()}`,
        );
      }
      if (written < EVENTS && now - lastWrite >= WRITE_EVERY_MS) {
        lastWrite = now;
        await writeBatch();
      }

      if (!relay.alive) {
        relay.start(relayFailpoints.shift());
        relayChaosAt = Date.now() + randomInt(1500, 4000);
      } else if (!relay.armed && relay.readyAt && relayChaos > 0 && Date.now() > relayChaosAt && unpublished !== 0) {
        relayChaos--;
        relay.kill();
      }

      applied = await count(consumerDs, 'SELECT count(*) AS n FROM inbox');
      if (!consumer.alive) {
        consumer.start(consumerFailpoints.shift());
        consumerAppliedAtSpawn = applied;
        consumerChaosAt = Date.now() + randomInt(500, 2500);
      } else if (
        !consumer.armed &&
        consumer.readyAt &&
        consumerChaos > 0 &&
        Date.now() > consumerChaosAt &&
        applied > consumerAppliedAtSpawn &&
        applied < EVENTS
      ) {
        consumerChaos--;
        consumer.kill();
      }

      unpublished = await count(producerDs, 'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
      if (written === EVENTS && unpublished === 0 && applied === EVENTS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all([relay.stop(), consumer.stop()]);
    const loopMs = Date.now() - started;

    // ---- the failpoints really fired, in the windows that matter ---------------------------------
    const fired = existsSync(failpointLog) ? readFileSync(failpointLog, 'utf8').split('\n').filter(Boolean) : [];
    const firedCount = (name: string) => fired.filter((l) => l.includes(` ${name} fired`)).length;
    expect(firedCount('relay:after-send')).toBeGreaterThanOrEqual(1);
    expect(firedCount('consumer:after-effect')).toBeGreaterThanOrEqual(1);

    // ---- published at least once: every event on the topic, with duplicates from the relay kills --
    const expected = (await producerDs.getRepository(CrashExpected).find()) as CrashExpected[];
    expect(expected).toHaveLength(EVENTS);
    const onTopic = await readTopic(topics.names.forProducer('enforcement'), 60_000);
    const idsOnTopic = onTopic.map((m) => m.headers['cb-event-id']!);
    const distinctOnTopic = new Set(idsOnTopic);
    expect(expected.filter((e) => !distinctOnTopic.has(e.eventId))).toEqual([]);
    expect(distinctOnTopic.size).toBe(EVENTS);
    expect(onTopic.length).toBeGreaterThan(EVENTS); // the relay re-sent acked batches after its kills
    for (const m of onTopic) expect(m.key).toBe(JSON.parse(m.value!).linkedCaseId);
    expect(await count(producerDs, 'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')).toBe(0);

    // ---- applied exactly once ---------------------------------------------------------------------
    const [effects] = await consumerDs.query(
      'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_n, coalesce(sum(amount), 0)::bigint AS total FROM crash_effect',
    );
    const expectedTotal = expected.reduce((s, e) => s + e.amount, 0);
    expect({ rows: effects.n, distinct: effects.distinct_n, total: Number(effects.total) }).toEqual({
      rows: EVENTS,
      distinct: EVENTS,
      total: expectedTotal,
    });
    const appliedIds = new Set(
      (await consumerDs.query('SELECT event_id FROM crash_effect')).map((r: { event_id: string }) => r.event_id),
    );
    expect(expected.filter((e) => !appliedIds.has(e.eventId))).toEqual([]);
    for (const account of await consumerDs.getRepository(CrashAccount).find()) {
      const mine = expected.filter((e) => e.linkedCaseId === account.linkedCaseId);
      expect({ total: Number(account.total), applied: account.applied }).toEqual({
        total: mine.reduce((s, e) => s + e.amount, 0),
        applied: mine.length,
      });
    }
    // … in the order of the case, despite re-sends and redeliveries
    const effectOrder = (await consumerDs.query('SELECT event_id, linked_case_id FROM crash_effect ORDER BY id')) as {
      event_id: string;
      linked_case_id: string;
    }[];
    for (const c of cases) {
      const want = expected
        .filter((e) => e.linkedCaseId === c)
        .sort((a, b) => a.seqInCase - b.seqInCase)
        .map((e) => e.eventId);
      expect(effectOrder.filter((e) => e.linked_case_id === c).map((e) => e.event_id)).toEqual(want);
    }
    expect(await count(consumerDs, 'SELECT count(*) AS n FROM inbox')).toBe(EVENTS);
    // redeliveries reached the consumer and were absorbed by the inbox
    const duplicatesSeen = consumer.lines.filter((l) => l.startsWith('duplicate ')).length;
    expect(duplicatesSeen).toBeGreaterThanOrEqual(1);
    // nothing was dead-lettered
    expect(await readTopic(topics.names.deadLetter)).toEqual([]);

    const summary = {
      loopMs,
      events: EVENTS,
      messagesOnTopic: onTopic.length,
      duplicatesSeenByConsumer: duplicatesSeen,
      relay: { spawns: relay.spawns, parentKills: relay.parentKills, failpointKills: firedCount('relay:after-send') },
      consumer: {
        spawns: consumer.spawns,
        parentKills: consumer.parentKills,
        afterEffectKills: firedCount('consumer:after-effect'),
        beforeCommitKills: firedCount('consumer:before-commit'),
      },
    };
    process.stdout.write(`[crash-test] ${JSON.stringify(summary)}\n`);
  });
});
