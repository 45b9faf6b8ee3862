/**
 * Bench of many open transfer workflows with running timers (issue 14, item 5), beside a raw Temporal baseline
 * measured in the same run, on a private Temporal dev server (the shared one on 7233 is not loaded):
 *
 *   start rate   transfers started through the bridge (TemporalBridge.deliver: signalWithStart of an integration
 *                event, as the worker's bridge consumer does), and the time until every one's deadline.started
 *                event is on the workflow topic (its step open, its timers running); raw: workflow.start of a bare
 *                workflow with one timer
 *   memory       RSS of the worker process and of the Temporal server with all workflows open (now and peak)
 *   timer→event  `--due` (default 1,000) timers falling due in the same wall-clock minute: from the instant a timer
 *                is due to its deadline event arriving on the deadlines topic (casebridge.workflow.events.v1; a
 *                Kafka consumer of the bench, not an agency's inbox): workflow task, publishDeadlineEvents activity,
 *                outbox insert, relay (NOTIFY), Kafka. Raw: a timer → one activity → kafkajs send (acks=all) → topic.
 *
 *   npm run bench:workflows -- [--workflows 10000] [--due 1000] [--concurrency 32] [--cache 100] [--cpu-prof <dir>] [--keep]
 *
 * Which timer: legal-time counts hour periods from the next full hour, so every due instant lies on a full hour. To
 * put the measured timers in one chosen minute, the measured transfers (transfer.crime-suspected; the rule book
 * overrides transfer.team-report to 1 hour, so its due instant is one to two hours away) get a per-workflow warning
 * lead (DeadlineConfig.warningLeadHours, warningMaxFraction 1) that puts their warning timer on their instant of that
 * minute: the event measured is deadline.warning. The other transfers (transfer.procuratorate-opinion,
 * transfer.after-procuratorate-opinion at its statutory period) keep their timers running beyond the bench.
 * The worker (bench/workflows/worker.process.ts) is the worker's activities, sink and relay with the bench's rule
 * book, in a process of its own. Print only; no assertion. Creates database bench_wf_<random> and topics suffixed
 * bench-<random>, drops them and the server's data at the end (unless --keep).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { logLevel } from 'kafkajs';
import { createEnvelope } from '@casebridge/contracts';
import { createDeadlineEngine, type PeriodOverrides } from '@casebridge/legal-time';
import { loadCalendarFiles } from '@casebridge/legal-time/node';
import { createKafka, MESSAGING_SCHEMA, TopicNames, topicReplicationFactor } from '@casebridge/messaging';
import { migrateDatabase } from '@casebridge/platform/migrations';
import { SEARCH_ATTRIBUTE_DEFINITIONS, TemporalBridge } from '@casebridge/workflows/node';
import { freePort } from '../../test/support/system';
import { benchBrokers, benchDatabaseUrl, withAdminDb } from '../support/infra';
import { cpuSeconds, PeakRss, quantile, rssMiB } from '../support/proc';
import { workflowThreadOptions } from '@casebridge/workflows/worker-thread';
import type { WorkerConfig } from './worker.process';

const { values } = parseArgs({
  options: {
    workflows: { type: 'string', default: '10000' },
    due: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '32' },
    cache: { type: 'string' },
    'cpu-prof': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.workflows);
const DUE = Math.min(Number(values.due), N);
const CONCURRENCY = Number(values.concurrency);
/** maxCachedWorkflows of the bench's worker; undefined: the worker's default (workflows/src/worker-thread.ts). */
const CACHE = values.cache === undefined ? undefined : Number(values.cache);
if (!(N > 0 && DUE > 0 && CONCURRENCY > 0)) throw new Error('--workflows, --due and --concurrency must be positive');

