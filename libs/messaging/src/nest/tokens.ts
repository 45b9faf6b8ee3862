/** The validated MessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('casebridge:messaging-options');
/** The kafkajs `Kafka` client of the app. */
export const MESSAGING_KAFKA = Symbol('casebridge:messaging-kafka');
/** A second kafkajs client for health checks: no connection retries, so a failed check leaves nothing running. */
export const MESSAGING_HEALTH_KAFKA = Symbol('casebridge:messaging-health-kafka');
