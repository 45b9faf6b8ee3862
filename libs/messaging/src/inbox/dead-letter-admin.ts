import type { Kafka } from 'kafkajs';
import { createReliableProducer } from '../kafka/kafka-client';
import type { DeadLetterRecord } from './dead-letter';

/** One record of the dead-letter topic, with where it sits there (`partition:offset`, the replay handle). */
export interface DeadLetterEntry {
  /** `<partition>:<offset>` in the dead-letter topic. */
  id: string;
  record: DeadLetterRecord;
}

/**
 * Reads the whole dead-letter topic (from the oldest retained record to the current end) without joining
 * a consumer group of the services: a throw-away group, nothing committed that matters.
 */
export async function readDeadLetters(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<DeadLetterEntry[]> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  try {
    ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  } finally {
    await admin.disconnect();
  }
  const pending = new Set([...ends].filter(([, high]) => high > 0n).map(([p]) => p));
  const out: DeadLetterEntry[] = [];
  if (pending.size === 0) return out;
  const consumer = kafka.consumer({ groupId: `casebridge-dead-letters-cli-${process.pid}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} did not finish within ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            if (message.value) {
              out.push({
                id: `${partition}:${message.offset}`,
                record: JSON.parse(message.value.toString()) as DeadLetterRecord,
              });
            }
            if (BigInt(message.offset) + 1n >= ends.get(partition)!) pending.delete(partition);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return out.sort((a, b) => a.record.failedAt.localeCompare(b.record.failedAt) || a.id.localeCompare(b.id));
}

/**
 * Puts dead-lettered events back on their source topic (same key, same value), so every consumer group
 * of that topic sees them again: the group that gave up applies them (or parks them), the others find
 * them in their inbox and skip them. Returns the ids replayed.
 */
export async function replayDeadLetters(kafka: Kafka, entries: readonly DeadLetterEntry[]): Promise<string[]> {
  const replayable = entries.filter((e) => e.record.value !== null);
  if (replayable.length === 0) return [];
  const producer = createReliableProducer(kafka);
  await producer.connect();
  try {
    for (const e of replayable) {
      await producer.send({
        topic: e.record.sourceTopic,
        acks: -1,
        messages: [
          {
            key: e.record.key,
            value: e.record.value,
            headers: {
              'cb-replayed-from': e.id,
              'cb-replayed-at': new Date().toISOString(),
              'cb-dlq-reason': e.record.reason,
            },
          },
        ],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return replayable.map((e) => e.id);
}
