import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { topicReplicationFactor } from '@casebridge/messaging';
import { endpoints } from './endpoints';

/** A client of the shared test broker, or of `brokers` (a private broker, test/support/private-kafka.ts). */
export function testKafka(clientId = 'casebridge-test', brokers: string[] = endpoints().kafkaBrokers): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

/** Unique topic names for one test file, created and waited for; `names` are logical names. */
export async function createIsolatedTopics<K extends string>(
  names: readonly K[],
  partitions = 3,
): Promise<{ topics: Record<K, string>; suffix: string; drop(): Promise<void> }> {
  const suffix = randomBytes(4).toString('hex');
  const topics = Object.fromEntries(names.map((n) => [n, `test.${n}.${suffix}`])) as Record<K, string>;
  const admin: Admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: Object.values<string>(topics).map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: topicReplicationFactor(),
      })),
    });
  } finally {
    await admin.disconnect();
  }
  return {
    topics,
    suffix,
    drop: async () => {
      const a = testKafka().admin();
      await a.connect();
      try {
        await a.deleteTopics({ topics: Object.values<string>(topics) });
      } finally {
        await a.disconnect();
      }
    },
  };
}

/** Isolates Kafka topics by rewriting the system's topic names with a suffix (see libs/contracts topics). */
export function isolatedTopicSuffix(): string {
  return randomBytes(4).toString('hex');
}
