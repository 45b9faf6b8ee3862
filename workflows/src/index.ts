// Every workflow the worker runs. Deterministic code only: activities are imported as types.
export * from './smoke/smoke.workflow';
