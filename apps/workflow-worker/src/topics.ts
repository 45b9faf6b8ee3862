import { AGENCY_KINDS, topicOf, Topics, type TopicName } from '@casebridge/contracts';

/**
 * Every agency's topic, the court's included, and the supervisors' (joint supervision: supervision.joint-listed and
 * the joint meetings start and drive jointSupervisionWorkflow): a registered workflow (workflows/src/registry.ts) may
 * listen to any of them.
 */
export const WORKER_CONSUMED_TOPICS: readonly TopicName[] = [...AGENCY_KINDS.map(topicOf), Topics.supervision];
