/**
 * A dead consumer does not look healthy (issue 9, item 2): while an app's consumer group is not consuming
 * — its topic deleted under it, or the broker gone — GET /health answers 503 naming the consumer group,
 * and once the cause is gone the consumer recovers by itself and events flow again. The broker restart
 * uses a PRIVATE broker (test/support/private-kafka.ts): the shared one is never restarted.
 */
import { TOPIC_PARTITIONS, Topics } from '@casebridge/contracts';
import { PrivateKafka } from '../support/private-kafka';
import { eventually, TestSystem } from '../support/system';
import { agencies, openAndSend, polPhase } from '../transfer/transfer-driver';

interface Health {
  status: string;
  details: {
    kafka?: { status: string; message?: string; consumer?: { groupId: string; status: string; lastError?: string } };
  };
}

async function health(sys: TestSystem): Promise<{ code: number; body: Health }> {
  const r = await fetch(`${sys.url('police')}/health`);
  return { code: r.status, body: (await r.json()) as Health };
}

const consuming = (h: { code: number; body: Health }): boolean =>
  h.code === 200 && h.body.details.kafka?.consumer?.status === 'consuming';

async function expectDownThenRecovered(
  sys: TestSystem,
  breakIt: () => Promise<void>,
  repair: () => Promise<void>,
): Promise<void> {
  const group = `casebridge-police.${sys.suffix}`;
  await eventually(() => health(sys), consuming, 'police consuming');
  await breakIt();
  // the cluster check alone may fail first (broker away); wait until the consumer group itself is reported
  const down = await eventually(
    () => health(sys),
    (h) => h.code === 503 && ['crashed', 'failed'].includes(h.body.details.kafka?.consumer?.status ?? ''),
    'police consumer reported down',
    120_000,
  );
  expect(down.body.status).toBe('error');
  expect(down.body.details.kafka).toMatchObject({ status: 'down', consumer: { groupId: group } });
  expect(down.body.details.kafka!.message).toContain(group);
  await repair();
  await eventually(() => health(sys), consuming, 'police consuming again', 120_000);
  // events flow again: a transfer sent by enforcement now reaches the police
  const a = agencies(sys, { police: true, procuratorate: false });
  const { transferId } = await openAndSend(a, 'consumer-health');
  await polPhase(a.pol, transferId, 'awaiting-receipt');
}

describe('a dead consumer says so in /health and recovers', () => {
  describe('topic deleted and recreated under a running app', () => {
    const sys = new TestSystem(['enforcement', 'police']);
    beforeAll(() => sys.start(), 240_000);
    afterAll(() => sys.stop(), 60_000);

    it('reports the police consumer group down while its topic is gone, then consumes the recreated topic', async () => {
      const topic = `${Topics.enforcement}.${sys.suffix}`;
      const admin = sys.kafka().admin();
      await admin.connect();
      try {
        await expectDownThenRecovered(
          sys,
          () => admin.deleteTopics({ topics: [topic] }),
          async () => {
            await admin.createTopics({
              waitForLeaders: true,
              topics: [{ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor: 1 }],
            });
          },
        );
      } finally {
        await admin.disconnect();
      }
    });
  });

  describe('the broker restarted under a running app (private broker)', () => {
    let kafka: PrivateKafka;
    let sys: TestSystem;
    beforeAll(async () => {
      kafka = await PrivateKafka.start();
      sys = new TestSystem(['enforcement', 'police'], {}, { kafkaBrokers: kafka.brokers });
      await sys.start();
    }, 300_000);
    afterAll(async () => {
      await sys?.stop().catch(() => undefined);
      await kafka?.destroy();
    }, 60_000);

    it('reports the police consumer group down while the broker is away, then catches up', async () => {
      await expectDownThenRecovered(
        sys,
        () => kafka.stopBroker('SIGKILL'),
        () => kafka.startBroker(),
      );
    });
  });
});
