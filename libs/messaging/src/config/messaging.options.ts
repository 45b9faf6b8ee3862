import {
  AGENCY_ID_PATTERN,
  AGENCY_KINDS,
  ALL_TOPICS,
  isAgencyKind,
  SYSTEM_PRODUCERS,
  type ProducerKind,
  type TopicName,
} from '@casebridge/contracts';
import type { KafkaConfig, logLevel } from 'kafkajs';
import type { ConsumerRetryOptions, ProcessedMessage } from '../inbox/integration-event.consumer';

export interface MessagingOptions {
  brokers: string[];
  clientId: string;
  /** Who this app is: fills `producer` of every envelope it publishes; picks its topic. */
  producer: { kind: ProducerKind; agencyId: string };
  /** Isolation suffix: every topic becomes `${base}.${topicSuffix}`. */
  topicSuffix?: string;
  /** The app's consumer group; omit in apps that only produce. */
  consumer?: {
    groupId: string;
    topics: TopicName[];
    fromBeginning?: boolean;
    sessionTimeout?: number;
    heartbeatInterval?: number;
    partitionsConsumedConcurrently?: number;
    /** Keys (linked cases) of one partition in parallel, each key in order (default 4). */
    keyConcurrency?: number;
    /** Messages in flight across partitions (default partitions × keys): keep it below the database pool size. */
    maxInFlight?: number;
    /** Called after each message's offset is committed (metrics). */
    onProcessed?: (m: ProcessedMessage) => void;
    /** Parked events: sweep period, and whether a later event of a case waits behind a parked one (IntegrationEventConsumerOptions.parking). */
    parking?: { sweepMs?: number; waitBehindParked?: boolean };
  };
  /** The outbox relay; enabled unless `{ enabled: false }` (several replicas are fine: one publishes at a time). */
  relay?: { enabled: boolean; listen?: boolean; intervalMs?: number; safetyPollMs?: number; batchSize?: number };
  /** In-process retries of a failing handler before the dead-letter topic. */
  retry?: ConsumerRetryOptions;
  /** kafkajs log level (default WARN). */
  kafkaLogLevel?: logLevel;
  /** Extra kafkajs settings (ssl, sasl, timeouts …). */
  kafka?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logLevel' | 'logCreator'>;
}

const PRODUCER_KINDS: readonly string[] = [...AGENCY_KINDS, ...SYSTEM_PRODUCERS];

/** Fails fast at start-up with every problem listed. Returns the options unchanged. */
export function validateMessagingOptions(o: MessagingOptions): MessagingOptions {
  const problems: string[] = [];
  if (!o || typeof o !== 'object') throw new Error('messaging configuration is missing');
  if (!Array.isArray(o.brokers) || o.brokers.length === 0 || o.brokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) {
    problems.push(`brokers must be a non-empty list of host:port (got ${JSON.stringify(o.brokers)})`);
  }
  if (!o.clientId || typeof o.clientId !== 'string') problems.push('clientId is required');
  if (!o.producer || !PRODUCER_KINDS.includes(o.producer.kind)) {
    problems.push(
      `producer.kind must be one of ${PRODUCER_KINDS.join(', ')} (got ${JSON.stringify(o.producer?.kind)})`,
    );
  } else if (
    isAgencyKind(o.producer.kind)
      ? !AGENCY_ID_PATTERN.test(o.producer.agencyId ?? '') || !o.producer.agencyId.startsWith(`${o.producer.kind}:`)
      : !o.producer.agencyId
  ) {
    problems.push(
      `producer.agencyId must be like '${o.producer.kind}:210100' for an agency, non-empty otherwise (got ${JSON.stringify(o.producer.agencyId)})`,
    );
  }
  if (
    o.topicSuffix !== undefined &&
    o.topicSuffix !== '' &&
    !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(o.topicSuffix)
  ) {
    problems.push(`topicSuffix '${o.topicSuffix}' may contain letters, digits, '.', '_' and '-' only`);
  }
  if (o.consumer) {
    if (!o.consumer.groupId) problems.push('consumer.groupId is required');
    const unknown = (o.consumer.topics ?? []).filter((t) => !(ALL_TOPICS as readonly string[]).includes(t));
    if (!o.consumer.topics?.length) problems.push('consumer.topics must list at least one topic');
    if (unknown.length)
      problems.push(`consumer.topics must be base topics from contracts Topics (unknown: ${unknown.join(', ')})`);
  }
  if (o.relay?.intervalMs !== undefined && !(o.relay.intervalMs > 0)) problems.push('relay.intervalMs must be > 0');
  if (o.relay?.safetyPollMs !== undefined && !(o.relay.safetyPollMs > 0))
    problems.push('relay.safetyPollMs must be > 0');
  if (o.retry?.attempts !== undefined && !(Number.isInteger(o.retry.attempts) && o.retry.attempts >= 1)) {
    problems.push('retry.attempts must be an integer ≥ 1');
  }
  if (o.retry?.baseMs !== undefined && !(o.retry.baseMs >= 0)) problems.push('retry.baseMs must be ≥ 0');
  if (problems.length) throw new Error(`invalid messaging configuration:\n  - ${problems.join('\n  - ')}`);
  return o;
}
