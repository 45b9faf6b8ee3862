import { AGENCY_KINDS, topicOf, type TopicName } from '@casebridge/contracts';

/** Every agency's topic, the court's included: a registered workflow (workflows/src/registry.ts) may listen to any agency's events. */
export const WORKER_CONSUMED_TOPICS: readonly TopicName[] = AGENCY_KINDS.map(topicOf);
