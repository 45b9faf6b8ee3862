// Workflow bundle entry: every workflow the worker runs, and nothing else (the worker registers every
// exported function as a workflow type). Deterministic code only: activities are imported as types.
// Activities, the Kafka→Temporal bridge and other Node-side code: ./node.ts.
export * from './smoke/smoke.workflow';
export { caseTransferWorkflow } from './transfer/case-transfer.workflow';
export { filingSupervisionWorkflow } from './filing-supervision/filing-supervision.workflow';
export { penaltyPeriodWorkflow } from './penalty/penalty.workflow';
export { courtCaseWorkflow } from './court/court-case.workflow';
export { prosecutionWorkflow } from './prosecution/prosecution.workflow';
export { caseNotificationWorkflow } from './notification/notification.workflow';
export { caseConsultationWorkflow } from './consultation/consultation.workflow';
export { jointSupervisionWorkflow } from './joint-supervision/joint-supervision.workflow';
export { pilCaseWorkflow } from './pil/pil.workflow';
export { edcConsultationWorkflow } from './edc/edc.workflow';
export { sharingWorkflow } from './sharing/sharing.workflow';
