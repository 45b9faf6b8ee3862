import { groupByKey, OffsetWatermark, runGroups, Semaphore } from './keyed-batch';

const item = (offset: number, key: string | null) => ({ offset: String(offset), key });
const tick = () => new Promise((r) => setImmediate(r));

describe('groupByKey', () => {
  it('keeps batch order inside a key and the order of first appearance across keys', () => {
    const groups = groupByKey([item(0, 'a'), item(1, 'b'), item(2, 'a'), item(3, null), item(4, 'b'), item(5, null)]);
    expect(groups.map((g) => g.map((m) => m.offset))).toEqual([
      ['0', '2'],
      ['1', '4'],
      ['3', '5'],
    ]);
  });

  it('groups Buffer keys by their bytes', () => {
    const groups = groupByKey([
      { offset: '0', key: Buffer.from('x') },
      { offset: '1', key: Buffer.from('y') },
      { offset: '2', key: Buffer.from('x') },
    ]);
    expect(groups.map((g) => g.map((m) => m.offset))).toEqual([['0', '2'], ['1']]);
  });
});

describe('runGroups', () => {
  it('runs the items of one key in order, never two of one key at a time, and different keys in parallel up to the bound', async () => {
    const groups = groupByKey(Array.from({ length: 40 }, (_, i) => item(i, `k${i % 5}`)));
    const running = new Set<string>();
    let maxParallel = 0;
    const seen = new Map<string, number[]>();
    await runGroups(groups, 3, async (m) => {
      expect(running.has(m.key!)).toBe(false);
      running.add(m.key!);
      maxParallel = Math.max(maxParallel, running.size);
      for (let i = 0; i < (Number(m.offset) * 7) % 4; i++) await tick(); // uneven durations
      seen.set(m.key!, [...(seen.get(m.key!) ?? []), Number(m.offset)]);
      running.delete(m.key!);
    });
    expect(maxParallel).toBe(3);
    for (const [key, offsets] of seen) {
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(offsets).toHaveLength(8);
      expect(offsets.every((o) => `k${o % 5}` === key)).toBe(true);
    }
  });

  it('stops a key at its first failure and lets the other keys finish; reports the first failure', async () => {
    const done: string[] = [];
    const result = await runGroups(
      groupByKey([item(0, 'a'), item(1, 'b'), item(2, 'a'), item(3, 'b'), item(4, 'a')]),
      2,
      async (m) => {
        if (m.offset === '2') throw new Error('boom at 2');
        await tick();
        done.push(m.offset);
      },
    );
    expect((result.error as Error).message).toBe('boom at 2');
    expect(done.sort()).toEqual(['0', '1', '3']); // 4 (key a, after the failed 2) never ran
  });

  it('leaves the rest undone once shouldContinue says no', async () => {
    const done: string[] = [];
    let stop = false;
    await runGroups(
      groupByKey([item(0, 'a'), item(1, 'a'), item(2, 'a')]),
      1,
      async (m) => {
        done.push(m.offset);
        stop = true;
      },
      () => !stop,
    );
    expect(done).toEqual(['0']);
  });

  it('refuses a concurrency below 1', async () => {
    await expect(runGroups([], 0, async () => undefined)).rejects.toThrow('concurrency');
  });
});

describe('OffsetWatermark', () => {
  it('commits only behind the lowest unfinished offset, whatever order the offsets finish in', () => {
    const w = new OffsetWatermark(['10', '11', '12', '13']);
    expect(w.commitOffset).toBeUndefined();
    w.markDone('12');
    w.markDone('11');
    expect(w.commitOffset).toBeUndefined(); // 10 is not done: nothing may be committed
    expect(w.takeAdvance()).toBeUndefined();
    w.markDone('10');
    expect(w.commitOffset).toBe('13');
    expect(w.resolvedOffset).toBe('12');
    expect(w.takeAdvance()).toBe('13');
    expect(w.takeAdvance()).toBeUndefined(); // no new advance
    w.markDone('13');
    expect(w.takeAdvance()).toBe('14'); // all done: one past the last
    expect(w.resolvedOffset).toBe('13');
  });

  it('handles gaps in the offsets (compacted topics, control records) and offsets beyond 2^53', () => {
    const big = 2n ** 60n;
    const w = new OffsetWatermark([String(big), String(big + 5n), String(big + 9n)]);
    w.markDone(String(big + 5n));
    w.markDone(String(big));
    expect(w.commitOffset).toBe(String(big + 9n));
    w.markDone(String(big + 9n));
    w.markDone(String(big + 9n)); // idempotent
    expect(w.commitOffset).toBe(String(big + 10n));
  });

  it('refuses offsets not in the batch and unordered batches', () => {
    expect(() => new OffsetWatermark(['3', '2'])).toThrow('ascending');
    expect(() => new OffsetWatermark(['1']).markDone('2')).toThrow('not in this batch');
  });
});

describe('Semaphore', () => {
  it('never lets more than `limit` run, serves waiters in order, and frees the slot of a failure', async () => {
    const sem = new Semaphore(2);
    let running = 0;
    let max = 0;
    const order: number[] = [];
    const task = (i: number) =>
      sem.run(async () => {
        running++;
        max = Math.max(max, running);
        await tick();
        order.push(i);
        running--;
        if (i === 1) throw new Error('fails');
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(task));
    expect(max).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    await expect(sem.run(async () => 'free')).resolves.toBe('free');
  });
});
