/** Task queues (dependency-free, importable from workflow code, apps and tests). */
export const TaskQueues = {
  cases: 'casebridge-cases',
} as const;
