import { randomUUID } from 'node:crypto';
import { testKafka } from '../../support/kafka';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads topics from the beginning up to their end offsets at call time (every partition), with a
 * throw-away consumer group; each record once (a rebalance mid-read redelivers from the start: records
 * are kept by topic/partition/offset, and a partition is done when its end offset was read — never by
 * counting, which a redelivery would fool). Bounded by `timeoutMs`. Sorted by topic, partition, offset.
 */
export async function readTopic(
  topics: string | readonly string[],
  timeoutMs = 30_000,
  brokers?: string[],
): Promise<ReadMessage[]> {
  const list = typeof topics === 'string' ? [topics] : [...topics];
  const kafka = testKafka('casebridge-test-reader', brokers);
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, bigint>();
  try {
    for (const topic of list)
      for (const o of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${o.partition}`, BigInt(o.high));
  } finally {
    await admin.disconnect();
  }
  const seen = new Map<string, ReadMessage>();
  const pending = new Set([...ends].filter(([, high]) => high > 0n).map(([tp]) => tp));
  if (pending.size === 0) return [];
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}`, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: list, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `reading ${list.join(', ')}: ${seen.size} messages, partitions ${[...pending].join(', ')} not at their end after ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const tp = `${topic}/${partition}`;
            if (!ends.has(tp) || BigInt(message.offset) >= ends.get(tp)!) return;
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
            seen.set(`${tp}/${message.offset}`, {
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers,
            });
            if (BigInt(message.offset) + 1n >= ends.get(tp)!) {
              pending.delete(tp);
              if (pending.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return [...seen.values()].sort(
    (a, b) =>
      a.topic.localeCompare(b.topic) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
  );
}
