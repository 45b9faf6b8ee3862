/**
 * Open-loop load over the transfer path (issue 14, item 4): police sign the receipt of prepared transfers at a fixed
 * rate (acts/s), and for each act the bench measures
 *
 *   (a) the police POST /transfers/:id/receipt
 *   (b) until enforcement's view shows it (GET /transfers/:id: phase `received`)
 *   (c) until the transfer.filing-review step is in the police inbox (GET /inbox: Kafka → worker bridge → Temporal
 *       → worker outbox → Kafka → police inbox)
 *
 * and prints p50/p95/p99/max, the achieved rate, errors, (c) split into its stages from the transfer workflow's
 * history (to the signal, in Temporal, to the inbox: see cStages), and the CPU per act: the CPU seconds of the service
 * processes (/proc: enforcement, police, procuratorate, supervision, audit, workflow-worker) during the step, divided
 * by its acts — the bench's own polling GETs included (50 ms apart inside the goals' window, then 250 ms). Beside it,
 * measured in the same run: raw PostgreSQL single-row commits/s (1 connection) and raw kafkajs sends/s (idempotent,
 * acks=all, awaited one by one), and the ratios. Starting at --rate, each step
 * doubles the rate until p99 (c) passes 10 s, an act fails, or the next step would pass --max-rate; it says where it
 * stopped.
 * Deadlocks: pg_stat_database.deadlocks of the run's databases, and `deadlock detected` lines PostgreSQL logged
 * during the run ($CASEBRIDGE_INFRA_DIR/logs/postgres.log, any database of the shared server).
 *
 * Also per step: the CPU by service and by thread (/proc/<pid>/task), the CPU of the shared Temporal server, Kafka
 * broker and PostgreSQL (all of its processes, and its backends of this run's databases) during the step — other users
 * of the machine included —, the services' idle CPU per second (measured before the steps, no request), and the
 * bench's own polling GETs: counted, their CPU cost measured after the steps (`--calibrate-gets` of each kind), and
 * the services' CPU per act printed net of them. `--cpu-prof <dir>` preloads bench/support/cpu-profile.cjs into every
 * service and writes a V8 CPU profile of each service's main thread over each step into <dir>, summarised at the end
 * by module and function (bench/support/cpu-profile-summary.ts). `--compiled` runs the build (dist/, `npm run build`
 * first) instead of the sources through @swc-node/register.
 *
 *   npm run bench:load -- [--rate 2] [--acts 50] [--max-rate 64] [--prepare-concurrency 4] [--compiled]
 *                         [--cpu-prof <new or empty dir>] [--calibrate-gets 200]
 *
 * Options are checked before anything starts (exit code 2 naming each bad one); `--cpu-prof` refuses a directory
 * that holds anything but .cpuprofile files (those it removes before the run).
 *
 * The services run as child processes from the sources or the build (test/support/system.ts: own databases, topics suffixed, a
 * Temporal task queue of their own on the Temporal of CASEBRIDGE_TEMPORAL_ADDRESS). Preparing a transfer (case,
 * evidence, transfer, team report, head approval, send, until the police have it and the workflow's transfer.receipt
 * step is in their inbox) is not measured, and a step starts 5 s after it. Print only.
 */
