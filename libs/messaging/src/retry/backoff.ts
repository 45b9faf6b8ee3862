/** Exponential backoff: `baseMs * factor^(attempt-1)`, capped at `maxMs`, with optional full jitter. */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Upper bound of one delay. */
  maxMs: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /**
   * Fraction of the delay that is randomised (0 = deterministic, 1 = full jitter in [0, delay]).
   * Default 0: the consumer retries of one message are sequential, nothing to de-synchronise.
   */
  jitter?: number;
}

/**
 * Delay before the next try, after `attempt` failed tries (attempt ≥ 1).
 * `random` is injectable so the jittered variant stays testable.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be an integer ≥ 1 (got ${attempt})`);
  const factor = policy.factor ?? 2;
  const exponential = policy.baseMs * Math.pow(factor, attempt - 1);
  const capped = Math.min(policy.maxMs, Number.isFinite(exponential) ? exponential : policy.maxMs);
  const jitter = Math.min(1, Math.max(0, policy.jitter ?? 0));
  if (jitter === 0) return Math.round(capped);
  return Math.round(capped * (1 - jitter) + capped * jitter * random());
}

/** A sleep that ends early (resolving false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
