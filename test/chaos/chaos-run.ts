/**
 * The chaos run (issue 14, item 6): a load of linked cases over the transfer path while every component is killed
 * with SIGKILL at seeded random moments and restarted, then every view, the audit ledger and the open steps are
 * compared with what the event log says must be true. Used by `npm run chaos` (test/chaos/chaos.ts) and by the short
 * variant (`npm run chaos:short`; not an e2e spec: a run takes 10–25 minutes on the shared 2-core machine).
 *
 * Infrastructure: PRIVATE PostgreSQL, Kafka (one node) and Temporal dev server on free ports
 * (test/support/private-*.ts) — the shared servers of the other tests are never killed. Services: TestSystem
 * child processes of the build (`npm run build:compile`'s swc command into test-output/chaos-build-<n>/ first) on those servers, the worker with a
 * workflow bundle made once beforehand.
 *
 * Load (one case = one linked case; exactly `cases`, started open loop at `rate` per second, at most `concurrency` in
 * flight): register the case, evidence, transfer, team report, head approval, send (all
 * enforcement), wait until the police have it, receipt (police), and for ⅔ of the cases a filing decision (filed or
 * not-filed, seeded). A call refused or answered 5xx is retried (1 s apart, up to
 * 3 min); a retry answered 4xx after an attempt whose outcome is unknown (connection reset, 5xx) counts as done — the
 * event log then shows whether it happened once. A case whose creating call (POST /cases, POST /cases/:id/evidence, POST /transfers) had an
 * unknown outcome is abandoned (reported; not checked: the
 * client cannot know whether it exists).
 *
 * Kills: each component `killsPerComponent` times, in a seeded random order, spread over the load's planned length
 * (kill i of n at a seeded moment in the i-th n-th, after the previous one resumed and a pause of 1–4 s), each with a
 * random down time (0–2 s) before the restart. After each restart a probe — the receipt of a transfer prepared
 * before the kills — must pass every service again: the enforcement view (received), the procuratorate copy, the
 * police inbox (transfer.filing-review owed: Kafka → worker → Temporal → outbox → Kafka), the supervision steps and
 * the audit ledger; for the court (not on the transfer path) its /health and an authenticated list. "Resumed" is the
 * time from the kill until all of these were seen (down time and start-up of the process included).
 *
 * Checks (after the load, polled until they hold or `settleMs` passes), from the event log (every topic but the dead
 * letters, each event id once):
 *   acts lost     an act the client saw done that is not in the log; an enforcement/police view not in the phase the
 *                 log implies; a procuratorate copy missing the receipt; the ledger holding fewer events of a case
 *                 than the log
 *   acts doubled  an act type twice in a transfer's log (distinct event ids); an event id twice in a view's timeline;
 *                 the ledger holding more events of a case than the log
 *   deadlines     a step the acts require not started/closed in the log; a deadline.started whose dueAt differs from
 *                 libs/legal-time's computation for its rule, variant and start; the same step started twice with
 *                 the same due date; a step open in the log missing from the supervision steps (or with another due
 *                 date) or, when the police owe it, from the police inbox; a step open in supervision closed in the log
 *   dead letters  records on the dead-letter topic
 *   ledger        GET /ledger/verify ok (whole store)
 * Each anomaly is counted for every component whose kill window [kill, resumed + 5 s] overlaps the time of the act
 * concerned; anomalies outside every window go to the row "(no kill)".
 */
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ALL_TOPICS } from '@casebridge/contracts';
import { createDeadlineEngine } from '@casebridge/legal-time';
import { WORKFLOWS_ENTRY, workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { WORKFLOW_INTERCEPTOR_MODULES } from '@casebridge/workflows/workflow-tracing';
import { readTopic } from '../messaging/support/topic-reader';
import { PrivateKafka } from '../support/private-kafka';
import { PrivatePostgres } from '../support/private-postgres';
import { PrivateTemporal } from '../support/private-temporal';
import { Api, TestSystem, type ServiceName } from '../support/system';
import { agencies, openAndSend, PRO, REGION, type Agencies, type Opened } from '../transfer/transfer-driver';

export const SERVICES: ServiceName[] = [
  'enforcement',
  'police',
  'procuratorate',
  'court',
  'supervision',
  'audit',
  'workflow-worker',
];
export const COMPONENTS = [...SERVICES, 'kafka', 'temporal', 'postgresql'] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ChaosOptions {
  /** Linked cases of the load. */
  cases: number;
  /** Kills of each component (each at least 1). */
  killsPerComponent: number;
  seed: number;
  /** Cases started per second (open loop: on schedule, whatever the answers). */
  rate: number;
  /** At most this many cases in flight; at the cap the load waits (and falls behind its rate). */
  concurrency: number;
  /** How long the checks may take to hold after the load (ms). */
  settleMs: number;
  /**
   * After `settleMs`, how much longer (ms) the checks may wait while the services' consumer groups are still behind
   * and catching up (their total lag fell within the last 2 minutes): a backlog is waited for, a stall is not.
   */
  drainMs: number;
  log: (line: string) => void;
}

export interface ChaosRow {
  component: Component | '(no kill)';
  kills: number;
  actsLost: number;
  actsDoubled: number;
  deadlines: number;
  deadLetters: number;
  /** Seconds from each kill until the probe passed every service again (Infinity: not within the probe's limit). */
  resumed: number[];
}

export interface ChaosReport {
  rows: ChaosRow[];
  /** Each consumer group's lag (messages behind the end of its topics) at the final check. */
  lagAtCheck: Record<string, number>;
  cases: number;
  casesDone: number;
  abandoned: string[];
  failedCases: string[];
  /** Kills that fell after the load had ended (see Chaos.killsAfterLoad): reported; a good run has none. */
  killsAfterLoad: string[];
  /** How far (s) the open-loop load fell behind its rate at most. */
  loadBehindS: number;
  acts: number;
  events: number;
  ledgerOk: boolean;
  checked: Checked;
  /** Every anomaly in words (component list, case, what). */
  anomalies: string[];
  seconds: number;
}

type Kind = 'lost' | 'doubled' | 'deadline' | 'dead-letter';
interface Anomaly {
  kind: Kind;
  at: [number, number];
  text: string;
}

/** How many things the checks compared (a run that compared nothing proves nothing). */
export interface Checked {
  /** Acts the client saw done, looked up in the event log. */
  acts: number;
  /** Transfers whose enforcement (and police, procuratorate) views were compared. */
  views: number;
  /** Cases whose ledger history was counted against the log. */
  ledgers: number;
  /** deadline.started events whose dueAt was recomputed with legal-time. */
  dueDates: number;
  /** Steps open in the log looked up in supervision (and the police inbox). */
  openSteps: number;
}

interface Done {
  act: string;
  type: string;
  from: number;
  to: number;
}
interface CaseRun {
  label: string;
  opened?: Opened;
  decision?: 'filed' | 'not-filed';
  done: Done[];
  probe?: boolean;
}

interface Logged {
  eventId: string;
  type: string;
  linkedCaseId: string;
  occurredAt: string;
  payload: Record<string, unknown> & { transferId?: string; subjectId?: string; ruleId?: string; stepId?: string };
}

const root = path.resolve(__dirname, '../..');

/** `npm run build:compile` (package.json's swc command) into `dir` instead of dist/. */
async function compileInto(dir: string): Promise<void> {
  const script = (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts['build:compile']!;
  if (!script.includes(' --out-dir dist ')) throw new Error(`build:compile has no --out-dir dist: ${script}`);
  await promisify(execFile)('bash', ['-c', `npx ${script.replace(' --out-dir dist ', ` --out-dir '${dir}' `)}`], {
    cwd: root,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

/** An HTTP failure of a call: `unknown` when the request may have been applied (not a refused connection). */
class CallError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

function classify(e: unknown): CallError {
  const text = (e as Error).message ?? String(e);
  const m = /→ (\d{3}):/.exec(text);
  const cause = (e as { cause?: { code?: string } }).cause?.code;
  // the service's own "nothing was changed" (503 SERVICE.UNAVAILABLE: it never reached its database) is as safe to
  // retry as a refused connection
  const unavailable = /→ 503: .*"code":"SERVICE\.UNAVAILABLE"/.test(text);
  return new CallError(text, m ? Number(m[1]) : undefined, cause === 'ECONNREFUSED' || unavailable);
}

/**
 * Runs `call` until it succeeds: retried (1 s apart, up to `limitMs`) while refused or answered 5xx (a 503
 * SERVICE.UNAVAILABLE counts as refused: nothing was written);
 * a 4xx after an attempt of unknown outcome is taken as "already applied". Returns the result, or undefined in the
 * latter case. `creating`: an unknown outcome is not retried (throws 'ambiguous').
 */
async function persist<T>(call: () => Promise<T>, creating = false, limitMs = 180_000): Promise<T | undefined> {
  const t0 = now();
  let uncertain = false;
  for (;;) {
    try {
      return await call();
    } catch (e) {
      const err = classify(e);
      const retryable = err.refused || err.status === undefined || err.status >= 500;
      if (!retryable) {
        if (uncertain) return undefined;
        throw err;
      }
      if (!err.refused) {
        if (creating) throw new Error(`ambiguous: ${err.message.slice(0, 200)}`, { cause: e });
        uncertain = true;
      }
      if (now() - t0 > limitMs) throw err;
      await sleep(1000);
    }
  }
}

/** Polls `fn` until true (errors count as false), 250 ms apart; false after `limitMs`. */
async function until(fn: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  for (const t0 = now(); now() - t0 < limitMs; await sleep(250)) if (await fn().catch(() => false)) return true;
  return false;
}

class Rng {
  private readonly g;
  constructor(seed: number) {
    this.g = xoroshiro128plus(seed);
  }
  int(from: number, to: number): number {
    return uniformInt(this.g, from, to);
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

class Chaos {
  /** The kill schedule's generator (order, pauses, down times): the same for a seed whatever the load does. */
  readonly rng: Rng;
  /** The load's choices (decide or not, filed or not-filed), drawn in the cases' start order. */
  readonly loadRng: Rng;
  readonly cases: CaseRun[] = [];
  readonly windows: { component: Component; from: number; to: number }[] = [];
  readonly resumed = new Map<Component, number[]>();
  readonly abandoned: string[] = [];
  readonly failed: string[] = [];
  /** How far (s) the load fell behind its rate at most (at the in-flight cap). */
  maxBehindS = 0;
  /**
   * Kills that fell after the load had ended (the load was too short for the kills: the kill then tests less).
   * Reported, not failed: the kill still tests the restart and the probe.
   */
  killsAfterLoad: string[] = [];
  pg!: PrivatePostgres;
  kafka!: PrivateKafka;
  temporal!: PrivateTemporal;
  sys!: TestSystem;
  ag!: Agencies;
  sup!: Api;
  auditor!: Api;
  court!: Api;
  private dir = mkdtempSync(path.join(tmpdir(), 'casebridge-chaos-'));
  /** The run's own build (inside the repository for node_modules; not dist/, which other runs may rebuild meanwhile). */
  private readonly buildDir = path.join(root, 'test-output', `chaos-build-${randomInt(1e9)}`);

  constructor(readonly o: ChaosOptions) {
    this.rng = new Rng(o.seed);
    this.loadRng = new Rng(o.seed + 1);
  }

  async start(): Promise<void> {
    const { log } = this.o;
    log('starting private PostgreSQL, Kafka and Temporal; bundling the workflows');
    const bundle = path.join(this.dir, 'workflow-bundle.js');
    // each server kept as soon as it is up, so that an interrupt or a failed start meanwhile (the compile and the
    // bundle take minutes) still removes it (stop())
    await Promise.all([
      PrivatePostgres.start().then((pg) => (this.pg = pg)),
      PrivateKafka.start().then((kafka) => (this.kafka = kafka)),
      PrivateTemporal.start().then((temporal) => (this.temporal = temporal)),
      bundleWorkflowCode({
        workflowsPath: WORKFLOWS_ENTRY,
        workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
        ...workflowBundlerOptions(),
      }).then(({ code }) => writeFileSync(bundle, code)),
      // the services run from the build (dist/): a restart from the sources compiles every file again, minutes on a
      // busy 2-core machine
      compileInto(this.buildDir),
    ]);
    log(`private PostgreSQL :${this.pg.port}, Kafka ${this.kafka.brokers[0]}, Temporal ${this.temporal.address}`);
    this.sys = new TestSystem(
      SERVICES,
      { 'workflow-worker': { CASEBRIDGE_WORKFLOW_BUNDLE: bundle } },
      {
        compiled: true,
        kafkaBrokers: this.kafka.brokers,
        kafkaReplicationFactor: 1,
        pg: this.pg.endpoint,
        temporalAddress: this.temporal.address,
        readyTimeoutMs: 300_000,
      },
    );
    await this.sys.start();
    this.ag = agencies(this.sys);
    this.sup = new Api(this.sys.url('supervision'), this.sys.token(PRO, ['supervisor'], 'chaos-sup'));
    this.auditor = new Api(this.sys.url('audit'), this.sys.token('procuratorate:000000', ['auditor']));
    this.court = new Api(this.sys.url('court'), this.sys.token(`court:${REGION}`, ['officer'], 'chaos-court'));
    log(`services up (logs: ${this.sys.logDir})`);
  }

  async stop(): Promise<void> {
    await this.sys?.stop().catch(() => undefined);
    await Promise.all([this.pg?.destroy(), this.kafka?.destroy(), this.temporal?.destroy()]);
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.buildDir, { recursive: true, force: true });
  }

  private async act(c: CaseRun, act: string, type: string, call: () => Promise<unknown>): Promise<void> {
    const from = now();
    await persist(call);
    c.done.push({ act, type, from, to: now() });
  }

  /** Case, evidence, transfer, team report, head approval, send: through openAndSend, each call persisted. */
  private async open(c: CaseRun): Promise<void> {
    const from = now();
    // openAndSend's calls, each retried: a wrapper Api that persists every call
    const persistent = (api: Api): Api => {
      const p = Object.create(api) as Api;
      p.post = <T>(url: string, body?: unknown) =>
        // a call whose answer carries the id the case goes on with (case, evidence, transfer) is a creating one: an
        // unknown outcome abandons the case (run 11: an evidence POST cut by a kill left no evidenceId to go on with)
        persist(
          () => api.post<T>(url, body),
          url === '/cases' || url === '/transfers' || /^\/cases\/[^/]+\/evidence$/.test(url),
        ) as Promise<T>;
      return p;
    };
    const a = { ...this.ag, enf: persistent(this.ag.enf), enfHead: persistent(this.ag.enfHead) };
    try {
      c.opened = await openAndSend(a, c.label);
    } catch (e) {
      if ((e as Error).message.startsWith('ambiguous')) {
        this.abandoned.push(`${c.label}: ${(e as Error).message}`);
        return;
      }
      throw e;
    }
    const to = now();
    for (const type of ['transfer.crime-suspected', 'transfer.team-reported', 'transfer.head-decided', 'transfer.sent'])
      c.done.push({ act: 'open', type, from, to });
  }

  private async runCase(c: CaseRun, decide: boolean, decision: 'filed' | 'not-filed' = 'filed'): Promise<void> {
    await this.open(c);
    const o = c.opened;
    if (!o) return;
    const phaseIs = async (api: Api, phase: string) =>
      (await api.get<{ phase: string }>(`/transfers/${o.transferId}`)).phase === phase;
    if (!(await until(() => phaseIs(this.ag.pol, 'awaiting-receipt'), 180_000)))
      throw new Error(`${c.label}: the police never had transfer ${o.transferId}`);
    if (c.probe) return;
    await this.act(c, 'receipt', 'transfer.receipt-signed', () =>
      this.ag.pol.post(`/transfers/${o.transferId}/receipt`, { receiptNumber: `R-${randomInt(1e9)}` }),
    );
    if (!decide) return;
    if (!(await until(() => phaseIs(this.ag.enf, 'received'), 180_000)))
      throw new Error(`${c.label}: enforcement never saw the receipt of ${o.transferId}`);
    c.decision = decision;
    const body =
      c.decision === 'filed'
        ? { outcome: 'filed', policeCaseNumber: `沈公（环）立字〔2026〕${randomInt(1e6)}号` }
        : { outcome: 'not-filed', reasons: '证据不足' };
    await this.act(c, 'decision', 'transfer.filing-decided', () =>
      this.ag.pol.post(`/transfers/${o.transferId}/decision`, body),
    );
  }

  /** Transfers prepared up to the police's receipt, one per kill: the probes. */
  async prepareProbes(n: number): Promise<CaseRun[]> {
    const probes = Array.from({ length: n }, (_, i): CaseRun => ({ label: `probe-${i}`, done: [], probe: true }));
    await Promise.all(probes.map((p) => this.runCase(p, false)));
    this.cases.push(...probes);
    return probes.filter((p) => p.opened);
  }

  /**
   * The load, open loop: case i starts `i / rate` seconds after the load began, whatever the system's answers — a
   * slow system does not get fewer cases (a closed loop would), nor more (as the earlier "until the kills are done"
   * load did, runs 8 and 9). At most `concurrency` cases are in flight: at that cap the load waits, and logs how far it
   * is behind its schedule. Exactly `cases` cases.
   */
  async load(): Promise<void> {
    const start = now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < this.o.cases; i++) {
      const due = start + (i * 1000) / this.o.rate;
      if (due > now()) await sleep(due - now());
      while (inFlight.size >= this.o.concurrency) await Promise.race(inFlight);
      const behindMs = Math.max(0, now() - due);
      this.maxBehindS = Math.max(this.maxBehindS, behindMs / 1000);
      const run: CaseRun = { label: `chaos-${i}`, done: [] };
      this.cases.push(run);
      // both choices drawn here, in start order: the same cases decide, and the same way, for a seed
      const decide = this.loadRng.int(0, 2) > 0;
      const decision = this.loadRng.int(0, 1) ? 'filed' : 'not-filed';
      const p: Promise<void> = this.runCase(run, decide, decision)
        .catch((e: unknown) => void this.failed.push(`${run.label}: ${(e as Error).message.slice(0, 300)}`))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (i % 50 === 49 || i === this.o.cases - 1)
        this.o.log(
          `load: ${i + 1} of ${this.o.cases} cases started, ${inFlight.size} in flight, ` +
            `${(behindMs / 1000).toFixed(1)} s behind the rate of ${this.o.rate}/s`,
        );
    }
    await Promise.all(inFlight);
  }

  private async killComponent(c: Component): Promise<void> {
    if (c === 'kafka') await this.kafka.stopBroker('SIGKILL');
    else if (c === 'temporal') await this.temporal.kill();
    else if (c === 'postgresql') await this.pg.kill();
    else await this.sys.kill(c, 'SIGKILL');
  }

  private async restartComponent(c: Component): Promise<void> {
    if (c === 'kafka') await this.kafka.startBroker();
    else if (c === 'temporal') await this.temporal.start();
    else if (c === 'postgresql') await this.pg.start();
    else await this.sys.startService(c);
  }

  /** The probe's receipt through every service, or the court's list; resolves to seconds from `killedAt`. */
  private async probe(c: Component, p: CaseRun | undefined, killedAt: number): Promise<number> {
    const limit = 180_000;
    if (c === 'court' || !p?.opened) {
      const ok = await until(async () => {
        await this.court.get('/court-cases');
        return true;
      }, limit);
      return ok ? (now() - killedAt) / 1000 : Infinity;
    }
    const o = p.opened;
    const from = now();
    await persist(() =>
      this.ag.pol.post(`/transfers/${o.transferId}/receipt`, { receiptNumber: `R-probe-${randomInt(1e9)}` }),
    );
    p.done.push({ act: 'receipt', type: 'transfer.receipt-signed', from, to: now() });
    const checks = [
      async () => (await this.ag.enf.get<{ phase: string }>(`/transfers/${o.transferId}`)).phase === 'received',
      async () =>
        (await this.ag.pro.get<{ timeline: { what: string }[] }>(`/transfer-copies/${o.transferId}`)).timeline.some(
          (e) => e.what.startsWith('police signed the receipt'),
        ),
      async () =>
        (
          await this.ag.pol.get<{ items: { ruleId?: string }[] }>(`/inbox?linkedCaseId=${o.linkedCaseId}&status=owed`)
        ).items.some((x) => x.ruleId === 'transfer.filing-review'),
      async () =>
        (await this.sup.get<{ items: { ruleId: string }[] }>(`/steps?linkedCaseId=${o.linkedCaseId}`)).items.some(
          (x) => x.ruleId === 'transfer.filing-review',
        ),
      async () =>
        (await this.auditor.get<{ entries: { type: string }[] }>(`/cases/${o.linkedCaseId}/history`)).entries.some(
          (x) => x.type === 'transfer.receipt-signed',
        ),
    ];
    const names = ['enforcement view', 'procuratorate copy', 'police inbox', 'supervision steps', 'audit ledger'];
    const passed = await Promise.all(checks.map((f) => until(f, limit)));
    if (passed.every(Boolean)) return (now() - killedAt) / 1000;
    this.o.log(
      `  probe ${o.linkedCaseId} not through within ${limit / 1000} s: ${names.filter((_, i) => !passed[i]).join(', ')}`,
    );
    return Infinity;
  }

  /**
   * The kills, in a seeded random order, spread over the load's planned length (`cases / rate`): kill i of n falls at a
   * seeded random moment within the i-th n-th of it, but never before the previous component has resumed and a pause
   * of 1–4 s has passed. A kill after the load's end is marked so in the log.
   */
  async kills(probes: CaseRun[], loadFinished: () => boolean): Promise<void> {
    const order = this.rng.shuffle(
      COMPONENTS.flatMap((c) => Array.from({ length: this.o.killsPerComponent }, () => c)),
    );
    const start = now();
    const planned = (this.o.cases * 1000) / this.o.rate;
    for (const [i, c] of order.entries()) {
      const at = start + (planned * (i + this.rng.int(0, 999) / 1000)) / order.length;
      const pause = this.rng.int(1000, 4000);
      await sleep(Math.max(pause, at - now()));
      const down = this.rng.int(0, 2000);
      const killedAt = now();
      const afterLoad = loadFinished();
      if (afterLoad) this.killsAfterLoad.push(`${c} (kill ${i + 1}/${order.length})`);
      await this.killComponent(c);
      this.o.log(
        `kill ${i + 1}/${order.length}: SIGKILL ${c} at ${((killedAt - start) / 1000).toFixed(0)} s of a ` +
          `${(planned / 1000).toFixed(0)} s load${afterLoad ? ' (AFTER the load: it ended early)' : ''}`,
      );
      await sleep(down);
      await this.restartComponent(c);
      const probe = c === 'court' ? undefined : probes.shift();
      const s = await this.probe(c, probe, killedAt);
      this.resumed.set(c, [...(this.resumed.get(c) ?? []), s]);
      this.windows.push({ component: c, from: killedAt, to: killedAt + (Number.isFinite(s) ? s : 180) * 1000 + 5000 });
      this.o.log(`  ${c} restarted after ${down} ms down; work resumed ${s.toFixed(1)} s after the kill`);
    }
  }

  /** The event log of the run: every topic but the dead letters, each event id once. */
  private async eventLog(): Promise<Logged[]> {
    const topics = ALL_TOPICS.filter((t) => !t.includes('dead-letter')).map((t) => `${t}.${this.sys.suffix}`);
    const seen = new Map<string, Logged>();
    for (const m of await readTopic(topics, 120_000, this.kafka.brokers)) {
      const e = JSON.parse(m.value!) as Logged;
      if (!seen.has(e.eventId)) seen.set(e.eventId, e);
    }
    return [...seen.values()];
  }

  private async deadLetters(): Promise<{ failedAt: string; consumerGroup: string; detail: string }[]> {
    const topic = ALL_TOPICS.find((t) => t.includes('dead-letter'))!;
    return (await readTopic(`${topic}.${this.sys.suffix}`, 60_000, this.kafka.brokers)).map(
      (m) => JSON.parse(m.value!) as { failedAt: string; consumerGroup: string; detail: string },
    );
  }

  /** Every anomaly between the log, the views, the ledger and the steps (see the file's comment). */
  async check(): Promise<{ anomalies: Anomaly[]; events: number; ledgerOk: boolean; checked: Checked }> {
    const checked: Checked = { acts: 0, views: 0, ledgers: 0, dueDates: 0, openSteps: 0 };
    const engine = createDeadlineEngine({ uncoveredYears: 'provisional' });
    const log = await this.eventLog();
    const anomalies: Anomaly[] = [];
    const byCase = new Map<string, Logged[]>();
    for (const e of log) byCase.set(e.linkedCaseId, [...(byCase.get(e.linkedCaseId) ?? []), e]);
    const wallToPerf = Date.now() - now();
    for (const c of this.cases) {
      const o = c.opened;
      if (!o) continue;
      const span = (act?: string): [number, number] => {
        const ds = act ? c.done.filter((d) => d.act === act) : c.done;
        return ds.length ? [Math.min(...ds.map((d) => d.from)), Math.max(...ds.map((d) => d.to))] : [0, 0];
      };
      const add = (kind: Kind, act: string | undefined, text: string) =>
        anomalies.push({ kind, at: span(act), text: `${c.label} (${o.linkedCaseId}): ${text}` });
      const events = byCase.get(o.linkedCaseId) ?? [];
      const acts = events.filter(
        (e) => e.type.startsWith('transfer.') && (e.payload.transferId === o.transferId || !e.payload.transferId),
      );
      // acts: each once
      const counts = new Map<string, number>();
      for (const e of acts) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
      checked.acts += c.done.length;
      for (const d of c.done)
        if (!counts.get(d.type)) add('lost', d.act, `${d.type} answered by the service, not in the event log`);
      for (const [type, n] of counts)
        if (n > 1) add('doubled', c.done.find((d) => d.type === type)?.act, `${type} ${n}× in the event log`);
      // views
      const did = (act: string) => c.done.some((d) => d.act === act);
      const enf = await this.ag.enf
        .get<{ phase: string; timeline: { eventId?: string }[] }>(`/transfers/${o.transferId}`)
        .catch(() => undefined);
      checked.views++;
      const enfPhase = did('decision') ? c.decision! : did('receipt') ? 'received' : 'sent';
      if (did('receipt') && enf?.phase !== enfPhase)
        add(
          'lost',
          did('decision') ? 'decision' : 'receipt',
          `enforcement view in phase ${enf?.phase}, not ${enfPhase}`,
        );
      const ids = (enf?.timeline ?? []).map((e) => e.eventId).filter(Boolean);
      if (new Set(ids).size !== ids.length) add('doubled', undefined, 'an event twice in the enforcement timeline');
      if (did('decision')) {
        const pol = await this.ag.pol.get<{ phase: string }>(`/transfers/${o.transferId}`).catch(() => undefined);
        if (pol?.phase !== c.decision) add('lost', 'decision', `police view in phase ${pol?.phase}, not ${c.decision}`);
      }
      if (did('receipt')) {
        const copy = await this.ag.pro
          .get<{ timeline: { what: string }[] }>(`/transfer-copies/${o.transferId}`)
          .catch(() => undefined);
        const receipts = (copy?.timeline ?? []).filter((e) => e.what.startsWith('police signed the receipt')).length;
        if (receipts !== 1)
          add(receipts ? 'doubled' : 'lost', 'receipt', `procuratorate copy shows the receipt ${receipts}×`);
      }
      // ledger: every event of the case once
      const history = await this.auditor
        .get<{ count: number }>(`/cases/${o.linkedCaseId}/history`)
        .catch(() => ({ count: 0 }));
      checked.ledgers++;
      if (history.count !== events.length)
        add(
          history.count < events.length ? 'lost' : 'doubled',
          undefined,
          `the ledger holds ${history.count} events of the case, the log ${events.length}`,
        );
      // deadlines
      const dl = events.filter((e) => e.type.startsWith('deadline.') && e.payload.subjectId === o.transferId);
      const open = new Map<string, Logged>();
      const startedDue = new Map<string, Set<string>>();
      for (const e of dl) {
        const step = String(e.payload.stepId);
        if (e.type === 'deadline.started') {
          const due = String(e.payload.dueAt);
          const seen = startedDue.get(step) ?? new Set<string>();
          if (seen.has(due)) add('deadline', undefined, `step ${step} started twice with due ${due}`);
          startedDue.set(step, seen.add(due));
          open.set(step, e);
          const explain = e.payload.explain as { suspensions?: unknown[] } | undefined;
          if (seen.size === 1 && !explain?.suspensions?.length) {
            const expected = engine.compute({
              rule: String(e.payload.ruleId),
              variant: String(e.payload.variant),
              from: String(e.payload.startedAt),
            });
            checked.dueDates++;
            if (expected.dueAtEpochMs !== Date.parse(due))
              anomalies.push({
                kind: 'deadline',
                at: [Date.parse(e.occurredAt) - wallToPerf, Date.parse(e.occurredAt) - wallToPerf],
                text: `${c.label}: ${step} due ${due}, legal-time says ${expected.dueAt}`,
              });
          }
        } else if (e.type === 'deadline.closed') open.delete(step);
      }
      const ruleState = (rule: string) => {
        const steps = [...startedDue.keys()].filter((s) => s.startsWith(`${o.transferId}/${rule}`));
        return { started: steps.length > 0, open: steps.some((s) => open.has(s)) };
      };
      const receipt = ruleState('transfer.receipt');
      const review = ruleState('transfer.filing-review');
      if (!receipt.started) add('deadline', 'open', 'transfer.receipt never started');
      if (did('receipt') && receipt.open) add('deadline', 'receipt', 'transfer.receipt still open after the receipt');
      if (did('receipt') && !review.started) add('deadline', 'receipt', 'transfer.filing-review never started');
      if (did('decision') && review.open) add('deadline', 'decision', 'transfer.filing-review open after the decision');
      const steps = await this.sup
        .get<{ items: { stepId: string; dueAt: string }[] }>(`/steps?linkedCaseId=${o.linkedCaseId}&pageSize=100`)
        .then((p) => p.items)
        .catch(() => undefined);
      const inbox = await this.ag.pol
        .get<{ items: { ruleId?: string }[] }>(`/inbox?linkedCaseId=${o.linkedCaseId}&status=owed`)
        .then((p) => p.items)
        .catch(() => undefined);
      for (const [step, e] of open) {
        checked.openSteps++;
        const s = steps?.find((x) => x.stepId === step);
        if (!s) add('deadline', undefined, `open step ${step} missing from the supervision steps`);
        else if (Date.parse(s.dueAt) !== Date.parse(String(e.payload.dueAt)))
          add('deadline', undefined, `supervision shows ${step} due ${s.dueAt}, the log ${String(e.payload.dueAt)}`);
        if (String(e.payload.owingAgencyId).startsWith('police:') && !inbox?.some((x) => x.ruleId === e.payload.ruleId))
          add('deadline', undefined, `open step ${step} owed by the police missing from the police inbox`);
      }
      for (const s of steps ?? [])
        if (startedDue.has(s.stepId) && !open.has(s.stepId))
          add('deadline', undefined, `supervision shows ${s.stepId} open, the log closed it`);
    }
    for (const d of await this.deadLetters()) {
      const t = Date.parse(d.failedAt) - wallToPerf;
      anomalies.push({
        kind: 'dead-letter',
        at: [t, t],
        text: `dead letter of ${d.consumerGroup}: ${d.detail.slice(0, 200)}`,
      });
    }
    const verify = await this.auditor.get<{ ok: boolean }>('/ledger/verify').catch(() => ({ ok: false }));
    return { anomalies, events: log.length, ledgerOk: verify.ok, checked };
  }

  /**
   * Each service consumer group's lag on the private broker: messages between its committed offsets and the ends of
   * the partitions it has committed on (the topics it reads; a topic it never reads has no offset, −1). The harness's
   * own readers (the event log's `reader-…` groups) are left out.
   */
  async consumerLag(): Promise<Record<string, number>> {
    const admin = this.sys.kafka().admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
      const ends = new Map<string, number>();
      for (const t of topics)
        for (const p of await admin.fetchTopicOffsets(t)) ends.set(`${t}:${p.partition}`, Number(p.high));
      const lag: Record<string, number> = {};
      for (const { groupId } of (await admin.listGroups()).groups) {
        if (!groupId.startsWith('casebridge-')) continue;
        let behind = 0;
        for (const t of await admin.fetchOffsets({ groupId, topics }))
          for (const p of t.partitions) {
            const committed = Number(p.offset);
            if (committed >= 0) behind += Math.max((ends.get(`${t.topic}:${p.partition}`) ?? 0) - committed, 0);
          }
        lag[groupId] = behind;
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }

  /** The components whose kill window overlaps `at` (none: the "(no kill)" row). */
  blame(at: [number, number]): (Component | '(no kill)')[] {
    const hits = [...new Set(this.windows.filter((w) => at[0] <= w.to && at[1] >= w.from).map((w) => w.component))];
    return hits.length ? hits : ['(no kill)'];
  }
}

/** Runs the chaos run (see the file's comment) and returns its table; the private servers are removed at the end. */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const t0 = now();
  const chaos = new Chaos(o);
  // interrupted: remove the private servers and child processes before leaving
  const interrupted = () => void chaos.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await chaos.start();
    const kills = COMPONENTS.length * o.killsPerComponent;
    o.log(`preparing ${kills} probe transfers`);
    const probes = await chaos.prepareProbes(kills);
    let loadDone = false;
    o.log(
      `load of ${o.cases} cases at ${o.rate}/s (open loop, at most ${o.concurrency} in flight) and ${kills} kills, ` +
        `seed ${o.seed}`,
    );
    const load = chaos.load().finally(() => (loadDone = true));
    await Promise.all([load, chaos.kills(probes, () => loadDone)]);
    o.log(`load and kills done; checking (up to ${o.settleMs / 1000} s for everything to settle)`);
    let result = await chaos.check();
    const pending = () => result.anomalies.some((a) => a.kind !== 'dead-letter');
    for (const t1 = now(); pending() && now() - t1 < o.settleMs;) {
      await sleep(5000);
      result = await chaos.check();
    }
    // still not settled: wait on while the consumers are behind and catching up (a backlog), not while they stall
    const total = (lag: Record<string, number>) => Object.values(lag).reduce((a, b) => a + b, 0);
    let lag = await chaos.consumerLag();
    if (pending() && total(lag) > 0 && o.drainMs > 0) {
      o.log(
        `not settled; consumers ${total(lag)} messages behind: waiting up to ${o.drainMs / 1000} s while they catch up`,
      );
      let best = { lag: total(lag), at: now() };
      for (const t2 = now(); pending() && total(lag) > 0 && now() - t2 < o.drainMs && now() - best.at < 120_000;) {
        await sleep(30_000);
        lag = await chaos.consumerLag();
        if (total(lag) < best.lag) best = { lag: total(lag), at: now() };
        o.log(
          `  consumers behind: ${
            Object.entries(lag)
              .filter(([, n]) => n > 0)
              .map(([g, n]) => `${g} ${n}`)
              .join(', ') || 'none'
          }`,
        );
        if (total(lag) === 0) await sleep(10_000); // the last events' effects, then check
        result = await chaos.check();
      }
      lag = await chaos.consumerLag();
    }
    const rows = new Map<ChaosRow['component'], ChaosRow>();
    for (const c of [...COMPONENTS, '(no kill)'] as const)
      rows.set(c, {
        component: c,
        kills: c === '(no kill)' ? 0 : o.killsPerComponent,
        actsLost: 0,
        actsDoubled: 0,
        deadlines: 0,
        deadLetters: 0,
        resumed: chaos.resumed.get(c as Component) ?? [],
      });
    const anomalies: string[] = [];
    for (const a of result.anomalies) {
      const blamed = chaos.blame(a.at);
      anomalies.push(`[${a.kind}; ${blamed.join(', ')}] ${a.text}`);
      for (const b of blamed) {
        const r = rows.get(b)!;
        if (a.kind === 'lost') r.actsLost++;
        else if (a.kind === 'doubled') r.actsDoubled++;
        else if (a.kind === 'deadline') r.deadlines++;
        else r.deadLetters++;
      }
    }
    return {
      rows: [...rows.values()],
      lagAtCheck: lag,
      cases: chaos.cases.length,
      casesDone: chaos.cases.filter((c) => c.opened).length,
      abandoned: chaos.abandoned,
      failedCases: chaos.failed,
      killsAfterLoad: chaos.killsAfterLoad,
      loadBehindS: chaos.maxBehindS,
      acts: chaos.cases.reduce((n, c) => n + c.done.length, 0),
      events: result.events,
      ledgerOk: result.ledgerOk,
      checked: result.checked,
      anomalies,
      seconds: (now() - t0) / 1000,
    };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await chaos.stop();
  }
}

/** The report as a text table (component, kills, acts lost, acts doubled, deadlines lost or wrong, dead letters, resumed). */
export function formatReport(r: ChaosReport): string {
  const head = [
    'component',
    'kills',
    'acts lost',
    'acts doubled',
    'deadlines lost/wrong',
    'dead letters',
    'resumed (s)',
  ];
  const body = r.rows.map((x) => [
    x.component,
    String(x.kills),
    String(x.actsLost),
    String(x.actsDoubled),
    String(x.deadlines),
    String(x.deadLetters),
    x.resumed.length ? x.resumed.map((s) => (Number.isFinite(s) ? s.toFixed(1) : 'never')).join(', ') : '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    '',
    `${r.cases} cases (${r.casesDone} opened, ${r.abandoned.length} abandoned on an ambiguous create, ${r.failedCases.length} failed), ` +
      `${r.acts} acts, ${r.events} events in the log; ledger verify ${r.ledgerOk ? 'ok' : 'FAILED'}; ${r.seconds.toFixed(0)} s`,
    `compared: ${r.checked.acts} acts with the log, ${r.checked.views} transfers' views, ${r.checked.ledgers} cases' ledgers, ` +
      `${r.checked.dueDates} due dates recomputed with legal-time, ${r.checked.openSteps} open steps with supervision and the police inbox`,
    `load: at most ${r.loadBehindS.toFixed(1)} s behind its rate; kills after the load: ${
      r.killsAfterLoad.length
        ? `${r.killsAfterLoad.length} — ${r.killsAfterLoad.join(', ')} (a longer load is needed)`
        : 'none'
    }`,
    `consumer lag at the final check: ${
      Object.entries(r.lagAtCheck)
        .filter(([, n]) => n > 0)
        .map(([g, n]) => `${g} ${n}`)
        .join(', ') || 'none (every consumer group at the end of its topics)'
    }`,
    ...r.failedCases.map((f) => `  failed case: ${f}`),
    ...r.abandoned.map((f) => `  abandoned: ${f}`),
    ...r.anomalies.slice(0, 50).map((a) => `  ${a}`),
    ...(r.anomalies.length > 50 ? [`  … ${r.anomalies.length - 50} more`] : []),
  ].join('\n');
}

/** Anything lost, doubled or a deadline wrong, a failed case, or the ledger not verifying. */
export function chaosFailed(r: ChaosReport): boolean {
  return (
    !r.ledgerOk ||
    r.failedCases.length > 0 ||
    r.rows.some((x) => x.actsLost > 0 || x.actsDoubled > 0 || x.deadlines > 0)
  );
}

/** A seed for a run that was given none (printed, so the run can be repeated). */
export const newSeed = (): number => randomInt(2 ** 31);
