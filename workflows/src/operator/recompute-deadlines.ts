/**
 * Operator side of loading an official holiday calendar: signals the running case workflows to recount
 * their open due dates (signal `recomputeDeadlines`) and collects what moved (query
 * `deadlineRecomputations`). Node code (@temporalio/client); `npm run calendar -- load` is its CLI.
 *
 * Which workflows: every running workflow of the case task queue by default (visibility query
 * `ExecutionStatus = 'Running' AND TaskQueue = '<queue>'`), or the given ids. Each workflow recounts
 * only the steps whose due date used one of the years; the worker must already run with the year
 * (CASEBRIDGE_CALENDAR_FILE), else the steps come back failed with CALENDAR_YEAR_NOT_LOADED.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { TaskQueues } from '../task-queues';
import {
  CaseWorkflowSignals,
  DEADLINE_RECOMPUTATIONS_QUERY,
  type CalendarYearRef,
  type DeadlineRecomputation,
  type MovedDueDate,
  type RecomputeDeadlinesSignal,
} from '../shared/deadline.contracts';

export interface RecomputeDeadlinesOptions {
  years: CalendarYearRef[];
  reason?: string;
  /** Default: a fresh UUID. Re-sending the same id to a workflow returns its first answer. */
  requestId?: string;
  /** Signal exactly these workflows instead of listing them. */
  workflowIds?: string[];
  /** Visibility query listing the workflows (default: the running workflows of `taskQueue`). */
  query?: string;
  taskQueue?: string;
  /** How long to wait for each workflow's answer (ms, default 30 000). */
  timeoutMs?: number;
}

export type WorkflowRecomputeStatus = 'recomputed' | 'partly-failed' | 'no-answer' | 'signal-failed';

export interface WorkflowRecomputeReport {
  workflowId: string;
  status: WorkflowRecomputeStatus;
  result?: DeadlineRecomputation;
  error?: string;
}

export interface RecomputeDeadlinesReport {
  requestId: string;
  years: CalendarYearRef[];
  workflows: WorkflowRecomputeReport[];
  /** Every moved due date, with its workflow. */
  moved: Array<MovedDueDate & { workflowId: string }>;
  /** True when every workflow answered and recounted every step it had to. */
  complete: boolean;
}

export function defaultRecomputeQuery(taskQueue: string): string {
  return `ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue.replace(/'/g, "''")}'`;
}

async function listWorkflowIds(client: Client, query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
  return [...new Set(ids)];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function awaitAnswer(
  client: Client,
  workflowId: string,
  requestId: string,
  timeoutMs: number,
): Promise<DeadlineRecomputation | undefined> {
  const handle = client.workflow.getHandle(workflowId);
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const all = await handle.query<DeadlineRecomputation[]>(DEADLINE_RECOMPUTATIONS_QUERY);
      const found = all.find((r) => r.requestId === requestId);
      if (found) return found;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    if (Date.now() > until) return undefined;
    await sleep(200);
  }
}

/** Signals the workflows, waits for each answer and reports the moved due dates. */
export async function recomputeOpenDeadlines(
  client: Client,
  options: RecomputeDeadlinesOptions,
): Promise<RecomputeDeadlinesReport> {
  if (!options.years.length) throw new Error('recomputeOpenDeadlines: no calendar year given');
  const requestId = options.requestId ?? randomUUID();
  const signal: RecomputeDeadlinesSignal = {
    requestId,
    years: options.years,
    ...(options.reason ? { reason: options.reason } : {}),
  };
  const ids =
    options.workflowIds ??
    (await listWorkflowIds(client, options.query ?? defaultRecomputeQuery(options.taskQueue ?? TaskQueues.cases)));
  const workflows = await Promise.all(
    ids.map(async (workflowId): Promise<WorkflowRecomputeReport> => {
      try {
        await client.workflow.getHandle(workflowId).signal(CaseWorkflowSignals.recomputeDeadlines, signal);
      } catch (err) {
        return { workflowId, status: 'signal-failed', error: (err as Error).message };
      }
      try {
        const result = await awaitAnswer(client, workflowId, requestId, options.timeoutMs ?? 30_000);
        if (!result)
          return { workflowId, status: 'no-answer', error: 'no answer to the recomputeDeadlines signal in time' };
        return { workflowId, status: result.failed.length ? 'partly-failed' : 'recomputed', result };
      } catch (err) {
        return { workflowId, status: 'no-answer', error: (err as Error).message };
      }
    }),
  );
  return {
    requestId,
    years: options.years,
    workflows,
    moved: workflows.flatMap((w) => (w.result?.moved ?? []).map((m) => ({ workflowId: w.workflowId, ...m }))),
    complete: workflows.every((w) => w.status === 'recomputed'),
  };
}
