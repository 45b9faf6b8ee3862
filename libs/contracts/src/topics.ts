import type { AgencyKind, ProducerKind } from './agency';

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

/**
 * Private topics, one per agency kind, read only by that kind's service: the content of shared entries
 * (sharing.content-delivered, fetch-on-grant). No other consumer group (audit, supervision, the worker) subscribes,
 * so a service that is not entitled never receives, let alone stores, the content.
 */
export const SharingTopics = {
  enforcement: 'casebridge.sharing.enforcement.v1',
  police: 'casebridge.sharing.police.v1',
  procuratorate: 'casebridge.sharing.procuratorate.v1',
  court: 'casebridge.sharing.court.v1',
} as const satisfies Record<AgencyKind, string>;

export type TopicName = (typeof Topics)[keyof typeof Topics] | (typeof SharingTopics)[keyof typeof SharingTopics];

export const TOPIC_PARTITIONS = 3;

/** Every topic the system needs, created up front (auto-creation is off on the broker). */
export const ALL_TOPICS: readonly TopicName[] = [...Object.values(Topics), ...Object.values(SharingTopics)];

export function topicOf(producer: ProducerKind): TopicName {
  return Topics[producer];
}

/** The private sharing topic of an agency kind (sharing.content-delivered for its service only). */
export function sharingTopicOf(kind: AgencyKind): TopicName {
  return SharingTopics[kind];
}
