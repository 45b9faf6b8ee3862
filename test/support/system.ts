/**
 * Runs CaseBridge services as real child processes for end-to-end tests: each service gets its own
 * fresh database, all share a per-test topic suffix (isolated Kafka topics) and Temporal task queue.
 * Processes can be killed (SIGKILL) and restarted mid-path. A service may run as several instances (replicas):
 * `police#2` is a second police process with its own port and log file, sharing the police database, its
 * consumer group and the task queue. Services run from the TypeScript sources through
 * @swc-node/register; with CASEBRIDGE_TEST_COMPILED=1 they run the production build instead (dist/, made by
 * `npm run build` beforehand).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { ALL_TOPICS, TOPIC_PARTITIONS } from '@casebridge/contracts';
import { DEV_JWT_SECRET, issueToken, type Role } from '@casebridge/auth';
import { topicReplicationFactor } from '@casebridge/messaging';
import { createIsolatedDatabase, type IsolatedDatabase } from './database';
import { endpoints, type Endpoints } from './endpoints';
import { testKafka } from './kafka';

const root = path.resolve(__dirname, '../..');
export type ServiceName =
  'enforcement' | 'police' | 'procuratorate' | 'court' | 'supervision' | 'audit' | 'workflow-worker';
/**
 * One process of a service: the service's name is its first instance, `<service>#<n>` (n ≥ 2) another replica of it
 * (same database, consumer group, topics and Temporal task queue; own HTTP port, log file and Temporal metrics port).
 */
export type InstanceName = ServiceName | `${ServiceName}#${number}`;

/** The service an instance belongs to (`police#2` → `police`). */
export function serviceOf(instance: InstanceName): ServiceName {
  return instance.split('#')[0] as ServiceName;
}
/** Every service has an HTTP port (the workflow worker for /health only). */
const HTTP: readonly ServiceName[] = [
  'enforcement',
  'police',
  'procuratorate',
  'court',
  'supervision',
  'audit',
  'workflow-worker',
];

/** node arguments that run a service: the compiled build (dist/, `npm run build`) or the sources. */
function serviceCommand(service: ServiceName, compiled: boolean, buildDir = 'dist'): string[] {
  if (compiled) {
    const main = path.join(buildDir, `apps/${service}/src/main.js`);
    if (!existsSync(path.resolve(root, main))) throw new Error(`${main} is missing: run npm run build first`);
    return [main];
  }
  return ['-r', '@swc-node/register', `apps/${service}/src/main.ts`];
}

/**
 * Ports handed out by `freePort`: each jest worker (JEST_WORKER_ID 1…8; 0 outside jest) draws from its own span of
 * PORT_SPAN ports from PORT_BASE up, below Linux's ephemeral range (32768–60999, where `listen(0)` and outgoing
 * connections take theirs). Two test files in parallel workers can then never be handed the same port: with
 * `listen(0)` one worker's freshly closed port was handed to another, whose service bound it first, and the first
 * test talked to the other test's app ("Cannot POST /cases", CI of stop 20).
 */
