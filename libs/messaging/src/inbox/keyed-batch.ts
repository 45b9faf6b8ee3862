/**
 * The pure part of consuming one partition's batch key by key: grouping by Kafka key (the linked case),
 * running the groups with bounded concurrency (each group in offset order), and the offset that may be
 * committed (everything below it is done). No kafkajs, no I/O: unit-tested in keyed-batch.spec.ts.
 */

/** A message as far as ordering goes: its offset (a decimal string, as kafkajs gives it) and key. */
export interface KeyedItem {
  offset: string;
  key: Buffer | string | null;
}

const NULL_KEY = '\u0000null';

/** Groups items by key, keeping the batch order inside each group and the order of first appearance. */
export function groupByKey<T extends KeyedItem>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.key === null ? NULL_KEY : typeof item.key === 'string' ? item.key : item.key.toString('latin1');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(item);
  }
  return [...groups.values()];
}

/**
 * Runs `fn` over every item, the groups concurrently (at most `concurrency` at a time, in the order given),
 * the items of one group one after another. A group stops at its first failure (its later items are not
 * run: they must not overtake it); the other groups go on. `shouldContinue` is asked before each item
 * (false: the rest is left undone, e.g. the partition was revoked). Resolves with the first failure, if any.
 */
export async function runGroups<T>(
  groups: readonly (readonly T[])[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
  shouldContinue: () => boolean = () => true,
): Promise<{ error?: unknown }> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`concurrency must be an integer ≥ 1 (got ${concurrency})`);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < groups.length) {
      const group = groups[next++]!;
      for (const item of group) {
        if (!shouldContinue()) return;
        try {
          await fn(item);
        } catch (error) {
          failure ??= { error };
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  return failure ?? {};
}

/**
 * Tracks which offsets of one partition's batch are done, in any order, and yields the offset to commit:
 * the lowest offset not done yet (Kafka's committed offset is the next one to read), so a restart
 * re-reads everything unfinished and nothing unfinished is skipped. Offsets done above an unfinished one
 * are re-read then (the inbox makes them duplicates).
 */
export class OffsetWatermark {
  private readonly offsets: bigint[];
  private readonly index = new Map<string, number>();
  private readonly done: boolean[];
  private lowest = 0; // index of the lowest offset not done
  private reported: bigint | undefined;

  /** `offsets`: the batch's offsets in ascending order. */
  constructor(offsets: readonly string[]) {
    this.offsets = offsets.map((o) => BigInt(o));
    this.done = this.offsets.map(() => false);
    this.offsets.forEach((o, i) => {
      if (i > 0 && o <= this.offsets[i - 1]!) throw new Error('OffsetWatermark: offsets must be ascending');
      this.index.set(o.toString(), i);
    });
  }

  /** Marks `offset` as done (idempotent). Throws for an offset not in the batch. */
  markDone(offset: string): void {
    const i = this.index.get(BigInt(offset).toString());
    if (i === undefined) throw new Error(`offset ${offset} is not in this batch`);
    this.done[i] = true;
    while (this.lowest < this.offsets.length && this.done[this.lowest]) this.lowest++;
  }

  /** The offset to commit now (lowest not done, or one past the last when all are done); undefined while nothing is done. */
  get commitOffset(): string | undefined {
    if (this.lowest === 0) return undefined;
    return this.lowest < this.offsets.length
      ? this.offsets[this.lowest]!.toString()
      : (this.offsets.at(-1)! + 1n).toString();
  }

  /** The last offset of the done prefix (what kafkajs `resolveOffset` takes), or undefined. */
  get resolvedOffset(): string | undefined {
    return this.lowest === 0 ? undefined : this.offsets[this.lowest - 1]!.toString();
  }

  /** The commit offset if it moved since the previous call, else undefined (one commit per advance). */
  takeAdvance(): string | undefined {
    const offset = this.commitOffset;
    if (offset === undefined || (this.reported !== undefined && BigInt(offset) <= this.reported)) return undefined;
    this.reported = BigInt(offset);
    return offset;
  }
}

/**
 * A counting semaphore: at most `limit` holders at a time, the waiters served in arrival order. Bounds the
 * messages in flight across every partition of a consumer (each holds a pooled connection while it runs).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be an integer ≥ 1 (got ${limit})`);
  }

  /** Runs `fn` once a slot is free; the slot is released when it settles. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes to the next waiter
      else this.active--;
    }
  }
}
