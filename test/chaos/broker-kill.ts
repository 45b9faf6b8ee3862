/**
 * Chaos run of one Kafka broker (issue 14, item 7): a private 3-node cluster (test/support/private-kafka-cluster.ts,
 * the `kafka3` profile's template: replication factor 3, min.insync.replicas 2) on free ports; a topic of 3
 * partitions × 3 replicas; the library's reliable producer (libs/messaging createReliableProducer: idempotent,
 * acks=all) sends numbered messages at a fixed rate while a consumer group reads them. The leader of partition 0 is
 * SIGKILLed, producing and consuming go on, the node is restarted, then every acknowledged message is looked for.
 *
 *   npm run chaos:broker -- [--rate 200] [--before 3] [--down 20] [--after 3]   (seconds; 1–2 min in all)
 *
 * Prints: acknowledged sends, failed send attempts (retried like the outbox relay does), lost (acknowledged, not in the
 * log as a new consumer group reads it to its end afterwards), not delivered to the running consumer, doubled (the same message at two offsets of the log) — split into those whose send the caller retried
 * after an error although the first attempt had been written (at-least-once: the consumers' inbox drops them by
 * event id) and those never retried (a broken idempotent producer) —, the longest pause of acknowledged sends and
 * of consumption around the kill, and whether every partition has 3 in-sync replicas again after the restart.
 * Exit code 1 when anything acknowledged was lost, a message not retried was doubled, or consumption did not
 * resume while the node was down.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { logLevel, type Admin, type Kafka } from 'kafkajs';
import { createKafka, createReliableProducer } from '@casebridge/messaging';
import { PrivateKafkaCluster } from '../support/private-kafka-cluster';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    before: { type: 'string', default: '3' },
    down: { type: 'string', default: '20' },
    after: { type: 'string', default: '3' },
  },
});
const RATE = Number(values.rate);
const BEFORE_S = Number(values.before);
const DOWN_S = Number(values.down);
const AFTER_S = Number(values.after);
if (!(RATE > 0 && BEFORE_S > 0 && DOWN_S > 0 && AFTER_S > 0))
  throw new Error('--rate, --before, --down and --after must be positive');
const BATCH = 10; // messages per send
const KEYS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const since = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (t0: number, text: string) => console.log(`[${since(t0).padStart(7)}] ${text}`);

/** The largest gap between consecutive instants (ms), including from `from` to the first and the last to `to`. */
function longestPause(instants: number[], from: number, to: number): number {
  const xs = [from, ...instants.filter((t) => t >= from && t <= to).sort((a, b) => a - b), to];
  let max = 0;
  for (let i = 1; i < xs.length; i++) max = Math.max(max, xs[i]! - xs[i - 1]!);
  return max;
}

async function partitionState(admin: Admin, topic: string) {
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  return meta.topics[0]!.partitions.map((p) => ({
    partition: p.partitionId,
    leader: p.leader,
    replicas: p.replicas,
    isr: p.isr,
  }));
}

/**
 * Creates the topic and waits until every partition has a leader on every node's metadata. On a busy machine the
 * new topic reaches the nodes late and kafkajs' own wait (waitForLeaders) can give up: poll for up to 60 s.
 */
async function createTopic(admin: Admin, topic: string, replicationFactor: number): Promise<void> {
  await admin
    .createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 3, replicationFactor }] })
    .catch((e: unknown) => console.log(`createTopics: ${(e as Error).message} (waiting for the topic anyway)`));
  for (const t0 = Date.now(); ;) {
    try {
      const state = await partitionState(admin, topic);
      if (state.length === 3 && state.every((p) => p.leader >= 0 && p.replicas.length === replicationFactor)) return;
    } catch (e) {
      if (Date.now() - t0 > 60_000) throw e;
    }
    if (Date.now() - t0 > 60_000) throw new Error(`topic ${topic} has no leaders after 60 s`);
    await sleep(500);
  }
}

