import { DEFAULT_WORKFLOW_CACHE_SIZE, defaultWorkflowCacheSize, workflowThreadOptions } from './worker-thread';

describe('workflowThreadOptions: the workflow thread of a worker', () => {
  it('bounds the sticky cache by default, below the SDK default of a 4 GiB heap (2,310 executions)', () => {
    const options = workflowThreadOptions();
    expect(options.maxCachedWorkflows).toBe(DEFAULT_WORKFLOW_CACHE_SIZE);
    expect(options.maxCachedWorkflows).toBeLessThanOrEqual(1_000);
  });

  it('takes a configured cache size', () => {
    expect(workflowThreadOptions(40).maxCachedWorkflows).toBe(40);
  });

  it('gives an activation 30 s of wall-clock time before the sandbox terminates it (SDK default 5 s)', () => {
    expect(workflowThreadOptions().isolateExecutionTimeout).toBe('30s');
  });

  it.each([0, 1, 2.5, Number.NaN, -3])('refuses a cache size of %p', (size) => {
    expect(() => workflowThreadOptions(size)).toThrow(RangeError);
  });

  it('caches 1,000 executions where AsyncLocalStorage rides on AsyncContextFrame (Node 24+), 100 where it uses async hooks', () => {
    expect(defaultWorkflowCacheSize('24.22.3', [])).toBe(1_000);
    expect(defaultWorkflowCacheSize('26.1.0', ['--enable-source-maps'])).toBe(1_000);
    expect(defaultWorkflowCacheSize('24.22.3', ['--no-async-context-frame'])).toBe(100);
    expect(defaultWorkflowCacheSize('20.20.2', [])).toBe(100);
    expect(DEFAULT_WORKFLOW_CACHE_SIZE).toBe(defaultWorkflowCacheSize(process.versions.node, process.execArgv));
  });
});
