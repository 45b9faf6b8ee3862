/**
 * Chaos run of one Kafka broker (issue 14, item 7): a private 3-node cluster (test/support/private-kafka-cluster.ts,
 * the `kafka3` profile's template: replication factor 3, min.insync.replicas 2) on free ports; a topic of 3
 * partitions × 3 replicas; the library's reliable producer (libs/messaging createReliableProducer: idempotent,
 * acks=all) sends numbered messages at a fixed rate while a consumer group reads them. The leader of partition 0 is
 * SIGKILLed, producing and consuming go on, the node is restarted, then every acknowledged message is looked for.
 *
 *   npm run chaos:broker -- [--rate 200] [--before 3] [--down 20] [--after 3]   (seconds; 1–2 min in all)
 *   npm run chaos:broker -- --plain-kafkajs   control: kafkajs' producer, same settings, sends not split per partition
 *
 * Prints a table: sent, acknowledged (send resolved), present (acknowledged and in the log as a new consumer group
 * reads it to its high-water marks afterwards), missing (acknowledged, not in the log), duplicated (the same message
 * at two offsets — split into those whose send the caller retried after an error, at-least-once and dropped by the
 * consumers' inbox by event id, and those never retried: a broken producer), sends acknowledged without an answer for
 * one of their partitions, failed send attempts (retried like the outbox relay does), delivery to the running
 * consumer, the longest pause of sends and of consumption around the kill, and whether every partition has 3
 * in-sync replicas again. Then each missing or doubled message (key, partition, its send and what answered it) and
 * the producer client's warnings; on a failure the three brokers' logs are kept in test-output/chaos-broker/<id>/
 * (always with CHAOS_BROKER_KEEP_LOGS=1).
 * Exit code 1 when anything acknowledged is missing, a message not retried is doubled, a send was acknowledged
 * without an answer for one of its partitions, or consumption did not resume while the node was down.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Kafka, logLevel, Partitioners, type Admin, type logCreator, type RecordMetadata } from 'kafkajs';
import { createKafka, createReliableProducer } from '@casebridge/messaging';
import { PrivateKafkaCluster } from '../support/private-kafka-cluster';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    before: { type: 'string', default: '3' },
    down: { type: 'string', default: '20' },
    after: { type: 'string', default: '3' },
    // control: kafkajs' own producer with the library's settings but without its per-partition sends
    'plain-kafkajs': { type: 'boolean', default: false },
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
    // the producer's own client logs its retries (kafkajs' "Failed to send messages …") into `clientLog`
    const clientLog: string[] = [];
    const collect: logCreator =
      () =>
      ({ level, log: entry }) => {
        const { message, timestamp: _t, logger: _l, ...extra } = entry as { message: string; [k: string]: unknown };
        clientLog.push(
          `[${since(t0).padStart(7)}] ${level === logLevel.ERROR ? 'ERROR' : 'WARN'} ${message} ${JSON.stringify(extra)}`,
        );
      };
    const producerKafka = new Kafka({
      brokers: cluster.brokers,
      clientId: `chaos-broker-producer-${id}`,
      connectionTimeout: 3000,
      logLevel: logLevel.WARN,
      logCreator: collect,
    });
    const producer = values['plain-kafkajs']
      ? producerKafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          allowAutoTopicCreation: false,
          createPartitioner: Partitioners.DefaultPartitioner,
        })
      : createReliableProducer(producerKafka);
    if (values['plain-kafkajs']) log(t0, 'control run: kafkajs producer without per-partition sends');
    await producer.connect();
    // the partition of each key, as the producer's partitioner computes it
    const partitionOf = (() => {
      const partitioner = Partitioners.DefaultPartitioner();
      const partitionMetadata = before.map((p) => ({ partitionId: p.partition, leader: p.leader }));
      const memo = new Map<string, number>();
      return (key: string): number => {
        if (!memo.has(key))
          memo.set(
            key,
            partitioner({ topic, partitionMetadata: partitionMetadata as never, message: { key, value: null } }),
          );
        return memo.get(key)!;
      };
    })();
    const keyOf = (s: number) => `case-${s % KEYS}`;
    /** Sends whose acknowledgement lacked a partition they had messages for: batch's first seq → partitions. */
    const unansweredPartitions = new Map<number, number[]>();
    const sendLog: { first: number; at: number; answered: RecordMetadata[] }[] = [];
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
            const answered = await producer.send({
              topic,
              acks: -1,
              messages: seqs.map((s) => ({ key: keyOf(s), value: String(s) })),
            });
            sendLog.push({ first: seqs[0]!, at: performance.now(), answered });
            const expected = [...new Set(seqs.map((s) => partitionOf(keyOf(s))))];
            const missing = expected.filter((p) => !answered.some((r) => r.partition === p));
            if (missing.length) unansweredPartitions.set(seqs[0]!, missing);
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
    const present = [...acked].filter((s) => inLog.has(s)).length;
    const row = (label: string, value: string | number, note = '') =>
      console.log(`  ${label.padEnd(44)}${String(value).padStart(8)}${note ? `  ${note}` : ''}`);
    console.log('\nbroker kill: 3 nodes, replication factor 3, min.insync.replicas 2, producer idempotent acks=all');
    row('sent', next, `messages given to producer.send, ${BATCH} a send, ${KEYS} keys over 3 partitions`);
    row('acknowledged', acked.size, 'send resolved');
    row('present', present, 'acknowledged and in the log, read to its end by a new consumer group');
    row('missing', lost, 'acknowledged, not in the log');
    row(
      'duplicated',
      doubledSeqs.length,
      `same message at two offsets: ${doubledUnretried} never retried by the caller`,
    );
    row('sends acknowledged without a partition', unansweredPartitions.size, 'a partition of the send had no answer');
    row('failed send attempts (retried)', sendErrors);
    row('not delivered to the running consumer', undelivered, 'within 60 s after the end');
    row('redelivered to the consumer (same offset)', redelivered);
    row(`consumed while node ${victim} was down`, consumedWhileDown);
    row('first acknowledged send after the kill', resumed);
    row('longest pause of acknowledged sends', `${(sendPause / 1000).toFixed(1)} s`, 'around the kill');
    row('longest pause of consumption', `${(consumePause / 1000).toFixed(1)} s`, 'around the kill');
    row('in-sync replicas after the restart', '', after.map((p) => `p${p.partition} [${p.isr.join(',')}]`).join(' '));
    for (const [text, n] of errors) console.log(`  send error ×${n}: ${text}`);
    row('total run time', since(t0));
    // ------------------------------------------------------------------ details of what went wrong
    const rel = (t: number) => `${((t - killedAt) / 1000).toFixed(1)} s after the kill`;
    const sendOf = (s: number) => sendLog.find((x) => s >= x.first && s < x.first + BATCH);
    for (const s of [...acked].filter((x) => !inLog.has(x)).sort((a, b) => a - b)) {
      const send = sendOf(s);
      console.log(
        `  missing seq ${s} key ${keyOf(s)} partition ${partitionOf(keyOf(s))}: send of ${send?.first}..${(send?.first ?? 0) + BATCH - 1} acknowledged ${send ? rel(send.at) : '?'}, answered for ${JSON.stringify(send?.answered.map((r) => [r.partition, r.baseOffset, r.errorCode]))}`,
      );
    }
    for (const s of doubledSeqs.sort((a, b) => a - b))
      console.log(
        `  doubled seq ${s} key ${keyOf(s)} at ${[...inLog.get(s)!].join(' ')}${retried.has(s) ? ' (retried by the caller)' : ''}`,
      );
    for (const [first, parts] of unansweredPartitions)
      console.log(
        `  send ${first}..${first + BATCH - 1} resolved without an answer for partition(s) ${parts.join(',')}`,
      );
    for (const line of clientLog.slice(0, 40)) console.log(`  producer log ${line}`);
    failed = lost > 0 || doubledUnretried > 0 || unansweredPartitions.size > 0 || consumedWhileDown === 0;
    if (failed || process.env.CHAOS_BROKER_KEEP_LOGS) {
      const dir = path.resolve(__dirname, '../../test-output/chaos-broker', id);
      mkdirSync(dir, { recursive: true });
      cluster.nodes.forEach((n, i) => copyFileSync(n.logFile, path.join(dir, `node${i + 1}.log`)));
      console.log(`  broker logs kept in ${dir}`);
    }
    if (failed)
      console.log(
        'FAILED: acknowledged messages missing, doubled without a retry or acknowledged without an answer, or consumption stopped while the node was down',
      );
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
