import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThanOrEqual, type DataSource } from 'typeorm';
import { notifyChange } from '../live/change-feed';
import { SupervisionSettings } from '../settings';
import { SupervisionStep } from './entities';
import { loadTiming, refreshStatus, rescanRules } from './step-store';
import type { RuleTiming } from '../domain/status';

/**
 * Applies the status changes that time alone brings (on-time → warning → overdue, idle past p95):
 * every SUPERVISION_SWEEP_MS it recomputes the open steps whose `next_change_at` has come (an index
 * scan, however many steps are open), and drops closed steps past the retention. Several replicas are
 * safe (FOR UPDATE SKIP LOCKED).
 */
/** Small transactions: each holds few rows (and few tally rows) locked, so it rarely waits on the consumer. */
const BATCH = 100;

@Injectable()
export class StatusSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StatusSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastPurge = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: SupervisionSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      void this.tick();
    }, this.settings.sweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.sweep()
      .then(
        () => undefined,
        (e: unknown) => {
          this.logger.warn(`status sweep failed: ${(e as Error).message}`);
        },
      )
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }

  /** One round (first the rules whose idle threshold moved: `rescanRules`); returns how many steps changed. */
  async sweep(now: Date = new Date()): Promise<number> {
    // a failed rescan (the database busy, say) is tried again next sweep: it must not hold up the due steps
    await rescanRules(this.ds, now).catch((e: unknown) =>
      this.logger.warn(`rescan of rules whose p95 moved failed: ${(e as Error).message}`),
    );
    let changed = 0;
    for (;;) {
      const n = await this.ds.transaction(async (manager) => {
        const due = await manager
          .createQueryBuilder(SupervisionStep, 's')
          .where('s.closed_at IS NULL AND s.next_change_at <= :now', { now })
          .orderBy('s.next_change_at', 'ASC')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        const timings = new Map<string, RuleTiming | null>();
        const byCase = new Map<string, { stepIds: string[]; keys: Set<string> }>();
        for (const s of due) {
          if (!timings.has(s.ruleId)) timings.set(s.ruleId, await loadTiming(manager, s.ruleId));
          const before = s.status + s.stuckReasons.join();
          refreshStatus(s, now, timings.get(s.ruleId)!, this.settings.idleMinSamples);
          await manager.update(
            SupervisionStep,
            { stepId: s.stepId },
            {
              status: s.status,
              stuck: s.stuck,
              stuckReasons: s.stuckReasons,
              waitingOnReceipt: s.waitingOnReceipt,
              nextChangeAt: s.nextChangeAt,
              updatedAt: now,
            },
          );
          if (before !== s.status + s.stuckReasons.join()) {
            const entry = byCase.get(s.linkedCaseId) ?? { stepIds: [], keys: new Set<string>() };
            entry.stepIds.push(s.stepId);
            s.scopeKeys.forEach((k) => entry.keys.add(k));
            byCase.set(s.linkedCaseId, entry);
          }
        }
        for (const [linkedCaseId, v] of byCase) {
          await notifyChange(manager, { kind: 'status', linkedCaseId, stepIds: v.stepIds, scopeKeys: [...v.keys] });
        }
        changed += [...byCase.values()].reduce((a, v) => a + v.stepIds.length, 0);
        return due.length;
      });
      if (n < BATCH) break;
    }
    if (now.getTime() - this.lastPurge > 3_600_000) {
      this.lastPurge = now.getTime();
      const cutoff = new Date(now.getTime() - this.settings.closedRetentionDays * 86_400_000);
      await this.ds.getRepository(SupervisionStep).delete({ closedAt: LessThanOrEqual(cutoff) });
    }
    return changed;
  }
}
