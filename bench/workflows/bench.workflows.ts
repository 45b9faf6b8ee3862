// Workflow bundle entry of bench/workflows: every workflow of the worker (workflows/src/index.ts) and the raw
// baseline workflow.
export * from '../../workflows/src/index';
export { rawTimerWorkflow } from './raw.workflow';
