import type { ProducerKind } from './agency';

/**
 * Kafka topics. One topic per producer, versioned in the name; the linked-case id is the message key,
 * so all events of one case keep their order within a partition.
 * A breaking change of the topic layout gets a new topic (…v2) beside the old one.
 */
export const Topics = {
  enforcement: 'casebridge.enforcement.events.v1',
  police: 'casebridge.police.events.v1',
  procuratorate: 'casebridge.procuratorate.events.v1',
  court: 'casebridge.court.events.v1',
  workflow: 'casebridge.workflow.events.v1',
  supervision: 'casebridge.supervision.events.v1',
  audit: 'casebridge.audit.events.v1',
  deadLetter: 'casebridge.dead-letter.v1',
} as const satisfies Record<ProducerKind | 'deadLetter', string>;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export const TOPIC_PARTITIONS = 3;

/** Every topic the system needs, created up front (auto-creation is off on the broker). */
export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

export function topicOf(producer: ProducerKind): TopicName {
  return Topics[producer];
}