const PORT_BASE = 20_000;
const PORT_SPAN = 1_500;
const PORT_WORKERS = 8;
let portCursor = Math.floor(Math.random() * PORT_SPAN);

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A TCP port (127.0.0.1) nobody listens on right now, from this jest worker's own span; never the same twice in a row. */
export async function freePort(): Promise<number> {
  const worker = (Number(process.env.JEST_WORKER_ID) || 0) % PORT_WORKERS;
  for (let tried = 0; tried < PORT_SPAN; tried++) {
    const port = PORT_BASE + worker * PORT_SPAN + (portCursor++ % PORT_SPAN);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${PORT_BASE + worker * PORT_SPAN}…${PORT_BASE + (worker + 1) * PORT_SPAN - 1}`);
}

interface Running {
  child: ChildProcess;
  log: WriteStream;
  exited: Promise<void>;
}

export class TestSystem {
  readonly suffix = randomBytes(4).toString('hex');
  readonly taskQueue = `casebridge-test-${this.suffix}`;
  private readonly dbs = new Map<ServiceName, IsolatedDatabase>();
  private readonly ports = new Map<InstanceName, number>();
  private readonly running = new Map<InstanceName, Running>();
  private readonly starts = new Map<InstanceName, number>();
  readonly logDir = path.join(root, 'test-output', 'logs', this.suffix);

  constructor(
    /** The processes to start: services, and further replicas as `<service>#<n>` (see InstanceName). */
    private readonly services: InstanceName[],
    /** Extra environment: for every process (`*`), every instance of a service (`police`), or one replica (`police#2`). */
    private readonly extraEnv: Partial<Record<InstanceName | '*', Record<string, string>>> = {},
    /** `compiled`: run the production build (default: CASEBRIDGE_TEST_COMPILED=1); otherwise the sources. `kafkaBrokers`: a private broker
     *  instead of the shared one (test/support/private-kafka.ts); `kafkaReplicationFactor` of its topics (default:
     *  CASEBRIDGE_KAFKA_REPLICATION_FACTOR, see topicReplicationFactor; 3 for a private 3-node cluster). `nodeArgs`:
     *  node options put before every service's own arguments (a bench's `-r` of a profiler, say). `pg` and
     *  `temporalAddress`: a private PostgreSQL server and Temporal server (test/support/private-postgres.ts,
     *  private-temporal.ts) instead of the shared ones. `readyTimeoutMs`: how long a start may take until /health
     *  answers (default 90 s or CASEBRIDGE_TEST_READY_TIMEOUT_MS). `buildDir`: where the compiled build is (default dist/; a directory inside the
     *  repository, so that node_modules resolve). */
    private readonly options: {
      compiled?: boolean;
      kafkaBrokers?: string[];
      kafkaReplicationFactor?: number;
      nodeArgs?: string[];
      pg?: Endpoints['pg'];
      temporalAddress?: string;
      readyTimeoutMs?: number;
      buildDir?: string;
    } = {},
  ) {}

  /** The brokers the services of this system use. */
  get kafkaBrokers(): string[] {
    return this.options.kafkaBrokers ?? endpoints().kafkaBrokers;
  }

  /** A Kafka client of this system's broker. */
  kafka(): ReturnType<typeof testKafka> {
    return testKafka('casebridge-test', this.kafkaBrokers);
  }

  /** Creates databases and topics, starts every service, waits until each is ready. */
  async start(): Promise<this> {
    mkdirSync(this.logDir, { recursive: true });
    const admin = this.kafka().admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: ALL_TOPICS.map((t) => ({
          topic: `${t}.${this.suffix}`,
          numPartitions: TOPIC_PARTITIONS,
          replicationFactor: this.options.kafkaReplicationFactor ?? topicReplicationFactor(),
        })),
      });
    } finally {
      await admin.disconnect();
    }
    for (const s of this.services) {
      const service = serviceOf(s);
      if (!this.dbs.has(service))
        this.dbs.set(
          service,
          await createIsolatedDatabase(service.replace('-', '_'), this.options.pg ?? endpoints().pg),
        );
      if (HTTP.includes(service)) this.ports.set(s, await freePort());
    }
    await Promise.all(this.services.map((s) => this.startService(s)));
    return this;
  }

  /** The HTTP base URL of one instance (`police`: the first police process, `police#2`: the second). */
  url(instance: InstanceName): string {
    const port = this.ports.get(instance);
    if (!port) throw new Error(`${instance} has no HTTP port in this test system`);
    return `http://127.0.0.1:${port}`;
  }

  token(agencyId: string, roles: Role[] = ['officer'], officerId?: string): string {
    return issueToken({ agencyId, roles, officerId, secret: DEV_JWT_SECRET, ttl: '2h' });
  }

  /** The database of a service, shared by all its instances. */
  database(service: InstanceName): IsolatedDatabase {
    return this.dbs.get(serviceOf(service))!;
  }

  /** A connected PostgreSQL client of the service's database (the caller ends it). */
  async sql(service: InstanceName): Promise<PgClient> {
    const db = this.database(service);
    const client = new PgClient({
      host: db.host,
      port: db.port,
      user: db.user,
      password: db.password,
      database: db.name,
    });
    await client.connect();
    return client;
  }

  /** The instances of `service` in this system (`['police', 'police#2']`), in the order given. */
  instancesOf(service: ServiceName): InstanceName[] {
    return this.services.filter((s) => serviceOf(s) === service);
  }

  /** The process id of a running instance (undefined when it is not running): for CPU and memory figures. */
  pid(instance: InstanceName): number | undefined {
    return this.isRunning(instance) ? this.running.get(instance)!.child.pid : undefined;
  }

  /** The instance's process is running (started and neither killed nor exited). */
  isRunning(instance: InstanceName): boolean {
    const r = this.running.get(instance);
    return !!r && r.child.exitCode === null && r.child.signalCode === null;
  }

  /** Starts one instance (`police`, `police#2`, …) and waits until its /health answers. */
  async startService(instance: InstanceName): Promise<void> {
    if (this.running.has(instance)) throw new Error(`${instance} is already running`);
    if (!this.services.includes(instance)) throw new Error(`${instance} is not part of this test system`);
    const service = serviceOf(instance);
    const e = { ...endpoints() };
    if (this.options.pg) e.pg = this.options.pg;
    if (this.options.temporalAddress) e.temporalAddress = this.options.temporalAddress;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.CASEBRIDGE_TEST_LOG_LEVEL ?? 'warn',
      CASEBRIDGE_PG_HOST: e.pg.host,
      CASEBRIDGE_PG_PORT: String(e.pg.port),
      CASEBRIDGE_PG_USER: e.pg.user,
      CASEBRIDGE_PG_PASSWORD: e.pg.password,
      CASEBRIDGE_DB_NAME: this.database(service).name,
      CASEBRIDGE_KAFKA_BROKERS: this.kafkaBrokers.join(','),
      CASEBRIDGE_TOPIC_SUFFIX: this.suffix,
      CASEBRIDGE_TEMPORAL_ADDRESS: e.temporalAddress,
      CASEBRIDGE_TEMPORAL_TASK_QUEUE: this.taskQueue,
      CASEBRIDGE_JWT_SECRET: DEV_JWT_SECRET,
      CASEBRIDGE_CONSUMER_SESSION_TIMEOUT_MS: '10000',
      ...(this.ports.has(instance) ? { PORT: String(this.ports.get(instance)) } : {}),
      // the worker's Temporal SDK metrics exporter needs a port of its own (parallel test files)
      ...(service === 'workflow-worker'
        ? { CASEBRIDGE_TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${await freePort()}` }
        : {}),
      ...this.extraEnv['*'],
      ...this.extraEnv[service],
      ...(instance !== service ? this.extraEnv[instance] : {}),
    };
    // every start appends to the same log, after a marker line: the evidence of a run before a kill stays
    const logFile = this.logFile(instance);
    const starts = (this.starts.get(instance) ?? 0) + 1;
    this.starts.set(instance, starts);
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n===== [test-system] start #${starts} of ${instance} at ${new Date().toISOString()} =====\n`);
    const child = spawn(
      process.execPath,
      [
        ...(this.options.nodeArgs ?? []),
        ...serviceCommand(
          service,
          this.options.compiled ?? process.env.CASEBRIDGE_TEST_COMPILED === '1',
          this.options.buildDir,
        ),
      ],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    const exited = once(child, 'exit').then(() => undefined);
    this.running.set(instance, { child, log, exited });
    void exited.then(() =>
      log.write(
        `===== [test-system] ${instance} exited (code ${child.exitCode}, signal ${child.signalCode}) at ${new Date().toISOString()} =====\n`,
      ),
    );
    await this.waitReady(instance, child);
  }

  /** The instance's log (`police.log`, `police#2.log`): every start of this test system, each after a `===== [test-system] start #n` line. */
  logFile(instance: InstanceName): string {
    return path.join(this.logDir, `${instance}.log`);
  }

  /** How long a start may take: 90 s, or CASEBRIDGE_TEST_READY_TIMEOUT_MS on a machine busier than that. */
  private readonly readyTimeoutMs = Number(process.env.CASEBRIDGE_TEST_READY_TIMEOUT_MS) || 90_000;

  private async waitReady(service: InstanceName, child: ChildProcess): Promise<void> {
    const limit = this.options.readyTimeoutMs ?? this.readyTimeoutMs;
    const deadline = Date.now() + limit;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`${service} exited with ${child.exitCode} during start-up (log: ${this.logFile(service)})`);
      try {
        const r = await fetch(`${this.url(service)}/health`);
        if (r.ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${service} not ready within ${limit / 1000} s (log: ${this.logFile(service)})`);
  }

  /** SIGKILL (default): no shutdown hook runs, as in a crash; SIGTERM: a graceful stop. One instance only. */
  async kill(service: InstanceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const r = this.running.get(service);
    if (!r) return;
    r.child.kill(signal);
    await r.exited;
    this.running.delete(service);
  }

  async restart(service: InstanceName): Promise<void> {
    await this.kill(service);
    await this.startService(service);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running.keys()].map((s) => this.kill(s, 'SIGTERM')));
    // CASEBRIDGE_TEST_KEEP_DATA=1 keeps the databases and topics of the run for a post-mortem (named after logDir's suffix)
    if (process.env.CASEBRIDGE_TEST_KEEP_DATA === '1') return;
    await Promise.all([...this.dbs.values()].map((d) => d.drop().catch(() => undefined)));
    const admin = this.kafka().admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: ALL_TOPICS.map((t) => `${t}.${this.suffix}`) }).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}

/** A small REST client that throws with the response body on an unexpected status. */
export class Api {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  /** expectStatus: that status or throw; 'any': return whatever came; default: throw on 4xx/5xx. */
  async call<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    expectStatus?: number | 'any',
  ): Promise<{ status: number; body: T }> {
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    if (expectStatus === 'any' ? false : expectStatus !== undefined ? r.status !== expectStatus : r.status >= 400) {
      throw new Error(`${method} ${url} → ${r.status}: ${text}`);
    }
    return { status: r.status, body: parsed };
  }

  get<T = unknown>(url: string): Promise<T> {
    return this.call<T>('GET', url).then((r) => r.body);
  }
  post<T = unknown>(url: string, body: unknown = {}): Promise<T> {
    return this.call<T>('POST', url, body).then((r) => r.body);
  }
}

/** Polls until `fn` returns a value that passes `ok` (eventual consistency across agencies). */
export async function eventually<T>(
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (ok(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}${lastError ? `; last error: ${String(lastError)}` : ''}`,
  );
}