import { randomInt } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Client } from 'pg';
import { createKafka, createReliableProducer, topicReplicationFactor } from '@casebridge/messaging';
import { WORKFLOWS_ENTRY, workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { WORKFLOW_INTERCEPTOR_MODULES } from '@casebridge/workflows/workflow-tracing';
import { OptionCheck } from '../../test/support/cli-options';
import { TestSystem, type ServiceName } from '../../test/support/system';
import { agencies, openAndSend, polPhase, type Agencies, type Opened } from '../../test/transfer/transfer-driver';
import { benchBrokers, benchPg } from '../support/infra';
import { formatSummary, summariseCpuProfile } from '../support/cpu-profile-summary';
import {
  childrenOf,
  cpuSeconds,
  cpuSecondsWithReaped,
  findProcesses,
  quantile,
  threadCpuSeconds,
} from '../support/proc';

const USAGE =
  'npm run bench:load -- [--rate 2] [--acts 50] [--max-rate 64] [--prepare-concurrency 4] [--compiled] ' +
  '[--cpu-prof <new or empty dir>] [--calibrate-gets 200]';
const check = new OptionCheck('npm run bench:load', USAGE);
const { values } = check.parse({
  rate: { type: 'string', default: '2' },
  acts: { type: 'string', default: '50' },
  'max-rate': { type: 'string', default: '64' },
  'prepare-concurrency': { type: 'string', default: '4' },
  compiled: { type: 'boolean', default: false },
  'cpu-prof': { type: 'string' },
  'calibrate-gets': { type: 'string', default: '200' },
});
const COMPILED = values.compiled!;
const CPU_PROF = values['cpu-prof'] !== undefined ? path.resolve(values['cpu-prof']) : undefined;
const CALIBRATE_GETS = check.number('calibrate-gets', values['calibrate-gets'], 0, 10_000, true, 'GETs of each kind');
const START_RATE = check.number('rate', values.rate, 0.1, 1000, false, 'acts per second of the first step');
const ACTS = check.number('acts', values.acts, 1, 100_000, true, 'acts per step');
const MAX_RATE = check.number(
  'max-rate',
  values['max-rate'],
  0.1,
  1000,
  false,
  'acts per second, the last step at most',
);
const PREPARE = check.number(
  'prepare-concurrency',
  values['prepare-concurrency'],
  1,
  64,
  true,
  'transfers prepared at once',
);
if (!check.problems.length && MAX_RATE < START_RATE)
  check.problems.push(`--max-rate ${MAX_RATE} is below --rate ${START_RATE} (--rate defaults to 2)`);
// the profiles' directory is emptied of *.cpuprofile files before the run: it must hold nothing else
if (CPU_PROF && existsSync(CPU_PROF) && readdirSync(CPU_PROF).some((f) => !f.endsWith('.cpuprofile')))
  check.problems.push(
    `--cpu-prof ${JSON.stringify(values['cpu-prof'])}: ${CPU_PROF} holds files other than .cpuprofile ones; give a new or empty directory`,
  );
check.done();
const C_LIMIT_MS = 10_000;
const IDLE_MS = 15_000;
const SERVICES: ServiceName[] = ['enforcement', 'police', 'procuratorate', 'supervision', 'audit', 'workflow-worker'];
const pgLog = path.join(
  process.env.CASEBRIDGE_INFRA_DIR || path.resolve(__dirname, '../../.infra'),
  'logs',
  'postgres.log',
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

/**
 * Polls `fn` until it returns true: every 50 ms for the first `fineMs` after `t0` (1 s for (b), 3 s for (c): the goals
 * are 300 ms and 2 s), then every 250 ms (a latency beyond `fineMs` is measured to 250 ms), so that the bench's own
 * GETs stay a small part of the services' CPU when the path is slow. Resolves to the elapsed ms, or rejects after
 * `timeoutMs`.
 */
async function until(
  fn: () => Promise<boolean>,
  t0: number,
  timeoutMs: number,
  fineMs: number,
  what: string,
): Promise<number> {
  for (;;) {
    if (await fn().catch(() => false)) return performance.now() - t0;
    const elapsed = performance.now() - t0;
    if (elapsed > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(elapsed < fineMs ? 50 : 250);
  }
}

/** The bench's own polling GETs, per service: their CPU is not the acts' (see calibrateGets). */
const gets = { enforcement: 0, police: 0 };

interface Act {
  a: number;
  b: number;
  c: number;
  /** The transfer and the wall-clock time (ms since the epoch) of the POST's start: for `cStages`. */
  transferId: string;
  postAt: number;
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
      const postAt = Date.now();
      try {
        await ag.pol.post(`/transfers/${o.transferId}/receipt`, {
          receiptNumber: `沈公（环）受字〔2026〕${randomInt(1e9)}号`,
        });
        const a = performance.now() - start;
        lastPost = Math.max(lastPost, performance.now());
        const [b, c] = await Promise.all([
          until(
            async () => {
              gets.enforcement++;
              return (await ag.enf.get<{ phase: string }>(`/transfers/${o.transferId}`)).phase === 'received';
            },
            start,
            120_000,
            1_000,
            'enforcement view',
          ),
          until(
            async () => {
              gets.police++;
              return (
                await ag.pol.get<{ items: { ruleId?: string }[] }>(`/inbox?linkedCaseId=${o.linkedCaseId}&status=owed`)
              ).items.some((x) => x.ruleId === 'transfer.filing-review');
            },
            start,
            120_000,
            3_000,
            'police inbox',
          ),
        ]);
        acts.push({ a, b, c, transferId: o.transferId, postAt });
      } catch (e) {
        const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
        errors.push(`${(e as Error).message.slice(0, 200)}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
      }
    }),
  );
  // achieved: receipts answered per second, from the first scheduled act to the last answer
  return { acts, errors, ms: performance.now() - t0, achieved: acts.length / ((lastPost - t0) / 1000) };
}

/** `n` transfers opened and sent, each until the police have it and its transfer.receipt step is in their inbox (concurrency PREPARE). */
async function prepare(ag: Agencies, n: number, label: string): Promise<Opened[]> {
  const out: Opened[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PREPARE, n) }, async () => {
      while (next < n) {
        const i = next++;
        const o = await openAndSend(ag, `${label}-${i}`);
        await polPhase(ag.pol, o.transferId, 'awaiting-receipt');
        // the transfer workflow's opening done too (its transfer.receipt step, published by the worker, in the police
        // inbox): otherwise the worker and Temporal would still be working on the preparation during the step, and
        // its latencies and CPU would carry the preparation's tail
        await until(
          async () =>
            (
              await ag.pol.get<{ items: { ruleId?: string }[] }>(`/inbox?linkedCaseId=${o.linkedCaseId}&status=owed`)
            ).items.some((x) => x.ruleId === 'transfer.receipt'),
          performance.now(),
          180_000,
          0,
          'transfer.receipt in the police inbox',
        );
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

/** Process ids of the PostgreSQL backends serving `databases` right now (pg_stat_activity). */
async function pgBackends(databases: string[]): Promise<number[]> {
  const c = new Client({ ...benchPg, database: 'postgres' });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)', [databases]);
    return r.rows.map((x) => x.pid);
  } finally {
    await c.end();
  }
}

/** The shared infrastructure's processes on this machine (also used by other users of it during the run). */
const infraDir = path.dirname(path.dirname(pgLog));
const temporalPort = (process.env.CASEBRIDGE_TEMPORAL_ADDRESS ?? '127.0.0.1:7233').split(':').pop();
const infra = {
  temporal: findProcesses(new RegExp(`temporal server start-dev .*--port ${temporalPort} `)),
  kafka: findProcesses(new RegExp(`kafka\\.Kafka ${infraDir}/kafka/server\\.properties`)),
  postgres: findProcesses(new RegExp(`postgres .*-k ${infraDir}/postgres/socket`)),
};
const sumCpu = (pids: number[]) => pids.reduce((sum, p) => sum + (cpuSeconds(p) ?? 0), 0);

interface Snapshot {
  services: number[];
  threads: Map<string, number>[];
  temporal: number;
  kafka: number;
  postgres: number;
  backends: Map<number, number>;
}

function snapshot(sys: TestSystem, backends: number[]): Snapshot {
  return {
    services: SERVICES.map((s) => cpuSeconds(sys.pid(s) ?? -1) ?? 0),
    threads: SERVICES.map((s) => threadCpuSeconds(sys.pid(s) ?? -1)),
    temporal: sumCpu(infra.temporal),
    kafka: sumCpu(infra.kafka),
    // the postmaster with its ended backends (reaped: cutime, cstime) plus its live backends: a backend that ends
    // between two snapshots no longer makes the difference negative
    postgres: infra.postgres.reduce((sum, p) => sum + (cpuSecondsWithReaped(p) ?? 0) + sumCpu(childrenOf(p)), 0),
    // a backend that ended (pool connection closed) is left out: only those alive at both ends are counted
    backends: new Map(backends.flatMap((p) => (cpuSeconds(p) === undefined ? [] : [[p, cpuSeconds(p)!]]))),
  };
}

/** CPU seconds between two snapshots: per service, per thread name of each service, and of the infrastructure. */
function cpuBetween(a: Snapshot, b: Snapshot) {
  const threads = SERVICES.map((_, i) => {
    const m = new Map<string, number>();
    for (const [k, v] of b.threads[i]!) m.set(k, v - (a.threads[i]!.get(k) ?? 0));
    return [...m.entries()].filter(([, v]) => v >= 0.05).sort((x, y) => y[1] - x[1]);
  });
  let backends = 0;
  for (const [p, v] of b.backends) if (a.backends.has(p)) backends += v - a.backends.get(p)!;
  return {
    services: b.services.map((x, i) => x - a.services[i]!),
    threads,
    temporal: b.temporal - a.temporal,
    kafka: b.kafka - a.kafka,
    postgres: b.postgres - a.postgres,
    backends,
  };
}

/**
 * The services' CPU per polling GET of the bench (ms): `n` GETs of each kind the bench polls with (enforcement's
 * transfer, the police inbox of a linked case), 4 at a time, on acts already done, with nothing else of this run
 * going on. The acts' own CPU is then the step's CPU minus its GETs × this cost.
 */
async function calibrateGets(sys: TestSystem, ag: Agencies, done: Opened[], n: number) {
  const enfPid = sys.pid('enforcement') ?? -1;
  const polPid = sys.pid('police') ?? -1;
  await sleep(3000); // the acts' own work settled
  const measure = async (pid: number, get: (o: Opened) => Promise<unknown>) => {
    const c0 = cpuSeconds(pid) ?? 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < n) await get(done[next++ % done.length]!);
      }),
    );
    return ((cpuSeconds(pid) ?? 0) - c0) / n;
  };
  return {
    enforcement: await measure(enfPid, (o) => ag.enf.get(`/transfers/${o.transferId}`)),
    police: await measure(polPid, (o) => ag.pol.get(`/inbox?linkedCaseId=${o.linkedCaseId}&status=owed`)),
  };
}

/** Sends SIGWINCH (bench/support/cpu-profile.cjs: start, then stop and write a profile) to every service. */
function toggleProfiles(sys: TestSystem): void {
  for (const s of SERVICES) {
    const pid = sys.pid(s);
    if (pid) process.kill(pid, 'SIGWINCH');
  }
}

/**
 * Where (c) goes, per act, from the transfer workflow's history (`transfer-<transferId>`; Temporal's event times, same
 * machine clock as the bench):
 *   to the signal   POST → the receipt's caseEvent signal recorded: the police transaction, its outbox relay, Kafka,
 *                   the worker's bridge consumer and the SignalWorkflow call
 *   in Temporal     the signal → publishDeadlineEvents completed: workflow tasks, the computeDeadline activity, the
 *                   activity that writes the deadline events into the worker's outbox
 *   to the inbox    → the step seen in the police inbox: the worker's outbox relay, Kafka, the police inbox consumer,
 *                   and the bench's poll (50 ms apart up to 3 s, then 250 ms)
 * An act whose history lacks either event, or cannot be read, is left out (counted). Only the workflow's latest run is
 * read: a receipt signalled before a Continue-As-New would count as missing (transfers do not continue as new on a path
 * this short).
 */
async function cStages(
  acts: Act[],
): Promise<{ toSignal: number[]; inTemporal: number[]; toInbox: number[]; missing: number }> {
  const connection = await Connection.connect({ address: process.env.CASEBRIDGE_TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new TemporalClient({ connection, namespace: process.env.CASEBRIDGE_TEMPORAL_NAMESPACE ?? 'default' })
    .workflow;
  const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
    Number(t?.seconds ?? 0) * 1000 + (t?.nanos ?? 0) / 1e6;
  const out = { toSignal: [] as number[], inTemporal: [] as number[], toInbox: [] as number[], missing: 0 };
  try {
    for (let i = 0; i < acts.length; i += 8)
      await Promise.all(
        acts
          .slice(i, i + 8)
          .map(async (act) => {
            const events = (await client.getHandle(`transfer-${act.transferId}`).fetchHistory()).events ?? [];
            const id = (e: (typeof events)[number]) => Number(e.eventId);
            const signal = events.find((e) => {
              const payload = e.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0];
              if (!payload) return false;
              const arg = defaultPayloadConverter.fromPayload<{ type?: string } | { type?: string }[]>(payload);
              return (Array.isArray(arg) ? arg[0] : arg)?.type === 'transfer.receipt-signed';
            });
            // the first publishDeadlineEvents scheduled after the signal, completed
            const scheduled = signal
              ? events.find(
                  (e) =>
                    id(e) > id(signal) &&
                    e.activityTaskScheduledEventAttributes?.activityType?.name === 'publishDeadlineEvents',
                )
              : undefined;
            const published = scheduled
              ? events.find((e) => Number(e.activityTaskCompletedEventAttributes?.scheduledEventId) === id(scheduled))
              : undefined;
            if (!signal || !published) {
              out.missing++;
              return;
            }
            const [s, p] = [ms(signal.eventTime), ms(published.eventTime)];
            out.toSignal.push(s - act.postAt);
            out.inTemporal.push(p - s);
            out.toInbox.push(act.postAt + act.c - p);
          })
          .map((p) => p.catch(() => void out.missing++)),
      );
  } finally {
    await connection.close();
  }
  return out;
}

async function main(): Promise<void> {
  const logStart = existsSync(pgLog) ? statSync(pgLog).size : 0;
  log(
    `bench:load on ${cpus().length} cores (load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}): starting ${SERVICES.join(', ')} from ${COMPILED ? 'the build (dist/)' : 'the sources (@swc-node/register)'}` +
      (CPU_PROF ? `, CPU profiles of the steps into ${CPU_PROF}` : ''),
  );
  log(
    `shared infrastructure: Temporal ${infra.temporal}, Kafka ${infra.kafka}, PostgreSQL ${infra.postgres} (and its backends)`,
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
  const profileEnv = (s: ServiceName) =>
    CPU_PROF ? { CASEBRIDGE_CPU_PROFILE_DIR: CPU_PROF, CASEBRIDGE_CPU_PROFILE_NAME: s } : {};
  const env = Object.fromEntries(SERVICES.map((s) => [s, profileEnv(s)])) as Record<
    ServiceName,
    Record<string, string>
  >;
  env['workflow-worker'] = { ...env['workflow-worker'], CASEBRIDGE_WORKFLOW_BUNDLE: bundle };
  if (CPU_PROF) {
    mkdirSync(CPU_PROF, { recursive: true });
    for (const f of readdirSync(CPU_PROF)) if (f.endsWith('.cpuprofile')) rmSync(path.join(CPU_PROF, f));
  }
  const sys = new TestSystem(SERVICES, env, {
    compiled: COMPILED,
    nodeArgs: CPU_PROF ? ['-r', path.resolve(__dirname, '../support/cpu-profile.cjs')] : [],
  });
  try {
    await sys.start();
    const ag = agencies(sys);
    const databases = SERVICES.map((s) => sys.database(s).name);
    const deadlocks0 = await deadlocks(databases);
    const raw = await rawBaselines();
    log(
      `raw baselines: PostgreSQL ${raw.pg.toFixed(0)} single-row commits/s (1 connection), kafkajs ${raw.kafka.toFixed(0)} sends/s (acks=all, one by one)`,
    );
    // the services' fixed cost: CPU with no request (outbox relays' polls, consumers' fetches and heartbeats,
    // Temporal pollers, timers); a step's CPU includes it for the step's length
    await sleep(5000);
    const idle0 = snapshot(sys, []);
    await sleep(IDLE_MS);
    const idleCpu = cpuBetween(idle0, snapshot(sys, []));
    const idlePerS = idleCpu.services.reduce((a, b) => a + b, 0) / (IDLE_MS / 1000);
    log(
      `idle: services ${idlePerS.toFixed(3)} core-s/s (${SERVICES.map((s, i) => `${s} ${(idleCpu.services[i]! / (IDLE_MS / 1000)).toFixed(3)}`).join(', ')})`,
    );
    const rows: string[] = [];
    const done: Opened[] = [];
    const steps: {
      rate: number;
      acts: number;
      seconds: number;
      cpu: ReturnType<typeof cpuBetween>;
      gets: typeof gets;
    }[] = [];
    let rate = START_RATE;
    let stopped = `the next step would pass --max-rate ${MAX_RATE}`;
    for (;;) {
      log(`preparing ${ACTS} transfers for ${rate} acts/s`);
      const opened = await prepare(ag, ACTS, `load${rate}`);
      await sleep(5000); // the preparation's tail (relays, projections, the audit ledger) out of the step's CPU
      const backends = await pgBackends(databases);
      gets.enforcement = gets.police = 0;
      if (CPU_PROF) toggleProfiles(sys);
      const s0 = snapshot(sys, backends);
      const r = await step(ag, opened, rate);
      const s1 = snapshot(sys, backends);
      if (CPU_PROF) toggleProfiles(sys);
      done.push(...opened);
      const cpu = cpuBetween(s0, s1);
      steps.push({ rate, acts: r.acts.length, cpu, gets: { ...gets }, seconds: r.ms / 1000 });
      const q = (k: 'a' | 'b' | 'c') => {
        const s = r.acts.map((x) => x[k]).sort((x, y) => x - y);
        return s.length ? [0.5, 0.95, 0.99].map((p) => quantile(s, p)).concat(s.at(-1)!) : [NaN, NaN, NaN, NaN];
      };
      const fmt = (xs: number[]) => xs.map((x) => `${Math.round(x)}`).join(' / ');
      const achieved = r.achieved;
      const c99 = q('c')[2]!;
      const services = cpu.services.reduce((a, b) => a + b, 0);
      const perAct = (x: number) => (x / Math.max(1, r.acts.length)).toFixed(3);
      const st = await cStages(r.acts).catch((e: unknown) => (e as Error).message);
      const stage = (xs: number[]) => {
        const sorted = [...xs].sort((x, y) => x - y);
        return sorted.length ? fmt([0.5, 0.95, 0.99].map((p) => quantile(sorted, p)).concat(sorted.at(-1)!)) : '–';
      };
      rows.push(
        `  ${String(rate).padStart(5)} /s  achieved ${achieved.toFixed(2).padStart(6)} /s  errors ${r.errors.length}  (step ${(r.ms / 1000).toFixed(1)} s)\n` +
          `           (a) POST ${fmt(q('a'))} ms   (b) enforcement view ${fmt(q('b'))} ms   (c) police inbox ${fmt(q('c'))} ms\n` +
          (typeof st === 'string'
            ? `           (c) by stage: not measured (${st.slice(0, 120)})\n`
            : `           (c) by stage: to the signal ${stage(st.toSignal)} ms   in Temporal ${stage(st.inTemporal)} ms   to the inbox ${stage(st.toInbox)} ms` +
              `${st.missing ? ` (${st.missing} acts without both events)` : ''}\n`) +
          `           CPU of the services ${services.toFixed(1)} s = ${perAct(services)} core-s per act (the bench's ${gets.enforcement + gets.police} polling GETs included);` +
          ` achieved / raw PostgreSQL commits ${(achieved / raw.pg).toFixed(4)}, / raw kafkajs sends ${(achieved / raw.kafka).toFixed(4)}\n` +
          `           by service: ${SERVICES.map((s, i) => `${s} ${cpu.services[i]!.toFixed(1)}`).join(', ')} s\n` +
          `           shared infrastructure (other users of the machine included): Temporal ${cpu.temporal.toFixed(1)} s, Kafka ${cpu.kafka.toFixed(1)} s,` +
          ` PostgreSQL ${cpu.postgres.toFixed(1)} s (its backends of this run's databases ${cpu.backends.toFixed(1)} s)\n` +
          `           services + this run's PostgreSQL backends + Temporal + Kafka: ${perAct(services + cpu.backends + cpu.temporal + cpu.kafka)} core-s per act`,
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
    const getCost = done.length && CALIBRATE_GETS > 0 ? await calibrateGets(sys, ag, done, CALIBRATE_GETS) : undefined;
    console.log(
      `\nbench:load — police receipts, open loop, ${ACTS} acts per step, ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, services from ${COMPILED ? 'the build (dist/)' : 'the sources (@swc-node/register)'}`,
    );
    console.log('  offered   p50 / p95 / p99 / max');
    for (const row of rows) console.log(row);
    if (getCost) {
      console.log(
        `the bench's polling GETs (measured after the steps, ${CALIBRATE_GETS} of each, 4 at a time): enforcement ${(getCost.enforcement * 1000).toFixed(1)} ms CPU per GET, police inbox ${(getCost.police * 1000).toFixed(1)} ms`,
      );
      for (const st of steps) {
        const polling = st.gets.enforcement * getCost.enforcement + st.gets.police * getCost.police;
        const services = st.cpu.services.reduce((a, b) => a + b, 0);
        const net = services - polling;
        const idle = idlePerS * st.seconds;
        const n = Math.max(1, st.acts);
        console.log(
          `  ${st.rate} /s: ${st.gets.enforcement} + ${st.gets.police} GETs ≈ ${polling.toFixed(1)} s of the services' ${services.toFixed(1)} s;` +
            ` services net of polling ${(net / n).toFixed(3)} core-s per act (of which idle cost over the ${st.seconds.toFixed(1)} s step ${(idle / n).toFixed(3)}),` +
            ` with this run's PostgreSQL backends + Temporal + Kafka ${((net + st.cpu.backends + st.cpu.temporal + st.cpu.kafka) / n).toFixed(3)}`,
        );
      }
    }
    console.log('CPU by thread (s; threads ≥ 0.05 s) per step:');
    for (const st of steps)
      SERVICES.forEach((s, i) =>
        console.log(`  ${st.rate} /s ${s}: ${st.cpu.threads[i]!.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`),
      );
    console.log(
      `raw baselines (same run): PostgreSQL ${raw.pg.toFixed(0)} commits/s (1 connection), kafkajs ${raw.kafka.toFixed(0)} sends/s (acks=all, awaited one by one)`,
    );
    console.log(`stopped: ${stopped}`);
    console.log(
      `deadlocks: ${dl} in the run's databases (pg_stat_database); ${logged ?? '?'} 'deadlock detected' lines in ${pgLog} during the run (any database)`,
    );
    if (CPU_PROF) printProfiles(CPU_PROF);
  } finally {
    await sys.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Summaries of the step profiles written into `dir` (main threads; file `<service>.<pid>.<step>.cpuprofile`). */
function printProfiles(dir: string): void {
  if (!existsSync(dir)) return void console.log(`no CPU profiles in ${dir}`);
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.cpuprofile'))
    .sort()) {
    const s = summariseCpuProfile(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    console.log(formatSummary(f, s, 10).join('\n'));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
