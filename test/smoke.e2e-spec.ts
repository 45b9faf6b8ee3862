/**
 * Foundation smoke test (issue: foundation, acceptance 1): the real PostgreSQL, Kafka and Temporal
 * of this run answer — nothing here is mocked.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { createIsolatedDatabase, fixtureSchema, openTestDataSource, type IsolatedDatabase } from './support/database';
import { createIsolatedTopics, testKafka } from './support/kafka';
import { attachToDevServer, createTimeSkippingEnv } from './support/temporal';

@Entity('smoke_note')
class SmokeNote {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') body!: string;
}

const workflowsPath = require.resolve('@casebridge/workflows/smoke/smoke.workflow');

describe('infrastructure smoke', () => {
  let db: IsolatedDatabase;
  beforeAll(async () => {
    db = await createIsolatedDatabase('smoke');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('writes and reads a row through TypeORM in PostgreSQL', async () => {
    const ds = await openTestDataSource(db.url, [
      fixtureSchema(
        'smoke',
        [SmokeNote],
        [
          `CREATE TABLE "smoke_note" ("id" uuid NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_smoke_note" PRIMARY KEY ("id"))`,
        ],
      ),
    ]);
    try {
      const id = randomUUID();
      await ds.getRepository(SmokeNote).insert({ id, body: '移送 smoke' });
      const back = await ds.getRepository(SmokeNote).findOneByOrFail({ id });
      expect(back.body).toBe('移送 smoke');
      const [{ version }] = await ds.query('select version() as version');
      expect(version).toMatch(/PostgreSQL/);
    } finally {
      await ds.destroy();
    }
  });

  it('produces and consumes a message through Kafka with kafkajs', async () => {
    const { topics, drop } = await createIsolatedTopics(['smoke'] as const, 1);
    const kafka = testKafka();
    const producer = kafka.producer({ idempotent: true });
    const consumer = kafka.consumer({ groupId: `smoke-${randomUUID()}` });
    await Promise.all([producer.connect(), consumer.connect()]);
    try {
      const key = randomUUID();
      await consumer.subscribe({ topic: topics.smoke, fromBeginning: true });
      const received = new Promise<{ key: string; value: string }>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) =>
            resolve({ key: message.key!.toString(), value: message.value!.toString() }),
        });
      });
      await producer.send({ topic: topics.smoke, acks: -1, messages: [{ key, value: 'hello 公安机关' }] });
      await expect(received).resolves.toEqual({ key, value: 'hello 公安机关' });
    } finally {
      await Promise.all([producer.disconnect(), consumer.disconnect()]);
      await drop();
    }
  });

  it('runs a workflow on the Temporal dev server', async () => {
    const env = await attachToDevServer();
    const taskQueue = `smoke-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      bundlerOptions: workflowBundlerOptions(),
    });
    try {
      const result = await worker.runUntil(async () => {
        const handle = await env.client.workflow.start('smokeSignalWorkflow', {
          taskQueue,
          workflowId: `smoke-${randomUUID()}`,
        });
        await handle.signal('poke', 'a real server');
        return handle.result();
      });
      expect(result).toBe('poked with a real server');
    } finally {
      await env.teardown();
    }
  });

  it('runs a workflow with a 30-day timer in the time-skipping server in under 10 s of wall time', async () => {
    const env = await createTimeSkippingEnv();
    try {
      const taskQueue = `smoke-ts-${randomUUID()}`;
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowsPath,
        bundlerOptions: workflowBundlerOptions(),
      });
      await worker.runUntil(async () => {
        const startedWall = Date.now();
        const startedServer = await env.currentTimeMs();
        const result = await env.client.workflow.execute('smokeTimerWorkflow', {
          taskQueue,
          workflowId: `smoke-ts-${randomUUID()}`,
          args: [30],
        });
        const wallMs = Date.now() - startedWall;
        const serverMs = (await env.currentTimeMs()) - startedServer;
        expect(result).toBe('slept 30 days');
        expect(serverMs).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000);
        expect(wallMs).toBeLessThan(10_000);
      });
    } finally {
      await env.teardown();
    }
  });
});
