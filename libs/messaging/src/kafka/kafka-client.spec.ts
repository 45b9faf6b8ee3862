import { Partitioners, type Kafka, type PartitionMetadata, type ProducerBatch, type ProducerRecord } from 'kafkajs';
import { createReliableProducer } from './kafka-client';

/**
 * The splitting of createReliableProducer (one kafkajs send per topic-partition, see its docstring) over a
 * stand-in of the kafkajs client: what reaches kafkajs' producer is checked, not Kafka itself (the broker kill
 * that needs it is test/chaos/broker-kill.ts).
 */
function fakeKafka(options: { brokers: number; partitions: number; failPartition?: number }) {
  const sends: ProducerRecord[] = [];
  const batches: ProducerBatch[] = [];
  const settled: string[] = [];
  const metadata = (topic: string): PartitionMetadata[] =>
    Array.from({ length: options.partitions }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: (partitionId % options.brokers) + 1,
      replicas: [],
      isr: [],
    })).map((p) => ({ ...p, topic }));
  const makeProducer = () => ({
    connect: jest.fn(async () => undefined),
    disconnect: jest.fn(async () => undefined),
    send: jest.fn(async (record: ProducerRecord) => {
      sends.push(record);
      const partition = record.messages[0]!.partition!;
      // the failing partition answers first, the others later: the rejection must wait for them
      await new Promise((r) => setTimeout(r, partition === options.failPartition ? 1 : 20));
      settled.push(`${record.topic}:${partition}`);
      if (partition === options.failPartition) throw new Error(`partition ${partition} failed`);
      return [{ topicName: record.topic, partition, errorCode: 0, baseOffset: '0' }];
    }),
    sendBatch: jest.fn(async (batch: ProducerBatch) => {
      batches.push(batch);
      return [];
    }),
  });
  const producers = [makeProducer()];
  const admin = {
    connect: jest.fn(async () => undefined),
    disconnect: jest.fn(async () => undefined),
    fetchTopicMetadata: jest.fn(async ({ topics }: { topics: string[] }) => ({
      topics: topics.map((name) => ({ name, partitions: metadata(name) })),
    })),
    describeCluster: jest.fn(async () => ({
      brokers: Array.from({ length: options.brokers }, (_, i) => ({
        nodeId: i + 1,
        host: '127.0.0.1',
        port: 9092 + i,
      })),
      controller: 1,
      clusterId: 'test',
    })),
  };
  let opened = 0;
  // the first session is made when the reliable producer is created; every later one is a new instance
  const producer = () => producers[opened++] ?? producers[producers.push(makeProducer()) - 1]!;
  const kafka = { producer, admin: () => admin } as unknown as Kafka;
  return { kafka, producer: producers[0]!, producers, admin, sends, batches, settled, metadata };
}

const messages = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ key: `case-${from + i}`, value: String(from + i) }));

describe('createReliableProducer', () => {
  it('sends each topic-partition of a batch on its own, with the partition the default partitioner gives its key', async () => {
    const fake = fakeKafka({ brokers: 3, partitions: 3 });
    const producer = createReliableProducer(fake.kafka);
    const answered = await producer.sendBatch({
      acks: -1,
      topicMessages: [
        { topic: 'a', messages: messages(12) },
        { topic: 'b', messages: messages(5, 100) },
      ],
    });

    const partitioner = Partitioners.DefaultPartitioner();
    for (const send of fake.sends) {
      expect(send.acks).toBe(-1);
      const partitions = new Set(send.messages.map((m) => m.partition));
      expect(partitions.size).toBe(1); // one partition per kafkajs send
      for (const m of send.messages)
        expect(m.partition).toBe(
          partitioner({ topic: send.topic, partitionMetadata: fake.metadata(send.topic), message: m }),
        );
    }
    // every message sent exactly once, in its original order inside its partition
    for (const [topic, count, from] of [
      ['a', 12, 0],
      ['b', 5, 100],
    ] as const) {
      const values = fake.sends.filter((s) => s.topic === topic).flatMap((s) => s.messages.map((m) => Number(m.value)));
      expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: count }, (_, i) => from + i));
      for (const send of fake.sends.filter((s) => s.topic === topic)) {
        const inSend = send.messages.map((m) => Number(m.value));
        expect(inSend).toEqual([...inSend].sort((x, y) => x - y));
      }
    }
    expect(answered).toHaveLength(fake.sends.length);
    expect(fake.producer.sendBatch).not.toHaveBeenCalled();
  });

  it('rejects when one partition fails, only after every other partition of the send has settled', async () => {
    const fake = fakeKafka({ brokers: 3, partitions: 3, failPartition: 0 });
    const producer = createReliableProducer(fake.kafka);
    await expect(producer.send({ topic: 'a', acks: -1, messages: messages(30) })).rejects.toThrow('partition 0 failed');
    expect(fake.settled).toHaveLength(3);
    expect(fake.settled[0]).toBe('a:0');
  });

  it('keeps a batch whole while the cluster has a single broker (no other broker can have answered)', async () => {
    const fake = fakeKafka({ brokers: 1, partitions: 3 });
    const producer = createReliableProducer(fake.kafka);
    await producer.send({ topic: 'a', acks: -1, messages: messages(10) });
    expect(fake.sends).toHaveLength(0);
    expect(fake.batches).toEqual([{ acks: -1, topicMessages: [{ topic: 'a', messages: messages(10) }] }]);
  });

  it('reads partitions and brokers once per minute, and closes its admin client with the producer', async () => {
    const fake = fakeKafka({ brokers: 3, partitions: 3 });
    const producer = createReliableProducer(fake.kafka);
    await producer.send({ topic: 'a', messages: messages(3) });
    await producer.send({ topic: 'a', messages: messages(3) });
    expect(fake.admin.fetchTopicMetadata).toHaveBeenCalledTimes(1);
    expect(fake.admin.describeCluster).toHaveBeenCalledTimes(1);
    await producer.disconnect();
    expect(fake.producer.disconnect).toHaveBeenCalled();
    expect(fake.admin.disconnect).toHaveBeenCalled();
  });

  it('goes through a new producer session after a failed send (kafkajs has taken the sequence numbers back)', async () => {
    const fake = fakeKafka({ brokers: 3, partitions: 3, failPartition: 0 });
    const producer = createReliableProducer(fake.kafka);
    await producer.connect();
    await expect(producer.send({ topic: 'a', messages: messages(30) })).rejects.toThrow('partition 0 failed');
    expect(fake.producers).toHaveLength(2);
    expect(fake.producers[0]!.disconnect).toHaveBeenCalled();
    const before = fake.sends.length;
    await producer.send({ topic: 'a', messages: messages(1, 1) }).catch(() => undefined);
    expect(fake.producers[1]!.connect).toHaveBeenCalled();
    expect(fake.producers[1]!.send).toHaveBeenCalledTimes(fake.sends.length - before);
    expect(fake.producers[0]!.send).toHaveBeenCalledTimes(before);
  });

  it('keeps its session while sends succeed', async () => {
    const fake = fakeKafka({ brokers: 3, partitions: 3 });
    const producer = createReliableProducer(fake.kafka);
    await producer.connect();
    await producer.send({ topic: 'a', messages: messages(30) });
    await producer.send({ topic: 'a', messages: messages(30) });
    expect(fake.producers).toHaveLength(1);
    expect(fake.producer.connect).toHaveBeenCalledTimes(1);
  });
});
