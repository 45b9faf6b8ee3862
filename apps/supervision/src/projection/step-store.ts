/** Loading, recomputing and saving steps: the one place where the stored status is derived. */
import type { DataSource, EntityManager } from 'typeorm';
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
 * threshold of the rule changes noticeably, the rule is marked for a rescan (`rescan_requested_at`):
 * the sweeper re-reads its open steps (`rescanRules`). The closing transaction itself touches no other
 * step: it holds the rule's timing row, and another closing of the same rule holds its own step and
 * waits for that row, so updating the rule's open steps here deadlocked (40P01, issue 14).
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
  const crossed = (before?.samples ?? 0) < minSamples && after.samples >= minSamples;
  const moved =
    after.samples >= minSamples &&
    !!before?.p95Ms &&
    after.p95Ms !== null &&
    Math.abs(after.p95Ms - before.p95Ms) / before.p95Ms > 0.05;
  await manager.query(
    `INSERT INTO supervision_rule_timing (rule_id, samples, p95_ms, updated_at, rescan_requested_at)
       VALUES ($1, $2, $3, now(), CASE WHEN $4::boolean THEN clock_timestamp() END)
     ON CONFLICT (rule_id) DO UPDATE SET samples = EXCLUDED.samples, p95_ms = EXCLUDED.p95_ms,
       updated_at = EXCLUDED.updated_at,
       rescan_requested_at = COALESCE(EXCLUDED.rescan_requested_at, supervision_rule_timing.rescan_requested_at)`,
    [step.ruleId, after.samples, after.p95Ms, crossed || moved],
  );
}

/**
 * The sweeper's part of a moved threshold: for each rule marked by `recordDuration`, sets `next_change_at` to the
 * sweep's `now` on the rule's open steps not saved since the mark (`updated_at` before it) and not already nudged, so
 * the status sweep that follows (same `now`) recomputes them with the new p95 — and saves them, which takes them out of
 * the next pass. Each rule in its own statement, which locks only step rows and skips those a projection transaction
 * holds (FOR NO KEY UPDATE SKIP LOCKED): it waits on no step, so it takes part in no lock cycle. The mark is cleared in
 * a second statement (which may wait on the rule's timing row while a closing holds it, holding nothing itself) only
 * when no pending step was skipped and nobody marked the rule again meanwhile; otherwise the next sweep goes on with
 * the steps still pending. Returns the steps nudged.
 */
export async function rescanRules(ds: DataSource, now: Date): Promise<number> {
  // the mark as text: microseconds, which a JS Date would cut to milliseconds (and never match again)
  const marked = (await ds.query(
    `SELECT rule_id, rescan_requested_at::text AS mark FROM supervision_rule_timing WHERE rescan_requested_at IS NOT NULL`,
  )) as { rule_id: string; mark: string }[];
  let nudged = 0;
  for (const r of marked) {
    const [counts] = (await ds.query(
      `WITH pending AS (
         SELECT step_id FROM supervision_step
          WHERE rule_id = $1 AND closed_at IS NULL AND updated_at < $3::timestamptz
            AND (next_change_at IS NULL OR next_change_at > $2)),
       locked AS (
         SELECT step_id FROM supervision_step WHERE step_id IN (SELECT step_id FROM pending)
            FOR NO KEY UPDATE SKIP LOCKED),
       nudged AS (
         UPDATE supervision_step s SET next_change_at = $2 FROM locked WHERE s.step_id = locked.step_id RETURNING 1)
       SELECT (SELECT count(*)::int FROM nudged) AS nudged, (SELECT count(*)::int FROM pending) AS pending`,
      [r.rule_id, now, r.mark],
    )) as { nudged: number; pending: number }[];
    nudged += counts!.nudged;
    if (counts!.nudged >= counts!.pending)
      await ds.query(
        `UPDATE supervision_rule_timing SET rescan_requested_at = NULL WHERE rule_id = $1 AND rescan_requested_at = $2::timestamptz`,
        [r.rule_id, r.mark],
      );
  }
  return nudged;
}
