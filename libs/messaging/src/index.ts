import 'reflect-metadata';

export { TopicNames, type TopicNamesConfig } from './topics/topic-names';
export { topicReplicationFactor } from './topics/replication';
export { backoffDelay, sleep, type BackoffPolicy } from './retry/backoff';
export {
  NonRetryableError,
  InvalidIntegrationEventError,
  isNonRetryable,
  isInfrastructureError,
  isTransientConflict,
  errorMessage,
  RecordNotYetKnownError,
  isRecordNotYetKnown,
} from './errors';
export {
  FAILPOINTS,
  FAILPOINT_ENV,
  FAILPOINT_LOG_ENV,
  FailpointError,
  configureFailpoints,
  failpoint,
  parseFailpoints,
  type FailpointName,
  type FailpointRule,
} from './failpoints/failpoint';
export { createKafka, createReliableProducer, nestLogCreator, type KafkaClientOptions } from './kafka/kafka-client';

export { OutboxMessage } from './outbox/outbox-message.entity';
export { prepareOutgoing, type OutgoingMessage } from './outbox/outgoing-event';
export { OutboxWriter } from './outbox/outbox.writer';
export {
  TransactionalOutbox,
  type OutboxTransaction,
  type PublishInput,
  type RunOptions,
  type TransactionalOutboxConfig,
} from './outbox/transactional-outbox';
export { publishAs, type PublishActor, type PublishAsOptions } from './outbox/publish-as';
export {
  OutboxRelay,
  DEFAULT_RELAY_LOCK_KEY,
  type OutboxBacklog,
  type OutboxRelayOptions,
  type RelayRound,
} from './outbox/outbox.relay';
export { OUTBOX_NOTIFY_CHANNEL } from './outbox/outbox-notifications';

export { InboxRecord } from './inbox/inbox-record.entity';
export { hasEarlierParked, ParkedEvent } from './inbox/parked-event.entity';
export { readDeadLetters, replayDeadLetters, type DeadLetterEntry } from './inbox/dead-letter-admin';
export {
  DEAD_LETTER_REASONS,
  deadLetterHeaders,
  deadLetterRecord,
  type DeadLetterReason,
  type DeadLetterRecord,
  type DeadLetterSource,
} from './inbox/dead-letter';
export type {
  HandlerContext,
  IntegrationEventEffect,
  IntegrationEventHandler,
} from './inbox/integration-event-handler';
export {
  IntegrationEventConsumer,
  type ConsumerHealth,
  type ConsumerRetryOptions,
  type ConsumerStatus,
  type IntegrationEventConsumerOptions,
  type ProcessOutcome,
  type ProcessedMessage,
} from './inbox/integration-event.consumer';

export {
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MESSAGING_SCHEMA,
  CreateMessagingTables1764300000000,
  CreateParkedEvents1764900000000,
} from './schema';

export { validateMessagingOptions, type MessagingOptions } from './config/messaging.options';
export { MessagingModule, type MessagingModuleAsyncOptions } from './nest/messaging.module';
export { exitForSupervisor, MessagingRuntime, MESSAGING_CONSUMER } from './nest/messaging.runtime';
export {
  OnIntegrationEvent,
  ON_INTEGRATION_EVENT,
  integrationEventTypesOf,
  OutsideInboxTransaction,
  isOutsideInboxTransaction,
} from './nest/on-integration-event.decorator';
export { KafkaHealthIndicator, type ConsumerSource } from './nest/kafka.health-indicator';
export { APP_CONSUMER_SOURCE, MESSAGING_HEALTH_KAFKA, MESSAGING_KAFKA, MESSAGING_OPTIONS } from './nest/tokens';
