import { Logger } from '@nestjs/common';
import {
  Kafka,
  logLevel,
  Partitioners,
  type KafkaConfig,
  type logCreator,
  type Message,
  type PartitionMetadata,
  type Producer,
  type ProducerBatch,
  type ProducerRecord,
  type RecordMetadata,
} from 'kafkajs';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs log level (default WARN), written through the Nest logger. */
  logLevel?: logLevel;
  /** Extra kafkajs settings (ssl, sasl, retry, timeouts …). */
  kafka?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logLevel' | 'logCreator'>;
}

/** kafkajs → Nest logger (context `kafkajs`). */
export const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const {
      message,
      timestamp: _ts,
      logger: _l,
      ...extra
    } = log as { message: string; timestamp?: string; logger?: string };
    const text = Object.keys(extra).length ? `${message} ${JSON.stringify(extra)}` : message;
    if (level === logLevel.ERROR) logger.error(text);
    else if (level === logLevel.WARN) logger.warn(text);
    else if (level === logLevel.INFO) logger.log(text);
    else logger.debug(text);
  };
};

export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    connectionTimeout: 3000,
    ...options.kafka,
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: nestLogCreator,
  });
}

/** How long a topic's partition list is used before it is read again (ms): a topic that gains partitions is seen within it. */
const PARTITIONS_MAX_AGE_MS = 60_000;

/**
 * The producer every send of this library goes through: idempotent (the broker drops the retries
 * of one producer session), one request in flight (retries cannot reorder), acks from all in-sync
 * replicas awaited by the caller (`acks: -1` on every send). Java-compatible murmur2 partitioning,
 * so a key lands on the same partition whatever client produced it.
 *
 * `send` and `sendBatch` are split into one kafkajs send per topic-partition (run concurrently; each message
 * gets its partition from the same partitioner, over the topic's partitions read with an admin client and
 * kept PARTITIONS_MAX_AGE_MS; not split while the cluster has a single live broker). kafkajs 2.2.4 tracks the answers of one send per broker, not per partition
 * (src/producer/sendMessages.js, `responsePerBroker`): when a partition's leader dies and its retry finds the
 * new leader on a broker that had already answered for another partition, that partition is never sent again
 * and the send still resolves — acknowledged messages are lost; and a retry started while a sibling request
 * is still in flight sends that sibling's partition twice, under a new sequence number (doubled). With one
 * partition per kafkajs send, a retry always goes to the partition's current leader and never overlaps
 * another request of the same send (test/chaos/broker-kill.ts; README "chaos:broker").
 *
 * Resolves with the RecordMetadata of every partition written; rejects (after kafkajs' own retries) when any
 * partition's send failed — after every partition's send has settled, so a caller's retry never overlaps one
 * (partitions that were written are then written again by that retry: at least once, the inbox drops them).
 * After a failed send the next one goes through a new producer session (new producer id): kafkajs takes back a
 * partition's sequence numbers when a request fails even if the broker wrote it, and a later, larger send to that
 * partition would be refused with OUT_OF_ORDER_SEQUENCE_NUMBER (not retried by kafkajs) until a restart. Listeners
 * (`on`) belong to the current session.
 */
export function createReliableProducer(kafka: Kafka): Producer {
  const open = () =>
    kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  let producer = open();
  /** A new session replaced a failed one: it is connected by the next send. */
  let sessionPending = false;
  const partitioner = Partitioners.DefaultPartitioner();
  const admin = kafka.admin();
  let adminConnected: Promise<void> | undefined;
  const partitions = new Map<string, { metadata: PartitionMetadata[]; readAt: number }>();
  let brokers: { count: number; readAt: number } | undefined;
  const connectAdmin = () =>
    (adminConnected ??= admin.connect().catch((e: unknown) => {
      adminConnected = undefined;
      throw e;
    }));

  const partitionsOf = async (topic: string): Promise<PartitionMetadata[]> => {
    const known = partitions.get(topic);
    if (known && Date.now() - known.readAt < PARTITIONS_MAX_AGE_MS) return known.metadata;
    await connectAdmin();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const metadata = topics[0]?.partitions ?? [];
    if (metadata.length === 0) throw new Error(`topic ${topic} has no partitions`);
    partitions.set(topic, { metadata, readAt: Date.now() });
    return metadata;
  };

  /** Live brokers of the cluster: with one, no answer can come from another broker and a send is not split. */
  const brokerCount = async (): Promise<number> => {
    if (brokers && Date.now() - brokers.readAt < PARTITIONS_MAX_AGE_MS) return brokers.count;
    await connectAdmin();
    brokers = { count: (await admin.describeCluster()).brokers.length, readAt: Date.now() };
    return brokers.count;
  };

  /** After a failed send: the next one goes through a new producer session (new producer id, sequences from 0). */
  const renewSession = async (failedOn: Producer): Promise<void> => {
    if (producer !== failedOn) return; // a concurrent send renewed it already
    producer = open();
    sessionPending = true;
    await failedOn.disconnect().catch(() => undefined);
  };

  const sendBatch = async (batch: ProducerBatch): Promise<RecordMetadata[]> => {
    if (sessionPending) {
      await producer.connect();
      sessionPending = false;
    }
    const session = producer;
    if ((await brokerCount()) <= 1)
      return session.sendBatch(batch).catch(async (e: unknown) => {
        await renewSession(session);
        throw e;
      });
    const { topicMessages = [], ...options } = batch;
    const perPartition = new Map<string, { topic: string; messages: Message[] }>();
    for (const { topic, messages } of topicMessages) {
      const partitionMetadata = await partitionsOf(topic);
      for (const message of messages) {
        const partition = message.partition ?? partitioner({ topic, partitionMetadata, message });
        const key = `${partition}:${topic}`;
        let entry = perPartition.get(key);
        if (!entry) perPartition.set(key, (entry = { topic, messages: [] }));
        entry.messages.push({ ...message, partition });
      }
    }
    const sends = await Promise.allSettled(
      [...perPartition.values()].map(({ topic, messages }) => session.send({ ...options, topic, messages })),
    );
    const failed = sends.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await renewSession(session);
      throw failed.reason;
    }
    return sends.flatMap((s) => (s as PromiseFulfilledResult<RecordMetadata[]>).value);
  };

  return {
    connect: async () => {
      await producer.connect();
      sessionPending = false;
    },
    disconnect: async () => {
      const wasAdmin = adminConnected;
      adminConnected = undefined;
      partitions.clear();
      brokers = undefined;
      sessionPending = false;
      await Promise.all([producer.disconnect(), wasAdmin ? admin.disconnect() : undefined]);
    },
    isIdempotent: () => producer.isIdempotent(),
    get events() {
      return producer.events;
    },
    // listeners and transactions belong to the current session (none of this library uses them)
    on: ((...args: Parameters<Producer['on']>) => producer.on(...args)) as Producer['on'],
    transaction: () => producer.transaction(),
    logger: () => producer.logger(),
    send: ({ topic, messages, ...options }: ProducerRecord) =>
      sendBatch({ ...options, topicMessages: [{ topic, messages }] }),
    sendBatch,
  };
}
