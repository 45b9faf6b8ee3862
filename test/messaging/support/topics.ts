import { ALL_TOPICS, type TopicName } from '@casebridge/contracts';
import { TopicNames, topicReplicationFactor } from '@casebridge/messaging';
import { isolatedTopicSuffix, testKafka } from '../../support/kafka';

/**
 * Creates the system's topics under a fresh isolation suffix (`${base}.${suffix}`, the naming of
 * TopicNames), so whole apps run on their own topics. test/support's createIsolatedTopics names
 * topics `test.<name>.<suffix>`, which is not the naming apps use.
 */
export async function createSuffixedTopics(
  bases: readonly TopicName[] = ALL_TOPICS,
  partitions = 3,
): Promise<{ names: TopicNames; suffix: string; topics: string[]; drop(): Promise<void> }> {
  const suffix = `e2e-${isolatedTopicSuffix()}`;
  const names = new TopicNames({ suffix });
  const topics = bases.map((b) => names.resolve(b));
  const admin = testKafka('casebridge-test-topics').admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: topicReplicationFactor(),
      })),
    });
  } finally {
    await admin.disconnect();
  }
  return {
    names,
    suffix,
    topics,
    drop: async () => {
      const a = testKafka('casebridge-test-topics').admin();
      await a.connect();
      try {
        await a.deleteTopics({ topics });
      } finally {
        await a.disconnect();
      }
    },
  };
}
