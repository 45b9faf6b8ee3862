/**
 * Redelivery after the workflow closed (issue 9, item 3), on real Kafka, Temporal and PostgreSQL: the
 * worker crashed between signal-with-start and its inbox commit (simulated by removing the inbox row, the
 * state such a crash leaves), then the same Kafka record arrives again after the transfer's workflow
 * completed. No new run starts and nothing is applied again: the worker consumes the record (its inbox
 * row is back) and the workflow keeps its single, completed run.
 */
import { Client, Connection } from '@temporalio/client';
import type { Client as Pg } from 'pg';
import { Topics } from '@casebridge/contracts';
import { endpoints } from '../support/endpoints';
import { eventually, TestSystem } from '../support/system';
import { agencies, openAndSend, polPhase } from './transfer-driver';

interface Raw {
  key: Buffer | null;
  value: Buffer;
  headers: Record<string, Buffer | string | undefined>;
}

async function findRecord(
  sys: TestSystem,
  topic: string,
  match: (v: { type: string; payload: { transferId?: string } }) => boolean,
): Promise<Raw> {
  const consumer = sys.kafka().consumer({ groupId: `redelivery-reader-${sys.suffix}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  try {
    return await new Promise<Raw>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const v = JSON.parse(message.value!.toString()) as { type: string; payload: { transferId?: string } };
          if (match(v))
            resolve({ key: message.key, value: message.value!, headers: (message.headers ?? {}) as Raw['headers'] });
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

describe('a start event redelivered after its workflow completed starts nothing', () => {
  const sys = new TestSystem(['enforcement', 'police', 'workflow-worker']);
  let client: Client;
  let pg: Pg;
  beforeAll(async () => {
    await sys.start();
    client = new Client({ connection: await Connection.connect({ address: endpoints().temporalAddress }) });
    pg = await sys.sql('workflow-worker');
  }, 240_000);
  afterAll(async () => {
    await pg?.end();
    await client?.connection.close();
    await sys.stop();
  }, 60_000);

  it('transfer.crime-suspected again after the transfer ended (REJECT_DUPLICATE): one run, still completed', async () => {
    const a = agencies(sys, { police: true, procuratorate: false });
    const { transferId } = await openAndSend(a, 'redelivery');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-redelivery' });
    await a.pol.post(`/transfers/${transferId}/decision`, { outcome: 'returned-for-penalty', reasons: '不构成犯罪' });
    const handle = client.workflow.getHandle(`transfer-${transferId}`);
    const done = await eventually(
      () => handle.describe(),
      (d) => d.status.name === 'COMPLETED',
      'the transfer workflow completed',
      90_000,
    );

    const topic = `${Topics.enforcement}.${sys.suffix}`;
    const record = await findRecord(
      sys,
      topic,
      (v) => v.type === 'transfer.crime-suspected' && v.payload.transferId === transferId,
    );
    const { eventId } = JSON.parse(record.value.toString()) as { eventId: string };
    // the state a crash between signal-with-start and the inbox commit leaves: no inbox row for the event
    const removed = await pg.query('DELETE FROM inbox WHERE event_id = $1', [eventId]);
    expect(removed.rowCount).toBe(1);

    const producer = sys.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
    await producer.disconnect();

    // the worker consumed the redelivery (inbox row back) …
    await eventually(
      async () => (await pg.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).rowCount,
      (n) => n === 1,
      'the worker consumed the redelivery',
      90_000,
    );
    // … and started nothing: the same single run, completed
    const after = await handle.describe();
    expect([after.runId, after.status.name]).toEqual([done.runId, 'COMPLETED']);
    const runs: string[] = [];
    for await (const w of client.workflow.list({ query: `WorkflowId = "transfer-${transferId}"` })) runs.push(w.runId);
    expect(runs).toEqual([done.runId]);
    const log = await import('node:fs/promises').then((fs) => fs.readFile(sys.logFile('workflow-worker'), 'utf8'));
    expect(log).toContain(`transfer.crime-suspected ${eventId} arrived after transfer-${transferId} closed`);
  });
});
