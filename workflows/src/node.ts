// Node-side entry of @casebridge/workflows (NOT workflow-safe: legal-time, class-validator, uuid,
// @temporalio/client): activities for the worker, the Kafka→Temporal bridge, and the public contracts.
// The workflow bundle entry is ./index.ts.
export * from './activities/case-activities.contracts';
export * from './activities/case-activities';
export * from './bridge/route-event';
export * from './bridge/temporal-bridge';
export * from './shared/deadline.contracts';
export * from './transfer/transfer.contracts';
export * from './filing-supervision/filing-supervision.contracts';
export * from './penalty/penalty.contracts';
export * from './search-attributes';
export * from './task-queues';
export * from './operator/recompute-deadlines';
export * from './bridge/workflow-registration';
export * from './registry';
