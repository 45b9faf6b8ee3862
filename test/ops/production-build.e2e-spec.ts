/**
 * The production build (issue 16, item 7): `npm run build` compiles every service to JavaScript in dist/ and
 * prebuilds the workflow bundle; the compiled services (as `npm start` and the image run them: no TypeScript
 * loader) carry a transfer from enforcement to the police's decision, with the worker on the prebuilt bundle.
 * Then (item 2) every service's GET /metrics is scraped: outbox, consumer lag, inbox duplicates skipped, dead
 * letters, open steps by status and agency, deadline events, the Temporal SDK worker metrics.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Topics } from '@casebridge/contracts';
import { testKafka } from '../support/kafka';
import { eventually, TestSystem, type ServiceName } from '../support/system';
import { agencies, enfPhase, openAndSend, polPhase, type Agencies } from '../transfer/transfer-driver';

const root = path.resolve(__dirname, '../..');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format → samples (comments skipped). */
function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}
const pick = (samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const sum = (samples: Sample[]): number => samples.reduce((n, s) => n + s.value, 0);

describe('production build: compiled services', () => {
  const services: ServiceName[] = ['enforcement', 'police', 'procuratorate', 'supervision', 'workflow-worker'];
  const sys = new TestSystem(services, {}, { compiled: true });
  const scrape = async (service: ServiceName): Promise<Sample[]> => {
    const r = await fetch(`${sys.url(service)}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    return parseMetrics(await r.text());
  };
  let a: Agencies;

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe' }); // on failure the error carries the output
    await sys.start();
    a = agencies(sys);
  }, 240_000);
  afterAll(() => sys.stop(), 60_000);

  it('compiles every app, the CLIs and the workflow bundle; no test code in the build', () => {
    for (const app of ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit', 'workflow-worker']) {
      expect(existsSync(path.join(root, `dist/apps/${app}/src/main.js`))).toBe(true);
    }
    expect(existsSync(path.join(root, 'dist/apps/audit/src/cli/audit.cli.js'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/infra/local/create-topics.js'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/apps/supervision/web/index.html'))).toBe(true);
    expect(readFileSync(path.join(root, 'dist/workflows/workflow-bundle.js'), 'utf8')).toContain(
      'caseTransferWorkflow',
    );
    // path aliases are resolved at build time: nothing at run time maps @casebridge/*
    expect(readFileSync(path.join(root, 'dist/apps/police/src/main.js'), 'utf8')).not.toContain('@casebridge/');
    expect(existsSync(path.join(root, 'dist/workflows/src/testing'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/apps/police/src/transfers/incoming-transfer.machine.spec.js'))).toBe(false);
  });

  it('the compiled services carry a transfer: sent, received, filed; the workflow runs from the prebuilt bundle', async () => {
    const { transferId } = await openAndSend(a, 'compiled');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-compiled' });
    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '沈公（环）立字〔2026〕99号',
    });
    await enfPhase(a, transferId, 'filed');
    const worker = (await (await fetch(`${sys.url('workflow-worker')}/health`)).json()) as {
      info: Record<string, { status: string }>;
    };
    expect(worker.info.temporalWorker!.status).toBe('up');
  });

  it('GET /metrics of every service, without a token, after the transfer path', async () => {
    for (const service of services) {
      const m = await scrape(service);
      expect(pick(m, 'process_resident_memory_bytes', { service }).length).toBe(1);
      expect(pick(m, 'casebridge_outbox_backlog', { service })).toHaveLength(1);
      expect(pick(m, 'casebridge_outbox_oldest_unpublished_age_seconds', { service })).toHaveLength(1);
      expect(pick(m, 'casebridge_dead_letter_topic_messages', { service })).toHaveLength(1);
      const group = `casebridge-${service}.${sys.suffix}`;
      // every consumer group has read its topics; its lag is reported per topic
      expect(pick(m, 'casebridge_consumer_lag', { group }).length).toBeGreaterThan(0);
      expect(pick(m, 'casebridge_consumer_lag', { group }).every((s) => s.value >= 0)).toBe(true);
    }
    // the police applied the enforcement's events; the relay of the enforcement published everything
    await eventually(
      () => scrape('police'),
      (m) => sum(pick(m, 'casebridge_consumer_events_total', { outcome: 'applied' })) >= 1,
      'police applied events',
    );
    await eventually(
      () => scrape('enforcement'),
      (m) => sum(pick(m, 'casebridge_outbox_backlog')) === 0,
      'enforcement outbox drained',
    );
    // supervision: open steps by status and owing agency
    const sup = await eventually(
      () => scrape('supervision'),
      (m) => sum(pick(m, 'casebridge_open_steps')) >= 1,
      'open steps',
    );
    expect(
      pick(sup, 'casebridge_open_steps').every((s) => s.labels.status && s.labels.owing_kind && s.labels.owing_agency),
    ).toBe(true);
    // the worker: deadline events it published, and the Temporal SDK's own worker metrics
    const worker = await scrape('workflow-worker');
    expect(
      sum(
        pick(worker, 'casebridge_deadline_events_total', {
          type: 'deadline.started',
          rule_id: 'transfer.receipt',
          outcome: 'started',
        }),
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sum(
        pick(worker, 'casebridge_deadline_events_total', {
          type: 'deadline.closed',
          rule_id: 'transfer.receipt',
          outcome: 'met',
        }),
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(worker.some((s) => s.name.startsWith('temporal_') && s.labels.task_queue === sys.taskQueue)).toBe(true);
  });

  it('counts an inbox duplicate (a redelivered event) and a dead letter (an undecodable message)', async () => {
    const group = `casebridge-police.${sys.suffix}`;
    const before = await scrape('police');
    const dup = sum(pick(before, 'casebridge_consumer_events_total', { group, outcome: 'duplicate' }));
    const dead = sum(pick(before, 'casebridge_consumer_events_total', { group, outcome: 'dead-lettered' }));
    // redeliver the first enforcement event as it is (same event id): the inbox skips it
    const kafka = testKafka();
    const topic = `${Topics.enforcement}.${sys.suffix}`;
    const reader = kafka.consumer({ groupId: `metrics-reader-${sys.suffix}` });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    const first = await new Promise<{ key: Buffer | null; value: Buffer | null; partition: number }>((resolve) => {
      void reader.run({
        eachMessage: async ({ message, partition }) => resolve({ key: message.key, value: message.value, partition }),
      });
    });
    await reader.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: first.key, value: first.value, partition: first.partition }] });
      await producer.send({ topic, messages: [{ key: 'not-a-case', value: '{ this is not an event' }] });
    } finally {
      await producer.disconnect();
    }
    const after = await eventually(
      () => scrape('police'),
      (m) =>
        sum(pick(m, 'casebridge_consumer_events_total', { group, outcome: 'duplicate' })) === dup + 1 &&
        sum(pick(m, 'casebridge_consumer_events_total', { group, outcome: 'dead-lettered' })) === dead + 1,
      'duplicate and dead letter counted',
    );
    expect(sum(pick(after, 'casebridge_dead_letter_topic_messages'))).toBeGreaterThanOrEqual(1);
  });

  it('/metrics is public by design and excluded from the API documentation', async () => {
    const docs = (await (await fetch(`${sys.url('police')}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).not.toContain('/metrics');
  });
});
