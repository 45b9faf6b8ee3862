/**
 * The replication factor of every CaseBridge topic, from one setting: CASEBRIDGE_KAFKA_REPLICATION_FACTOR
 * (default 1, the single-node broker of infra/local; 3 for the 3-node profile `infra/local/up kafka3`, whose
 * brokers require min.insync.replicas 2). Used wherever topics are created (infra/local/create-topics.ts, the
 * test harness, the benches). Throws for a value that is not a positive integer.
 */
export function topicReplicationFactor(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CASEBRIDGE_KAFKA_REPLICATION_FACTOR;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`CASEBRIDGE_KAFKA_REPLICATION_FACTOR must be a positive integer, not '${raw}'`);
  }
  return n;
}