/** Every message of the topic, read by a new consumer group from the beginning up to the high-water marks: seq → offsets. */
async function readWholeTopic(kafka: Kafka, admin: Admin, topic: string): Promise<Map<number, Set<string>>> {
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  const log = new Map<number, Set<string>>();
  const done = new Set<number>([...ends].filter(([, high]) => high === 0).map(([p]) => p));
  const reader = kafka.consumer({ groupId: `chaos-broker-verify-${randomBytes(4).toString('hex')}` });
  await reader.connect();
  await reader.subscribe({ topics: [topic], fromBeginning: true });
  await reader.run({
    eachMessage: async ({ partition, message }) => {
      const seq = Number(message.value!.toString());
      log.set(seq, (log.get(seq) ?? new Set<string>()).add(`${partition}:${message.offset}`));
      if (Number(message.offset) + 1 >= ends.get(partition)!) done.add(partition);
    },
  });
  for (const t0 = Date.now(); done.size < ends.size && Date.now() - t0 < 60_000;) await sleep(250);
  await reader.disconnect();
  if (done.size < ends.size) throw new Error(`could not read ${topic} to its end within 60 s`);
  return log;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const id = randomBytes(4).toString('hex');
  const topic = `chaos.broker.${id}`;
  log(t0, 'starting a private 3-node Kafka cluster (KRaft) on free ports');
  const cluster = await PrivateKafkaCluster.start();
  let failed: boolean;
  try {
    log(t0, `cluster up: ${cluster.brokers.join(', ')}`);
    const kafka = createKafka({ brokers: cluster.brokers, clientId: `chaos-broker-${id}`, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await createTopic(admin, topic, cluster.replicationFactor);
    let minIsr: string | undefined;
    for (let attempt = 1; minIsr === undefined; attempt++) {
      try {
        const config = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: 2 /* TOPIC */, name: topic, configNames: ['min.insync.replicas'] }],
        });
        minIsr = config.resources[0]!.configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue;
      } catch (e) {
        if (attempt >= 20) throw e; // the topic's metadata reaches every node shortly after its creation
        await sleep(500);
      }
    }
    const before = await partitionState(admin, topic);
    log(
      t0,
      `topic ${topic}: ${before.map((p) => `p${p.partition} leader ${p.leader} replicas [${p.replicas.join(',')}]`).join('; ')}; min.insync.replicas ${minIsr}`,
    );
    if (minIsr !== '2' || before.some((p) => p.replicas.length !== 3))
      throw new Error('the topic is not 3 replicas with min.insync.replicas 2');

    // ------------------------------------------------------------------ consumer: seq → offsets seen
    const seen = new Map<number, Set<string>>();
    const consumedAt: number[] = [];
    let deliveries = 0;
    const consumer = kafka.consumer({ groupId: `chaos-broker-${id}`, sessionTimeout: 10_000, heartbeatInterval: 1000 });
    await consumer.connect();
    // a node may learn of the new topic later than the one that answered createTopic: retry for up to 30 s
    for (let attempt = 1; ; attempt++) {
      try {
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        break;
      } catch (e) {
        if (attempt >= 60) throw e;
        await sleep(500);
      }
    }
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const seq = Number(message.value!.toString());
        const at = seen.get(seq) ?? new Set<string>();
        at.add(`${partition}:${message.offset}`);
        seen.set(seq, at);
        deliveries++;
        consumedAt.push(performance.now());
      },
    });

    // ------------------------------------------------------------------ producer: numbered messages at RATE/s
    const producer = createReliableProducer(kafka);
    await producer.connect();
    const acked = new Set<number>();
    const ackedAt: number[] = [];
    let sendErrors = 0;
    const retried = new Set<number>();
    const errors = new Map<string, number>();
    let stop = false;
    let next = 0;
    const produce = (async () => {
      const start = performance.now();
      while (!stop) {
        const due = start + (next * 1000) / RATE - performance.now();
        if (due > 0) await sleep(due);
        const seqs = Array.from({ length: BATCH }, (_, i) => next + i);
        next += BATCH;
        // like the outbox relay: a failed send is retried with the same messages until acknowledged
        for (;;) {
          try {
            await producer.send({
              topic,
              acks: -1,
              messages: seqs.map((s) => ({ key: `case-${s % KEYS}`, value: String(s) })),
            });
            break;
          } catch (e) {
            sendErrors++;
            for (const s of seqs) retried.add(s);
            const text = (e as Error).message;
            errors.set(text, (errors.get(text) ?? 0) + 1);
            await sleep(200);
          }
        }
        for (const s of seqs) acked.add(s);
        ackedAt.push(performance.now());
      }
    })();

    await sleep(BEFORE_S * 1000);
    const victim = before.find((p) => p.partition === 0)!.leader;
    const killedAt = performance.now();
    await cluster.node(victim).stop('SIGKILL');
    log(t0, `SIGKILL node ${victim} (leader of partition 0) after ${acked.size} acknowledged messages`);
    await sleep(DOWN_S * 1000);
    const during = await partitionState(admin, topic);
    log(
      t0,
      `while node ${victim} is down: ${during.map((p) => `p${p.partition} leader ${p.leader} isr [${p.isr.join(',')}]`).join('; ')}`,
    );
    const restartAt = performance.now();
    cluster.node(victim).spawn();
    await cluster.node(victim).waitReady();
    log(t0, `node ${victim} restarted`);
    await sleep(AFTER_S * 1000);
    stop = true;
    await produce;
    await producer.disconnect();
    log(t0, `stopped producing: ${acked.size} acknowledged, ${sendErrors} failed send attempts (retried)`);

    const drainStart = performance.now();
    while ([...acked].some((s) => !seen.has(s)) && performance.now() - drainStart < 60_000) await sleep(250);
    // the restarted node catches up its replicas: wait (bounded) for the ISR to be whole again
    let after = await partitionState(admin, topic);
    for (let i = 0; i < 60 && after.some((p) => p.isr.length < 3); i++) {
      await sleep(500);
      after = await partitionState(admin, topic);
    }
    await consumer.disconnect();
    const inLog = await readWholeTopic(kafka, admin, topic);
    await admin.disconnect();

    const lost = [...acked].filter((s) => !inLog.has(s)).length;
    const undelivered = [...acked].filter((s) => !seen.has(s)).length;
    const doubledSeqs = [...inLog.entries()].filter(([, offsets]) => offsets.size > 1).map(([s]) => s);
    const doubledUnretried = doubledSeqs.filter((s) => !retried.has(s)).length;
    const redelivered = deliveries - [...seen.values()].reduce((n, o) => n + o.size, 0);
    const consumedWhileDown = consumedAt.filter((t) => t > killedAt && t < restartAt).length;
    const sendPause = longestPause(ackedAt, killedAt - 1000, restartAt);
    const consumePause = longestPause(consumedAt, killedAt - 1000, restartAt);
    const firstAckAfterKill = ackedAt.find((t) => t > killedAt);
    const resumed =
      firstAckAfterKill === undefined ? 'never' : `${((firstAckAfterKill - killedAt) / 1000).toFixed(1)} s`;
    console.log('\nbroker kill: 3 nodes, replication factor 3, min.insync.replicas 2, producer idempotent acks=all');
    console.log(`  acknowledged messages                      ${acked.size}`);
    console.log(`  failed send attempts (retried)             ${sendErrors}`);
    console.log(`  lost (acknowledged, not in the log)        ${lost}`);
    console.log(`  not delivered to the running consumer      ${undelivered} (within 60 s after the end)`);
    console.log(
      `  doubled (same message at two offsets)      ${doubledSeqs.length - doubledUnretried} of retried sends, ${doubledUnretried} of others`,
    );
    console.log(`  redelivered to the consumer (same offset)  ${redelivered}`);
    console.log(`  consumed while node ${victim} was down          ${consumedWhileDown}`);
    console.log(`  first acknowledged send after the kill     ${resumed} after it`);
    console.log(`  longest pause of acknowledged sends        ${(sendPause / 1000).toFixed(1)} s (around the kill)`);
    console.log(`  longest pause of consumption               ${(consumePause / 1000).toFixed(1)} s (around the kill)`);
    console.log(
      `  in-sync replicas after the restart         ${after.map((p) => `p${p.partition} [${p.isr.join(',')}]`).join(' ')}`,
    );
    for (const [text, n] of errors) console.log(`  send error ×${n}: ${text}`);
    console.log(`  total run time                             ${since(t0)}`);
    failed = lost > 0 || doubledUnretried > 0 || consumedWhileDown === 0;
    if (failed) console.log('FAILED: messages were lost or doubled, or consumption stopped while the node was down');
    else console.log('OK: nothing acknowledged was lost; consumption went on while the node was down');
  } finally {
    await cluster.destroy();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
