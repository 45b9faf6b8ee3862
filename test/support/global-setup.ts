/**
 * Jest global setup: find or start the real infrastructure, in this order:
 *   1. endpoints given by environment variables (CASEBRIDGE_PG_HOST, CASEBRIDGE_KAFKA_BROKERS, CASEBRIDGE_TEMPORAL_ADDRESS);
 *   2. testcontainers, when a Docker engine answers;
 *   3. the local processes of infra/local/up (PostgreSQL from apt, Kafka from Maven Central, Temporal via go install).
 * The time-skipping test server is always the local Java one (infra/local/up test-server).
 * Nothing here is mocked.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

function applyExports(output: string, only?: string[]): void {
  for (const line of output.split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m && (!only || only.includes(m[1]!))) process.env[m[1]!] = m[2]!;
  }
}

function localUp(parts: string[], only?: string[]): void {
  const out = execFileSync('bash', [path.join(root, 'infra/local/up'), ...parts], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 30 * 60_000,
  });
  applyExports(out, only);
}

async function dockerAnswers(): Promise<boolean> {
  if (process.env.CASEBRIDGE_NO_CONTAINERS === '1') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<void> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const pg = await new PostgreSqlContainer('postgres:15').withUsername('postgres').withPassword('postgres').start();
  const kafka = await new KafkaContainer('confluentinc/cp-kafka:7.6.1').withKraft().start();
  const temporal = await new GenericContainer('temporalio/temporal:1.5.1')
    .withCommand([
      'server',
      'start-dev',
      '--ip',
      '0.0.0.0',
      '--search-attribute',
      'CbLinkedCaseId=Keyword',
      '--search-attribute',
      'CbRuleId=Keyword',
      '--search-attribute',
      'CbOwingAgency=Keyword',
      '--search-attribute',
      'CbRegion=Keyword',
      '--search-attribute',
      'CbStep=Keyword',
      '--search-attribute',
      'CbDueAt=Datetime',
      '--search-attribute',
      'CbOverdue=Bool',
    ])
    .withExposedPorts(7233)
    .withWaitStrategy(Wait.forListeningPorts())
    .start();
  process.env.CASEBRIDGE_PG_HOST = pg.getHost();
  process.env.CASEBRIDGE_PG_PORT = String(pg.getPort());
  process.env.CASEBRIDGE_PG_USER = 'postgres';
  process.env.CASEBRIDGE_PG_PASSWORD = 'postgres';
  process.env.CASEBRIDGE_KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  process.env.CASEBRIDGE_TEMPORAL_ADDRESS = `${temporal.getHost()}:${temporal.getMappedPort(7233)}`;
  (globalThis as Record<string, unknown>).__casebridgeContainers = [pg, kafka, temporal];
  execFileSync('node', ['-r', '@swc-node/register', 'infra/local/create-topics.ts'], { cwd: root, stdio: 'inherit' });
}

export default async function globalSetup(): Promise<void> {
  if (process.env.__CASEBRIDGE_SETUP_DONE === '1') return; // several projects share one setup
  const given = ['CASEBRIDGE_PG_HOST', 'CASEBRIDGE_KAFKA_BROKERS', 'CASEBRIDGE_TEMPORAL_ADDRESS'].every(
    (k) => process.env[k],
  );
  if (given) {
    process.stderr.write('[test] using infrastructure endpoints from the environment\n');
  } else if (await dockerAnswers()) {
    process.stderr.write('[test] Docker engine found: starting PostgreSQL, Kafka and Temporal with testcontainers\n');
    await startContainers();
  } else {
    process.stderr.write('[test] no Docker engine: starting the local infrastructure (infra/local/up)\n');
    localUp(['postgres', 'kafka', 'temporal', 'test-server']);
  }
  if (!process.env.CASEBRIDGE_TEMPORAL_TEST_SERVER) localUp(['test-server'], ['CASEBRIDGE_TEMPORAL_TEST_SERVER']);
  process.env.__CASEBRIDGE_SETUP_DONE = '1';
}