const root = path.resolve(__dirname, '../..');
const infra = process.env.CASEBRIDGE_INFRA_DIR || path.join(root, '.infra');
const id = randomBytes(4).toString('hex');
const dbName = `bench_wf_${id}`;
const databaseUrl = benchDatabaseUrl(dbName);
const brokers = benchBrokers;
const names = new TopicNames({ suffix: `bench-${id}` });
const workflowTopic = names.forProducer('workflow');
const rawTopic = `bench.raw-timers.${id}`;
const taskQueue = `bench-workflows-${id}`;
const OVERRIDES: PeriodOverrides = { 'transfer.team-report': { standard: { unit: 'hours', amount: 1 } } };
const ENFORCEMENT = 'enforcement:210100';
const MS_PER_HOUR = 3_600_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mib = (x: number | undefined): string => (x === undefined ? '—' : `${fmt(x)} MiB`);
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);
const log = (text: string) => console.log(`[${clock(Date.now())}] ${text}`);

/** Runs `jobs` with at most CONCURRENCY at a time; resolves to the elapsed ms. */
async function pool(count: number, job: (i: number) => Promise<void>): Promise<number> {
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return Date.now() - t0;
}

/** Set when the worker process died: every wait ends at once and the report says so. */
let workerDied: string | undefined;

async function waitUntil(what: string, done: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const t0 = Date.now(); !done();) {
    if (workerDied) {
      log(`${what}: given up, ${workerDied}`);
      return false;
    }
    if (Date.now() - t0 > timeoutMs) {
      log(`${what}: not complete after ${secs(timeoutMs)}`);
      return false;
    }
    await sleep(250);
  }
  return true;
}

/** A private Temporal dev server on free ports (the .infra/bin/temporal CLI of infra/local), its data in `dir`. */
async function startTemporal(dir: string): Promise<{ child: ChildProcess; address: string }> {
  const port = await freePort();
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--headless',
    '--http-port',
    String(await freePort()),
    '--metrics-port',
    String(await freePort()),
    '--db-filename',
    path.join(dir, 'temporal.db'),
    '--namespace',
    'default',
    '--log-level',
    'error',
  ];
  const typeName = { KEYWORD: 'Keyword', DATETIME: 'Datetime', BOOL: 'Bool' } as const;
  for (const a of SEARCH_ATTRIBUTE_DEFINITIONS) args.push('--search-attribute', `${a.name}=${typeName[a.type]}`);
  const child = spawn(path.join(infra, 'bin', 'temporal'), args, { stdio: 'ignore' });
  const address = `127.0.0.1:${port}`;
  for (const t0 = Date.now(); ;) {
    if (child.exitCode !== null) throw new Error(`the private Temporal server exited with ${child.exitCode}`);
    try {
      const c = await Connection.connect({ address, connectTimeout: 1000 });
      await c.workflowService.getSystemInfo({});
      await c.close();
      return { child, address };
    } catch (e) {
      if (Date.now() - t0 > 120_000) throw e;
      await sleep(500);
    }
  }
}

