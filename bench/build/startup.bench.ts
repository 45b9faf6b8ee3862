/**
 * Start-up bench of one service: how long from `spawn` until GET /health answers 200 (the workflow worker: until it
 * logs `[workflow-worker] ready`, i.e. it polls its task queue) in milliseconds, and the resident memory (RSS, MiB, from /proc/<pid>/status) two seconds after that, for each way of running it:
 *
 *   compiled    node dist/apps/<app>/src/main.js            (production: `npm run build` first)
 *   dev-loader  node -r @swc-node/register apps/<app>/src/main.ts   (development and tests: transpiles every
 *               TypeScript file at each start; the raw baseline the compiled build is measured against)
 *   --loader X  node -r X apps/<app>/src/main.ts             (any other require hook, e.g. an older one)
 *
 *   npm run build && node -r @swc-node/register bench/build/startup.bench.ts [--app police] [--runs 3] [--loader ./some/register.js]
 *
 * PostgreSQL, Kafka and Temporal from the CASEBRIDGE_* variables (as in infra/local). A database and a set of
 * topics with a random suffix are created for the run and dropped after it. Runs alternate between the modes,
 * so a change of machine load hits both.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ALL_TOPICS, TOPIC_PARTITIONS } from '@casebridge/contracts';
import { topicReplicationFactor } from '@casebridge/messaging';

const { values } = parseArgs({
  options: {
    app: { type: 'string', default: 'police' },
    runs: { type: 'string', default: '3' },
    loader: { type: 'string', multiple: true, default: [] },
  },
});
const root = path.resolve(__dirname, '../..');
const app = values.app;
const RUNS = Math.max(1, Number(values.runs));
const HTTP_PORT = 39_000 + Math.floor(Math.random() * 1000);
const pg = {
  host: process.env.CASEBRIDGE_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.CASEBRIDGE_PG_PORT ?? 5433),
  user: process.env.CASEBRIDGE_PG_USER ?? 'postgres',
  password: process.env.CASEBRIDGE_PG_PASSWORD ?? 'postgres',
};
const brokers = (process.env.CASEBRIDGE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const suffix = `bench${randomBytes(3).toString('hex')}`;
const dbName = `bench_startup_${suffix}`;

interface Mode {
  name: string;
  args: string[];
}
const modes: Mode[] = [
  { name: 'compiled', args: [`dist/apps/${app}/src/main.js`] },
  { name: 'dev-loader (@swc-node/register)', args: ['-r', '@swc-node/register', `apps/${app}/src/main.ts`] },
  ...values.loader.map((l) => ({ name: `loader ${l}`, args: ['-r', l, `apps/${app}/src/main.ts`] })),
];

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function once(mode: Mode): Promise<{ ms: number; rss: number }> {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: String(HTTP_PORT),
    CASEBRIDGE_DB_NAME: dbName,
    CASEBRIDGE_TOPIC_SUFFIX: suffix,
    CASEBRIDGE_TEMPORAL_TASK_QUEUE: `bench-${suffix}`,
    CASEBRIDGE_JWT_SECRET: process.env.CASEBRIDGE_JWT_SECRET ?? 'casebridge-dev-secret-change-me-0123456789',
  };
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, mode.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let workerReady = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    workerReady ||= chunk.toString().includes('[workflow-worker] ready');
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${mode.name}: ${app} exited with ${child.exitCode}`);
      const ok =
        app === 'workflow-worker'
          ? workerReady
          : await fetch(`http://127.0.0.1:${HTTP_PORT}/health`).then(
              (r) => r.ok,
              () => false,
            );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    await new Promise((r) => setTimeout(r, 2000));
    return { ms, rss: rssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, modes[0]!.args[0]!))) throw new Error('dist/ is missing: run `npm run build` first');
  const admin = new Client({ ...pg, database: 'postgres' });
  await admin.connect();
  const kafka = new Kafka({ clientId: 'bench-startup', brokers, logLevel: logLevel.NOTHING }).admin();
  await kafka.connect();
  const topics = ALL_TOPICS.map((t) => `${t}.${suffix}`);
  try {
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await kafka.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({
        topic,
        numPartitions: TOPIC_PARTITIONS,
        replicationFactor: topicReplicationFactor(),
      })),
    });
    await once(modes[0]!); // first start creates the schema; not counted
    const results = new Map<string, { ms: number; rss: number }[]>(modes.map((m) => [m.name, []]));
    for (let i = 0; i < RUNS; i++) for (const m of modes) results.get(m.name)!.push(await once(m));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `${app}: ${RUNS} starts per mode, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('mode'.padEnd(36) + 'start→ready (ms, median)'.padEnd(30) + 'RSS after ready (MiB, median)');
    for (const [name, rs] of results) {
      console.log(
        name.padEnd(36) +
          median(rs.map((r) => r.ms))
            .toFixed(0)
            .padEnd(30) +
          median(rs.map((r) => r.rss)).toFixed(0),
      );
    }
  } finally {
    await kafka.deleteTopics({ topics }).catch(() => undefined);
    await kafka.disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
