import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AgencyInboxItem } from './inbox-item.entity';

export const INBOX_RETENTION_DAYS = Symbol('INBOX_RETENTION_DAYS');
export const DEFAULT_INBOX_RETENTION_DAYS = 90;
const PRUNE_EVERY_MS = 3_600_000;

/** INBOX_RETENTION_DAYS (whole days, 1–3650, default 90): how long done items stay listed under ?status=done. */
export function inboxRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.INBOX_RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_INBOX_RETENTION_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 3650) {
    throw new Error(`INBOX_RETENTION_DAYS must be a whole number of days between 1 and 3650 (got "${raw}")`);
  }
  return n;
}

/**
 * The inbox forgets: done items closed more than the retention period ago are deleted at start-up and
 * hourly. Open and suspended items are never pruned (they are owed, or will be again). The cross-agency
 * history of a case lives in the audit ledger, not here.
 */
@Injectable()
export class InboxRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboxRetention.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(INBOX_RETENTION_DAYS) readonly retentionDays: number,
  ) {}

  onApplicationBootstrap(): void {
    void this.pruneSafely();
    this.timer = setInterval(() => void this.pruneSafely(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes done items closed before `now - retention`; returns how many. */
  async prune(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000);
    const result = await this.ds
      .createQueryBuilder()
      .delete()
      .from(AgencyInboxItem)
      .where('state = :done AND closed_at < :cutoff', { done: 'done', cutoff })
      .execute();
    return result.affected ?? 0;
  }

  private async pruneSafely(): Promise<void> {
    try {
      const n = await this.prune();
      if (n) this.logger.log(`pruned ${n} done inbox item(s) closed more than ${this.retentionDays} days ago`);
    } catch (err) {
      this.logger.warn(`inbox pruning failed (retried within the hour): ${(err as Error).message}`);
    }
  }
}
