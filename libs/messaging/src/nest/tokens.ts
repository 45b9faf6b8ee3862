/** The validated MessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('casebridge:messaging-options');
/** The kafkajs `Kafka` client of the app. */
export const MESSAGING_KAFKA = Symbol('casebridge:messaging-kafka');
/** A second kafkajs client for health checks: no connection retries, so a failed check leaves nothing running. */
export const MESSAGING_HEALTH_KAFKA = Symbol('casebridge:messaging-health-kafka');
/**
 * A consumer group an app builds itself instead of through MessagingModule (audit's ledger ingestion):
 * provide an object of shape `ConsumerSource` under this token and the `casebridge_consumer_lag` metric reports
 * it as it reports MessagingModule's consumer, and KafkaHealthIndicator's /health check reports its state.
 */
export const APP_CONSUMER_SOURCE = Symbol('casebridge:app-consumer-source');
