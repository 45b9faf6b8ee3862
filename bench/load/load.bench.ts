/**
 * Open-loop load over the transfer path (issue 14, item 4): police sign the receipt of prepared transfers at a fixed
 * rate (acts/s), and for each act the bench measures
 *
 *   (a) the police POST /transfers/:id/receipt
 *   (b) until enforcement's view shows it (GET /transfers/:id: phase `received`)
 *   (c) until the transfer.filing-review step is in the police inbox (GET /inbox: Kafka → worker bridge → Temporal
 *       → worker outbox → Kafka → police inbox)
 *
 * and prints p50/p95/p99/max, the achieved rate, errors, and the CPU per act: the CPU seconds of the service
 * processes (/proc: enforcement, police, procuratorate, supervision, audit, workflow-worker; not PostgreSQL, Kafka
 * or Temporal, which are shared with other users of the machine) during the step, divided by its acts — the bench's
 * own polling GETs included. Beside it, measured in the same run: raw PostgreSQL single-row commits/s (1 connection)
 * and raw kafkajs sends/s (idempotent, acks=all, awaited one by one), and the ratios. Starting at --rate, each step
 * doubles the rate until p99 (c) passes 10 s, an act fails, or --max-rate is passed; it says where it stopped.
 * Deadlocks: pg_stat_database.deadlocks of the run's databases, and `deadlock detected` lines PostgreSQL logged
 * during the run ($CASEBRIDGE_INFRA_DIR/logs/postgres.log, any database of the shared server).
 *
 *   npm run bench:load -- [--rate 2] [--acts 50] [--max-rate 64] [--prepare-concurrency 4]
 *
 * The services run as child processes from the sources (test/support/system.ts: own databases, topics suffixed, a
 * Temporal task queue of their own on the Temporal of CASEBRIDGE_TEMPORAL_ADDRESS). Preparing a transfer (case,
 * evidence, transfer, team report, head approval, send, until the police have it) is not measured. Print only.
 */
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Client } from 'pg';
import { createKafka, createReliableProducer, topicReplicationFactor } from '@casebridge/messaging';
import { WORKFLOWS_ENTRY, workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { WORKFLOW_INTERCEPTOR_MODULES } from '@casebridge/workflows/workflow-tracing';
import { TestSystem, type ServiceName } from '../../test/support/system';
import { agencies, openAndSend, polPhase, type Agencies, type Opened } from '../../test/transfer/transfer-driver';
import { benchBrokers, benchPg } from '../support/infra';
import { cpuSeconds, quantile } from '../support/proc';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '2' },
    acts: { type: 'string', default: '50' },
    'max-rate': { type: 'string', default: '64' },
    'prepare-concurrency': { type: 'string', default: '4' },
  },
});
const START_RATE = Number(values.rate);
const ACTS = Number(values.acts);
const MAX_RATE = Number(values['max-rate']);
const PREPARE = Number(values['prepare-concurrency']);
if (!(START_RATE > 0 && ACTS > 0 && MAX_RATE >= START_RATE && PREPARE > 0))
  throw new Error('--rate, --acts, --prepare-concurrency must be positive and --max-rate ≥ --rate');
