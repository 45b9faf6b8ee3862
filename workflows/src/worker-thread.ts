/**
 * Workflow-thread options of a worker: the sticky cache size and the sandbox's execution timeout — Node side, never
 * imported by workflow code. Used by the workflow worker (apps/workflow-worker) and bench/workflows.
 *
 * Why the cache is bounded (issue 14, bench/workflows): every cached execution has its own instances of the sandbox's
 * modules, and with them about one enabled `AsyncLocalStorage` in the worker's workflow thread (counted in the bench's
 * worker: 102 enabled with the cache at 100; they are disabled when the execution leaves the cache). On Node 20 an
 * enabled `AsyncLocalStorage` is an async hook that writes one property onto every promise created in that thread, so
 * each `await` of every workflow costs more the more executions are cached: 0.4 µs with none, 19 µs with 100, 151 µs
 * with 1,000, 1.5 ms with 4,000, 10.7 ms with 8,000 (N storages enabled, 20,000 sequential awaits, Node 20.20, quiet
 * machine). The SDK's default cache follows the heap size (2,310 executions with a 4 GiB heap), so a few thousand open
 * workflows made single activations take seconds, and more on a CPU-starved machine.
 *
 * Why the timeout is raised: an activation that passes `isolateExecutionTimeout` (wall-clock time; SDK default 5 s) is
 * terminated by V8 between a promise's before and after hooks, and because async hooks are enabled Node then aborts the
 * whole worker process with `async hook stack has become corrupted (actual: <a promise's async id>, expected: 4)`
 * (temporalio/sdk-typescript#939; nodejs/node#38503; the same abort reproduced with a bare vm context in
 * `microtaskMode: 'afterEvaluate'`, one enabled AsyncLocalStorage and a timed-out microtask). So the timeout does not
 * fail one workflow task, it kills the worker; on a shared, overloaded machine 5 s of wall-clock time is reached by
 * ordinary activations. 30 s keeps it as the guard against a runaway loop.
 *
 * An execution evicted from the cache is rebuilt by replaying its history when its next task (a signal, a timer)
 * arrives: a replay, whose cost grows with the history, so a workflow that takes many signals pays it again and again.
 *
 * Node 24 propagates `AsyncLocalStorage` through AsyncContextFrame instead of async hooks (its default since 24.0), so
 * an enabled storage costs nothing per promise: 0.18, 0.15, 0.09, 0.09 µs per await with 0, 100, 1,000 and 4,000
 * enabled (the micro-bench above, Node 24.22). There the cache is bounded by memory only — about 0.65 MiB per cached
 * execution (bench:workflows, 2,000 open transfers: worker RSS 2,125 MiB with all cached, 833 MiB with 100) — and the
 * default is 1,000. On a runtime that still uses async hooks (Node < 24, or `--no-async-context-frame`) it stays 100.
 */
export function defaultWorkflowCacheSize(
  nodeVersion: string = process.versions.node,
  execArgv: readonly string[] = process.execArgv,
): number {
  const asyncContextFrame = Number(nodeVersion.split('.')[0]) >= 24 && !execArgv.includes('--no-async-context-frame');
  return asyncContextFrame ? 1_000 : 100;
}

/** The cache size of this runtime (see defaultWorkflowCacheSize): 1,000 executions on Node 24+, 100 before. */
export const DEFAULT_WORKFLOW_CACHE_SIZE = defaultWorkflowCacheSize();

/** The sandbox's execution timeout per activation (wall clock), see above. */
export const WORKFLOW_ISOLATE_EXECUTION_TIMEOUT = '30s';

/**
 * Worker options of the workflow thread: `maxCachedWorkflows` = `cacheSize` (executions; DEFAULT_WORKFLOW_CACHE_SIZE
 * when undefined) and `isolateExecutionTimeout`. Throws a RangeError for a cache size that is not an integer ≥ 2.
 */
export function workflowThreadOptions(cacheSize?: number): {
  maxCachedWorkflows: number;
  isolateExecutionTimeout: string;
} {
  const maxCachedWorkflows = cacheSize ?? DEFAULT_WORKFLOW_CACHE_SIZE;
  if (!Number.isInteger(maxCachedWorkflows) || maxCachedWorkflows < 2)
    throw new RangeError(`workflow cache size must be an integer ≥ 2, got ${maxCachedWorkflows}`);
  return { maxCachedWorkflows, isolateExecutionTimeout: WORKFLOW_ISOLATE_EXECUTION_TIMEOUT };
}
