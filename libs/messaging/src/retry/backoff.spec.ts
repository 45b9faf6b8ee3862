import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 200, maxMs: 10_000 };

  it('doubles from the base delay after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy))).toEqual([200, 400, 800, 1600, 3200]);
  });

  it('is capped at maxMs, also for huge attempt numbers', () => {
    expect(backoffDelay(7, policy)).toBe(10_000);
    expect(backoffDelay(5000, policy)).toBe(10_000);
  });

  it('supports another growth factor', () => {
    expect([1, 2, 3].map((a) => backoffDelay(a, { ...policy, factor: 3 }))).toEqual([200, 600, 1800]);
  });

  it('with jitter stays within [delay·(1-jitter), delay]', () => {
    expect(backoffDelay(3, { ...policy, jitter: 0.5 }, () => 0)).toBe(400);
    expect(backoffDelay(3, { ...policy, jitter: 0.5 }, () => 0.999999)).toBe(800);
    expect(backoffDelay(3, { ...policy, jitter: 1 }, () => 0)).toBe(0);
  });

  it('rejects attempt numbers below 1', () => {
    expect(() => backoffDelay(0, policy)).toThrow(/attempt/);
    expect(() => backoffDelay(1.5, policy)).toThrow(/attempt/);
  });
});

describe('sleep', () => {
  it('ends early, resolving false, when aborted', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const p = sleep(10_000, abort.signal);
    abort.abort();
    await expect(p).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(sleep(1)).resolves.toBe(true);
  });
});