const C_LIMIT_MS = 10_000;
const SERVICES: ServiceName[] = ['enforcement', 'police', 'procuratorate', 'supervision', 'audit', 'workflow-worker'];
const pgLog = path.join(
  process.env.CASEBRIDGE_INFRA_DIR || path.resolve(__dirname, '../../.infra'),
  'logs',
  'postgres.log',
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

/** Polls `fn` every 50 ms until it returns true; resolves to the elapsed ms, or rejects after `timeoutMs`. */
async function until(fn: () => Promise<boolean>, t0: number, timeoutMs: number, what: string): Promise<number> {
  for (;;) {
    if (await fn().catch(() => false)) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

interface Act {
  a: number;
  b: number;
  c: number;
}

/** One step: `opened.length` receipts at `rate`/s, open loop (each act starts on schedule, whatever the others do). */
async function step(
  ag: Agencies,
  opened: Opened[],
  rate: number,
): Promise<{ acts: Act[]; errors: string[]; ms: number; achieved: number }> {
  const acts: Act[] = [];
  const errors: string[] = [];
  const t0 = performance.now();
  let lastPost = t0;
  await Promise.all(
    opened.map(async (o, i) => {
      const wait = t0 + (i * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      const start = performance.now();
      try {
        await ag.pol.post(`/transfers/${o.transferId}/receipt`, {
          receiptNumber: `沈公（环）受字〔2026〕${randomInt(1e9)}号`,
        });
        const a = performance.now() - start;
        lastPost = Math.max(lastPost, performance.now());
        const [b, c] = await Promise.all([
          until(
            async () => (await ag.enf.get<{ phase: string }>(`/transfers/${o.transferId}`)).phase === 'received',
            start,
            120_000,
            'enforcement view',
          ),
          until(
            async () =>
              (
                await ag.pol.get<{ items: { ruleId?: string }[] }>(`/inbox?linkedCaseId=${o.linkedCaseId}&status=owed`)
              ).items.some((x) => x.ruleId === 'transfer.filing-review'),
            start,
            120_000,
            'police inbox',
          ),
        ]);
        acts.push({ a, b, c });
      } catch (e) {
        errors.push((e as Error).message.slice(0, 200));
      }
    }),
  );
  // achieved: receipts answered per second, from the first scheduled act to the last answer
  return { acts, errors, ms: performance.now() - t0, achieved: acts.length / ((lastPost - t0) / 1000) };
}

/** `n` transfers opened and sent, each until the police have it (concurrency PREPARE). */
async function prepare(ag: Agencies, n: number, label: string): Promise<Opened[]> {
  const out: Opened[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PREPARE, n) }, async () => {
      while (next < n) {
        const i = next++;
        const o = await openAndSend(ag, `${label}-${i}`);
        await polPhase(ag.pol, o.transferId, 'awaiting-receipt');
        out.push(o);
      }
    }),
  );
  return out;
}

async function rawBaselines(): Promise<{ pg: number; kafka: number }> {
  const c = new Client({ ...benchPg, database: 'postgres' });
  await c.connect();
  let pgRate: number;
  try {
    await c.query(
      'CREATE TEMP TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body jsonb NOT NULL)',
    );
    const body = JSON.stringify({ transferId: 'x', receiptNumber: 'R-1' });
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await c.query('INSERT INTO bench_raw (body) VALUES ($1)', [body]);
    pgRate = n / ((performance.now() - t0) / 1000);
  } finally {
    await c.end();
  }
  const kafka = createKafka({ brokers: benchBrokers, clientId: 'bench-load-raw' });
  const topic = `bench.load-raw.${randomInt(1e9)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: 3, replicationFactor: topicReplicationFactor() }],
  });
  const producer = createReliableProducer(kafka);
  await producer.connect();
  try {
    const n = 500;
    const t0 = performance.now();
    for (let i = 0; i < n; i++)
      await producer.send({ topic, acks: -1, messages: [{ key: `k${i % 50}`, value: JSON.stringify({ i }) }] });
    return { pg: pgRate, kafka: n / ((performance.now() - t0) / 1000) };
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

async function deadlocks(databases: string[]): Promise<number> {
  const c = new Client({ ...benchPg, database: 'postgres' });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      'SELECT coalesce(sum(deadlocks), 0)::text AS n FROM pg_stat_database WHERE datname = ANY($1)',
      [databases],
    );
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

function loggedDeadlocks(fromByte: number): number | undefined {
  if (!existsSync(pgLog)) return undefined;
  return readFileSync(pgLog).subarray(fromByte).toString('utf8').split('deadlock detected').length - 1;
}

async function main(): Promise<void> {
  const logStart = existsSync(pgLog) ? statSync(pgLog).size : 0;
  log(
    `bench:load on ${cpus().length} cores (load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}): starting ${SERVICES.join(', ')}`,
  );
  // the worker's workflow bundle made once here (as `npm run build` does): a worker bundling at start-up on a busy
  // machine can miss the harness's 90 s readiness limit
  const dir = mkdtempSync(path.join(tmpdir(), 'casebridge-bench-load-'));
  const bundle = path.join(dir, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_ENTRY,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    ...workflowBundlerOptions(),
  });
  writeFileSync(bundle, code);
  const sys = new TestSystem(SERVICES, { 'workflow-worker': { CASEBRIDGE_WORKFLOW_BUNDLE: bundle } });
  try {
    await sys.start();
    const ag = agencies(sys);
    const databases = SERVICES.map((s) => sys.database(s).name);
    const deadlocks0 = await deadlocks(databases);
    const raw = await rawBaselines();
    log(
      `raw baselines: PostgreSQL ${raw.pg.toFixed(0)} single-row commits/s (1 connection), kafkajs ${raw.kafka.toFixed(0)} sends/s (acks=all, one by one)`,
    );
    const rows: string[] = [];
    let rate = START_RATE;
    let stopped = `--max-rate ${MAX_RATE} reached`;
    for (;;) {
      log(`preparing ${ACTS} transfers for ${rate} acts/s`);
      const opened = await prepare(ag, ACTS, `load${rate}`);
      const cpu0 = SERVICES.map((s) => cpuSeconds(sys.pid(s) ?? -1) ?? 0);
      const r = await step(ag, opened, rate);
      const cpu1 = SERVICES.map((s) => cpuSeconds(sys.pid(s) ?? -1) ?? 0);
      const cpu = cpu1.reduce((sum, x, i) => sum + x - cpu0[i]!, 0);
      const q = (k: keyof Act) => {
        const s = r.acts.map((x) => x[k]).sort((x, y) => x - y);
        return s.length ? [0.5, 0.95, 0.99].map((p) => quantile(s, p)).concat(s.at(-1)!) : [NaN, NaN, NaN, NaN];
      };
      const fmt = (xs: number[]) => xs.map((x) => `${Math.round(x)}`).join(' / ');
      const achieved = r.achieved;
      const c99 = q('c')[2]!;
      rows.push(
        `  ${String(rate).padStart(5)} /s  achieved ${achieved.toFixed(2).padStart(6)} /s  errors ${r.errors.length}\n` +
          `           (a) POST ${fmt(q('a'))} ms   (b) enforcement view ${fmt(q('b'))} ms   (c) police inbox ${fmt(q('c'))} ms\n` +
          `           CPU of the services ${cpu.toFixed(1)} s = ${(cpu / Math.max(1, r.acts.length)).toFixed(3)} core-s per act;` +
          ` achieved / raw PostgreSQL commits ${(achieved / raw.pg).toFixed(4)}, / raw kafkajs sends ${(achieved / raw.kafka).toFixed(4)}`,
      );
      log(`step ${rate} /s done: ${r.acts.length} acts, ${r.errors.length} errors, p99 (c) ${Math.round(c99)} ms`);
      for (const e of new Set(r.errors)) log(`  error: ${e}`);
      if (r.errors.length) {
        stopped = `errors at ${rate} acts/s`;
        break;
      }
      if (!(c99 <= C_LIMIT_MS)) {
        stopped = `p99 (c) passed ${C_LIMIT_MS / 1000} s at ${rate} acts/s`;
        break;
      }
      if (rate * 2 > MAX_RATE) break;
      rate *= 2;
    }
    const dl = (await deadlocks(databases)) - deadlocks0;
    const logged = loggedDeadlocks(logStart);
    console.log(
      `\nbench:load — police receipts, open loop, ${ACTS} acts per step, ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('  offered   p50 / p95 / p99 / max');
    for (const row of rows) console.log(row);
    console.log(
      `raw baselines (same run): PostgreSQL ${raw.pg.toFixed(0)} commits/s (1 connection), kafkajs ${raw.kafka.toFixed(0)} sends/s (acks=all, awaited one by one)`,
    );
    console.log(`stopped: ${stopped}`);
    console.log(
      `deadlocks: ${dl} in the run's databases (pg_stat_database); ${logged ?? '?'} 'deadlock detected' lines in ${pgLog} during the run (any database)`,
    );
  } finally {
    await sys.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
