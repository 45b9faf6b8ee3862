/**
 * Runs CaseBridge services as real child processes for end-to-end tests: each service gets its own
 * fresh database, all share a per-test topic suffix (isolated Kafka topics) and Temporal task queue.
 * Processes can be killed (SIGKILL) and restarted mid-path. Services run from the TypeScript sources through
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
import { createIsolatedDatabase, type IsolatedDatabase } from './database';
import { endpoints } from './endpoints';
import { testKafka } from './kafka';

const root = path.resolve(__dirname, '../..');
export type ServiceName = 'enforcement' | 'police' | 'procuratorate' | 'court' | 'supervision' | 'audit' | 'workflow-worker';
/** Every service has an HTTP port (the workflow worker for /health only). */
const HTTP: readonly ServiceName[] = ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit', 'workflow-worker'];

/** node arguments that run a service: the compiled build (dist/, `npm run build`) or the sources. */
function serviceCommand(service: ServiceName, compiled: boolean): string[] {
  if (compiled) {
    const main = `dist/apps/${service}/src/main.js`;
    if (!existsSync(path.join(root, main))) throw new Error(`${main} is missing: run npm run build first`);
    return [main];
  }
  return ['-r', '@swc-node/register', `apps/${service}/src/main.ts`];
}

/** A TCP port nobody listens on right now (127.0.0.1). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

interface Running { child: ChildProcess; log: WriteStream; exited: Promise<void> }

export class TestSystem {
  readonly suffix = randomBytes(4).toString('hex');
  readonly taskQueue = `casebridge-test-${this.suffix}`;
  private readonly dbs = new Map<ServiceName, IsolatedDatabase>();
  private readonly ports = new Map<ServiceName, number>();
  private readonly running = new Map<ServiceName, Running>();
  private readonly starts = new Map<ServiceName, number>();
  readonly logDir = path.join(root, 'test-output', 'logs', this.suffix);

  constructor(
    private readonly services: ServiceName[],
    private readonly extraEnv: Partial<Record<ServiceName | '*', Record<string, string>>> = {},
    /** `compiled`: run the production build (default: CASEBRIDGE_TEST_COMPILED=1); otherwise the sources. `kafkaBrokers`: a private broker
     *  instead of the shared one (test/support/private-kafka.ts). */
    private readonly options: { compiled?: boolean; kafkaBrokers?: string[] } = {},
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
        topics: ALL_TOPICS.map((t) => ({ topic: `${t}.${this.suffix}`, numPartitions: TOPIC_PARTITIONS, replicationFactor: 1 })),
      });
    } finally {
      await admin.disconnect();
    }
    for (const s of this.services) {
      this.dbs.set(s, await createIsolatedDatabase(s.replace('-', '_')));
      if (HTTP.includes(s)) this.ports.set(s, await freePort());
    }
    await Promise.all(this.services.map((s) => this.startService(s)));
    return this;
  }

  url(service: ServiceName): string {
    const port = this.ports.get(service);
    if (!port) throw new Error(`${service} has no HTTP port in this test system`);
    return `http://127.0.0.1:${port}`;
  }

  token(agencyId: string, roles: Role[] = ['officer'], officerId?: string): string {
    return issueToken({ agencyId, roles, officerId, secret: DEV_JWT_SECRET, ttl: '2h' });
  }

  database(service: ServiceName): IsolatedDatabase {
    return this.dbs.get(service)!;
  }

  /** A connected PostgreSQL client of the service's database (the caller ends it). */
  async sql(service: ServiceName): Promise<PgClient> {
    const db = this.database(service);
    const client = new PgClient({ host: db.host, port: db.port, user: db.user, password: db.password, database: db.name });
    await client.connect();
    return client;
  }

  async startService(service: ServiceName): Promise<void> {
    if (this.running.has(service)) throw new Error(`${service} is already running`);
    const e = endpoints();
    const env: Record<string, string> = {
      ...process.env as Record<string, string>,
      NODE_ENV: 'test', LOG_LEVEL: process.env.CASEBRIDGE_TEST_LOG_LEVEL ?? 'warn',
      CASEBRIDGE_PG_HOST: e.pg.host, CASEBRIDGE_PG_PORT: String(e.pg.port), CASEBRIDGE_PG_USER: e.pg.user, CASEBRIDGE_PG_PASSWORD: e.pg.password,
      CASEBRIDGE_DB_NAME: this.dbs.get(service)!.name,
      CASEBRIDGE_KAFKA_BROKERS: this.kafkaBrokers.join(','),
      CASEBRIDGE_TOPIC_SUFFIX: this.suffix,
      CASEBRIDGE_TEMPORAL_ADDRESS: e.temporalAddress,
      CASEBRIDGE_TEMPORAL_TASK_QUEUE: this.taskQueue,
      CASEBRIDGE_JWT_SECRET: DEV_JWT_SECRET,
      CASEBRIDGE_CONSUMER_SESSION_TIMEOUT_MS: '10000',
      ...(this.ports.has(service) ? { PORT: String(this.ports.get(service)) } : {}),
      // the worker's Temporal SDK metrics exporter needs a port of its own (parallel test files)
      ...(service === 'workflow-worker' ? { CASEBRIDGE_TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${await freePort()}` } : {}),
      ...this.extraEnv['*'],
      ...this.extraEnv[service],
    };
    // every start appends to the same log, after a marker line: the evidence of a run before a kill stays
    const logFile = this.logFile(service);
    const starts = (this.starts.get(service) ?? 0) + 1;
    this.starts.set(service, starts);
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n===== [test-system] start #${starts} of ${service} at ${new Date().toISOString()} =====\n`);
    const child = spawn(process.execPath, serviceCommand(service, this.options.compiled ?? process.env.CASEBRIDGE_TEST_COMPILED === '1'), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    const exited = once(child, 'exit').then(() => undefined);
    this.running.set(service, { child, log, exited });
    void exited.then(() => log.write(`===== [test-system] ${service} exited (code ${child.exitCode}, signal ${child.signalCode}) at ${new Date().toISOString()} =====\n`));
    await this.waitReady(service, child);
  }

  /** The service's log: every start of this test system, each after a `===== [test-system] start #n` line. */
  logFile(service: ServiceName): string {
    return path.join(this.logDir, `${service}.log`);
  }

  private async waitReady(service: ServiceName, child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode} during start-up (log: ${this.logFile(service)})`);
      try {
        const r = await fetch(`${this.url(service)}/health`);
        if (r.ok) return;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${service} not ready within 90 s (log: ${this.logFile(service)})`);
  }

  /** SIGKILL: no shutdown hook runs, as in a crash. */
  async kill(service: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const r = this.running.get(service);
    if (!r) return;
    r.child.kill(signal);
    await r.exited;
    this.running.delete(service);
  }

  async restart(service: ServiceName): Promise<void> {
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
  constructor(private readonly base: string, private readonly token: string) {}

  /** expectStatus: that status or throw; 'any': return whatever came; default: throw on 4xx/5xx. */
  async call<T = unknown>(method: string, url: string, body?: unknown, expectStatus?: number | 'any'): Promise<{ status: number; body: T }> {
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    const parsed = text ? JSON.parse(text) as T : (undefined as T);
    if (expectStatus === 'any' ? false : expectStatus !== undefined ? r.status !== expectStatus : r.status >= 400) {
      throw new Error(`${method} ${url} → ${r.status}: ${text}`);
    }
    return { status: r.status, body: parsed };
  }

  get<T = unknown>(url: string): Promise<T> { return this.call<T>('GET', url).then((r) => r.body); }
  post<T = unknown>(url: string, body: unknown = {}): Promise<T> { return this.call<T>('POST', url, body).then((r) => r.body); }
}

/** Polls until `fn` returns a value that passes `ok` (eventual consistency across agencies). */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
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
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}${lastError ? `; last error: ${String(lastError)}` : ''}`);
}