/** The worker process; resolves once it polls the task queue (it bundles the workflows first: up to minutes). */
async function startWorker(config: WorkerConfig): Promise<ChildProcess> {
  // --cpu-prof <dir>: V8 CPU profiles of the worker's threads (main and workflow thread), written when it stops
  const prof = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof'])] : [];
  const child = spawn(
    process.execPath,
    [...prof, '-r', '@swc-node/register', path.join(__dirname, 'worker.process.ts')],
    {
      cwd: root,
      env: { ...process.env, BENCH_WORKFLOWS_WORKER: JSON.stringify(config), LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (l) => (l.trim() === 'READY' ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`the bench worker exited with ${code}`)));
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the bench worker was not ready within 10 min')), 600_000);
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return child;
}

interface Arrivals {
  started: Map<string, number>;
  warned: Map<string, number>;
  raw: Map<string, number>;
}

function latencyLine(label: string, latencies: number[]): string {
  const s = [...latencies].sort((a, b) => a - b);
  if (!s.length) return `  ${label.padEnd(44)} (none arrived)`;
  const ms = (x: number) => `${fmt(x)} ms`.padStart(10);
  return `  ${label.padEnd(44)} ${ms(quantile(s, 0.5))} ${ms(quantile(s, 0.95))} ${ms(quantile(s, 0.99))} ${ms(s.at(-1)!)}`;
}

/** The minute (epoch ms, on a minute boundary) at least `leadMs` from now. */
const minuteAfter = (leadMs: number): number => Math.ceil((Date.now() + leadMs) / 60_000) * 60_000;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'casebridge-bench-workflows-'));
  const children: ChildProcess[] = [];
  const kafka = createKafka({ brokers, clientId: `bench-workflows-${id}`, logLevel: logLevel.NOTHING });
  const kafkaAdmin = kafka.admin();
  const consumer = kafka.consumer({ groupId: `bench-workflows-${id}` });
  let connection: Connection | undefined;
  try {
    log(
      `bench:workflows on ${cpus().length} cores (load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    );
    const temporal = await startTemporal(dir);
    children.push(temporal.child);
    log(`private Temporal dev server on ${temporal.address} (pid ${temporal.child.pid}, SQLite file in ${dir})`);
    await withAdminDb((c) => c.query(`CREATE DATABASE "${dbName}"`));
    await migrateDatabase({ url: databaseUrl }, [MESSAGING_SCHEMA]);
    await kafkaAdmin.connect();
    await kafkaAdmin.createTopics({
      waitForLeaders: true,
      topics: [workflowTopic, rawTopic].map((topic) => ({
        topic,
        numPartitions: 3,
        replicationFactor: topicReplicationFactor(),
      })),
    });

    const arrivals: Arrivals = { started: new Map(), warned: new Map(), raw: new Map() };
    await consumer.connect();
    await consumer.subscribe({ topics: [workflowTopic, rawTopic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ topic, message }) => {
        const now = Date.now();
        const value = JSON.parse(message.value!.toString()) as {
          type?: string;
          payload?: { subjectId?: string };
          id?: string;
        };
        if (topic === rawTopic) arrivals.raw.set(value.id!, now);
        else if (value.type === 'deadline.started') arrivals.started.set(value.payload!.subjectId!, now);
        else if (value.type === 'deadline.warning') arrivals.warned.set(value.payload!.subjectId!, now);
      },
    });

    const worker = await startWorker({
      temporalAddress: temporal.address,
      taskQueue,
      databaseUrl,
      brokers,
      topicSuffix: names.suffix!,
      rawTopic,
      overrides: OVERRIDES,
      cacheSize: CACHE,
    });
    children.push(worker);
    worker.once('exit', (code, signal) => {
      workerDied = `the worker process exited (${signal ?? `code ${code}`}) at ${clock(Date.now())}`;
      log(workerDied);
    });
    const cacheSize = workflowThreadOptions(CACHE).maxCachedWorkflows;
    log(
      `worker ready (pid ${worker.pid}): workflow cache ${fmt(cacheSize)} executions, rule book overrides ${JSON.stringify(OVERRIDES)}`,
    );
    const pids = [worker.pid!, temporal.child.pid!];
    const peaks = new PeakRss(() => pids);
    const cpu0 = pids.map((p) => cpuSeconds(p) ?? 0);

    connection = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection, namespace: 'default' });
    const deliver = (
      envelope: ReturnType<typeof createEnvelope>,
      config?: { warningLeadHours: number; warningMaxFraction: number },
    ) => new TemporalBridge(client, { route: { taskQueue, ...(config ? { config } : {}) } }).deliver(envelope);

    // ---- CaseBridge: N − DUE background transfers (procuratorate opinion), then DUE measured ones (crime suspected)
    const background = N - DUE;
    const phaseStart = Date.now();
    const bgMs = await pool(background, async () => {
      const transferId = randomUUID();
      await deliver(
        createEnvelope({
          type: 'transfer.procuratorate-opinion',
          version: 1,
          linkedCaseId: randomUUID(),
          producer: { kind: 'procuratorate', agencyId: 'procuratorate:210100' },
          actor: { officerId: 'bench-officer' },
          payload: { transferId, caseId: randomUUID(), enforcementAgencyId: ENFORCEMENT, reasons: 'bench' },
        }),
      );
    });
    const bgRate = background ? background / (bgMs / 1000) : 20;
    if (background) log(`${fmt(background)} background transfers started in ${secs(bgMs)} (${bgRate.toFixed(1)} /s)`);
    // the worker may open transfers more slowly than the bridge starts them (a loaded machine): wait until the
    // background ones are open, and pace the measured minute by the slower of the two rates
    let openRate = bgRate;
    if (background) {
      await waitUntil(
        'deadline.started of the background transfers',
        () => arrivals.started.size >= background,
        3_600_000,
      );
      const bgOpenMs = Math.max(...arrivals.started.values()) - phaseStart;
      openRate = Math.min(bgRate, arrivals.started.size / (bgOpenMs / 1000));
      log(
        `${fmt(arrivals.started.size)} background transfers open after ${secs(bgOpenMs)} (${openRate.toFixed(1)} /s)`,
      );
    }
    // the measured minute: far enough for every measured transfer to be started and open before it
    const window = minuteAfter((DUE / openRate) * 1500 + 30_000);
    log(
      `${fmt(DUE)} measured transfers: warning timers spread over the minute ${clock(window)}–${clock(window + 60_000)} UTC`,
    );
    const engine = createDeadlineEngine({
      calendar: loadCalendarFiles(undefined),
      uncoveredYears: 'provisional',
      ruleBook: { overrides: OVERRIDES },
    });
    const timerAt = new Map<string, number>();
    const startedAt = new Map<string, number>();
    const measuredMs = await pool(DUE, async (i) => {
      const transferId = randomUUID();
      const occurredAt = new Date().toISOString();
      const due = engine.compute({ rule: 'transfer.team-report', from: occurredAt }).dueAtEpochMs;
      const at = window + Math.floor((i * 60_000) / DUE);
      timerAt.set(transferId, at);
      await deliver(
        createEnvelope({
          type: 'transfer.crime-suspected',
          version: 1,
          linkedCaseId: randomUUID(),
          occurredAt,
          producer: { kind: 'enforcement', agencyId: ENFORCEMENT },
          actor: { officerId: 'bench-officer' },
          payload: { transferId, caseId: randomUUID(), thresholdFacts: ['t1'], facts: 'bench' },
        }),
        { warningLeadHours: (due - at) / MS_PER_HOUR, warningMaxFraction: 1 },
      );
      startedAt.set(transferId, Date.now());
    });
    const startMs = bgMs + measuredMs;
    log(`${fmt(DUE)} measured transfers started in ${secs(measuredMs)}; all ${fmt(N)} in ${secs(startMs)}`);
    const allOpen = await waitUntil(
      'deadline.started of every transfer',
      () => arrivals.started.size >= N,
      Math.max(600_000, (DUE / openRate) * 3000),
    );
    const openMs = Math.max(...arrivals.started.values()) - phaseStart;
    peaks.sample();
    const openRss = pids.map((p) => rssMiB(p));
    log(`open: ${fmt(arrivals.started.size)} of ${fmt(N)} transfers have their deadline.started on the topic`);

    await sleep(Math.max(0, window + 60_000 - Date.now()));
    await waitUntil(
      'deadline.warning of every measured transfer',
      () => [...timerAt.keys()].every((t) => arrivals.warned.has(t)),
      300_000,
    );
    const cpu1 = pids.map((p) => cpuSeconds(p) ?? NaN); // NaN: the process died
    const lateStarts = [...timerAt].filter(([t, at]) => startedAt.get(t)! > at).length;
    const cbLatencies = [...timerAt]
      .filter(([t, at]) => startedAt.get(t)! <= at && arrivals.warned.has(t))
      .map(([t, at]) => arrivals.warned.get(t)! - at);

    // ---- raw baseline: DUE bare workflows (one timer, one activity) due in a later minute
    const rawWindow = minuteAfter((DUE / bgRate) * 1500 + 20_000);
    log(
      `raw baseline: ${fmt(DUE)} bare workflows, timers spread over the minute ${clock(rawWindow)}–${clock(rawWindow + 60_000)} UTC`,
    );
    const rawAt = new Map<string, number>();
    const rawStartedAt = new Map<string, number>();
    const rawMs = await pool(DUE, async (i) => {
      const rid = randomUUID();
      const at = rawWindow + Math.floor((i * 60_000) / DUE);
      rawAt.set(rid, at);
      await client.workflow.start('rawTimerWorkflow', { taskQueue, workflowId: `raw-${rid}`, args: [rid, at] });
      rawStartedAt.set(rid, Date.now());
    });
    await sleep(Math.max(0, rawWindow + 60_000 - Date.now()));
    await waitUntil(
      'every raw timer on the raw topic',
      () => [...rawAt.keys()].every((r) => arrivals.raw.has(r)),
      300_000,
    );
    const rawLate = [...rawAt].filter(([r, at]) => rawStartedAt.get(r)! > at).length;
    const rawLatencies = [...rawAt]
      .filter(([r, at]) => rawStartedAt.get(r)! <= at && arrivals.raw.has(r))
      .map(([r, at]) => arrivals.raw.get(r)! - at);
    peaks.stop();

    // ---- report
    const cbRate = N / (startMs / 1000);
    const rawRate = DUE / (rawMs / 1000);
    const p99 = (xs: number[]) =>
      quantile(
        [...xs].sort((a, b) => a - b),
        0.99,
      );
    console.log(
      `\nbench:workflows — ${fmt(N)} open transfer workflows on a private Temporal dev server (SQLite), worker cache ${fmt(cacheSize)}, ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('start rate');
    console.log(
      `  CaseBridge: bridge signalWithStart of an integration event   ${cbRate.toFixed(1).padStart(7)} /s  (${fmt(N)} in ${secs(startMs)})`,
    );
    console.log(
      `  … until every deadline.started is on the topic                ${allOpen ? `${(N / (openMs / 1000)).toFixed(1).padStart(7)} /s  (${secs(openMs)})` : ' (incomplete)'}`,
    );
    console.log(
      `  raw: workflow.start of a bare workflow with one timer        ${rawRate.toFixed(1).padStart(7)} /s  = ${(cbRate / rawRate).toFixed(2)} × raw`,
    );
    console.log(`memory with ${fmt(N)} workflows open (RSS now / peak of the run)`);
    console.log(
      `  worker process (activities, outbox relay, workflow cache)     ${mib(openRss[0])} / ${mib(peaks.peak(pids[0]!))}`,
    );
    console.log(
      `  Temporal dev server                                          ${mib(openRss[1])} / ${mib(peaks.peak(pids[1]!))}`,
    );
    console.log(
      `CPU of the CaseBridge phase: worker ${(cpu1[0]! - cpu0[0]!).toFixed(1)} s, server ${(cpu1[1]! - cpu0[1]!).toFixed(1)} s = ${(((cpu1[0]! - cpu0[0]! + (cpu1[1]! - cpu0[1]!)) / N) * 1000).toFixed(1)} ms per workflow (start, open, warning)`,
    );
    console.log(
      `timer due → event on the topic, ${fmt(DUE)} timers due in one minute      p50        p95        p99        max`,
    );
    console.log(latencyLine(`CaseBridge deadline.warning (${fmt(cbLatencies.length)})`, cbLatencies));
    console.log(latencyLine(`raw timer → activity → kafkajs (${fmt(rawLatencies.length)})`, rawLatencies));
    if (cbLatencies.length && rawLatencies.length)
      console.log(`  p99 ratio CaseBridge / raw: ${(p99(cbLatencies) / p99(rawLatencies)).toFixed(1)}×`);
    if (lateStarts || rawLate)
      console.log(`  excluded: started after their timer was due — CaseBridge ${lateStarts}, raw ${rawLate}`);
    const missing = DUE - lateStarts - cbLatencies.length;
    if (missing > 0) console.log(`  ${missing} measured CaseBridge warnings did not arrive`);
    if (workerDied) console.log(`NOTE: ${workerDied} (its stderr above); the figures after that are incomplete`);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    for (const c of children.reverse()) {
      if (c.exitCode !== null) continue;
      c.kill('SIGTERM');
      await Promise.race([once(c, 'exit'), sleep(15_000)]);
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
    if (!values.keep) {
      await kafkaAdmin.deleteTopics({ topics: [workflowTopic, rawTopic] }).catch(() => undefined);
      await withAdminDb((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
    await kafkaAdmin.disconnect().catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
