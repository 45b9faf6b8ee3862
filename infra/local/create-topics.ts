// Creates every CaseBridge topic up front (auto-creation is off; KRaft auto-created topics can fail the
// first requests). Idempotent. Replication factor: CASEBRIDGE_KAFKA_REPLICATION_FACTOR (1; 3 for `up kafka3`).
import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS, TOPIC_PARTITIONS } from '@casebridge/contracts';
import { topicReplicationFactor } from '@casebridge/messaging';

async function main(): Promise<void> {
  const brokers = (process.env.CASEBRIDGE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const replicationFactor = topicReplicationFactor();
  const admin = new Kafka({ clientId: 'casebridge-topics', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = ALL_TOPICS.filter((t) => !existing.has(t));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor })),
      });
    }
    process.stderr.write(
      `[infra] Kafka topics ready (${ALL_TOPICS.length}, created ${missing.length}, replication factor ${replicationFactor})\n`,
    );
  } finally {
    await admin.disconnect();
  }
}
main().catch((e: unknown) => {
  process.stderr.write(`[infra] topic creation failed: ${(e as Error).message}\n`);
  process.exit(1);
});
