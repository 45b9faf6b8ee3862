/** Loading, recomputing and saving steps: the one place where the stored status is derived. */
import type { EntityManager } from 'typeorm';
import { computeStepStatus, type RuleTiming } from '../domain/status';
import { scopeKeys, splitAgencyId } from '../domain/region';
import { RuleTimingRow, StepDuration, SupervisionStep } from './entities';

export async function loadTiming(manager: EntityManager, ruleId: string): Promise<RuleTiming | null> {
  const row = await manager.findOneBy(RuleTimingRow, { ruleId });
  return row ? { samples: row.samples, p95Ms: row.p95Ms } : null;
}

/** Sets owing kind/region and scope keys from the owing agency id and the case origin region. */
export function placeStep(step: SupervisionStep, owingAgencyId: string, originRegion: string | null): void {
  const owing = splitAgencyId(owingAgencyId);
  step.owingAgencyId = owingAgencyId;
  step.owingKind = owing.kind;
  step.owingRegion = owing.region;
  step.originRegion = originRegion;
  step.scopeKeys = scopeKeys(owing.region, originRegion);
}

/** Recomputes the derived columns; true when any of them changed. */
export function refreshStatus(
  step: SupervisionStep,
  now: Date,
  timing: RuleTiming | null,
  minSamples: number,
): boolean {
  const c = computeStepStatus(step, { now, timing, minSamples });
  const changed =
    step.status !== c.status ||
    step.stuck !== c.stuck ||
    (step.stuckReasons ?? []).join() !== c.stuckReasons.join() ||
    step.waitingOnReceipt !== c.waitingOnReceipt ||
    (step.nextChangeAt?.getTime() ?? null) !== (c.nextChangeAt?.getTime() ?? null);
  step.status = c.status;
  step.stuck = c.stuck;
  step.stuckReasons = c.stuckReasons;
  step.waitingOnReceipt = c.waitingOnReceipt;
  step.nextChangeAt = c.nextChangeAt;
  return changed;
}

export async function saveStep(
  manager: EntityManager,
  step: SupervisionStep,
  now: Date,
  minSamples: number,
): Promise<void> {
  refreshStatus(step, now, await loadTiming(manager, step.ruleId), minSamples);
  step.updatedAt = now;
  await manager.save(SupervisionStep, step);
}

const P95_SAMPLE_WINDOW = 500;

/**
 * Records how long a closed step took (met/late only: moot and suspended steps say nothing about how
 * long the act takes) and refreshes the rule's p95 over its latest 500 closings. When the idle
 * threshold of the rule changes noticeably, open steps of the rule are queued for the sweeper.
 */
export async function recordDuration(
  manager: EntityManager,
  step: SupervisionStep,
  closedAt: Date,
  minSamples: number,
): Promise<void> {
  const durationMs = Math.max(0, closedAt.getTime() - step.since.getTime());
  await manager
    .createQueryBuilder()
    .insert()
    .into(StepDuration)
    .values({ stepId: step.stepId, ruleId: step.ruleId, durationMs, closedAt })
    .orUpdate(['duration_ms', 'closed_at'], ['step_id'])
    .execute();
  const before = await loadTiming(manager, step.ruleId);
  const [stats] = (await manager.query(
    `SELECT count(*)::int AS samples, percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
       FROM (SELECT duration_ms FROM supervision_step_duration WHERE rule_id = $1 ORDER BY closed_at DESC LIMIT ${P95_SAMPLE_WINDOW}) d`,
    [step.ruleId],
  )) as { samples: number; p95: number | null }[];
  const after = { samples: stats!.samples, p95Ms: stats!.p95 === null ? null : Number(stats!.p95) };
  await manager
    .createQueryBuilder()
    .insert()
    .into(RuleTimingRow)
    .values({ ruleId: step.ruleId, samples: after.samples, p95Ms: after.p95Ms, updatedAt: new Date() })
    .orUpdate(['samples', 'p95_ms', 'updated_at'], ['rule_id'])
    .execute();
  const crossed = (before?.samples ?? 0) < minSamples && after.samples >= minSamples;
  const moved =
    after.samples >= minSamples &&
    before?.p95Ms &&
    after.p95Ms !== null &&
    Math.abs(after.p95Ms - before.p95Ms) / before.p95Ms > 0.05;
  if (crossed || moved) {
    await manager.query(`UPDATE supervision_step SET next_change_at = now() WHERE rule_id = $1 AND closed_at IS NULL`, [
      step.ruleId,
    ]);
  }
}
