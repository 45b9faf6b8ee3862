/**
 * Status of a statutory step as the supervisor console shows it. Pure: "now" and the rule statistics
 * are inputs, so the rules are table-tested (status.spec.ts).
 *
 * status (one value, the colour of the row), by precedence:
 *   closed   the step ended (deadline.closed, or the owed act seen in an agency event)
 *   overdue  the clock ran out: the workflow reported deadline.missed for the current due date, or
 *            now ≥ dueAt (the wall clock catches up when the worker is down)
 *   stuck    not overdue, but open longer than the p95 of how long closed steps of the same rule
 *            took (idle rule; only with ≥ minSamples observations, default 20)
 *   warning  the workflow sent deadline.warning for the current due date, or less than the warning
 *            lead remains (24 hours, at most a third of the period: the workflows' default)
 *   on-time  otherwise
 *
 * stuck (flag, flows.md: "stuck = overdue, or no receipt, or idle far longer than usual"): true when
 * any of the reasons holds; stuckReasons lists them:
 *   overdue     the clock ran out (as above)
 *   no-receipt  a transfer.receipt step ran out: the police never signed the receipt (回执) of a transfer
 *               within the transfer.receipt policy window (R310 art 7; E17 art 7)
 *   idle-p95    open longer than the p95 of its rule (as above)
 * So `status` answers "which colour", `stuck` answers "does a supervisor need to press here".
 */

export type StepStatus = 'on-time' | 'warning' | 'overdue' | 'stuck' | 'closed';
export const STEP_STATUSES: readonly StepStatus[] = ['on-time', 'warning', 'overdue', 'stuck', 'closed'];
export type StuckReason = 'overdue' | 'no-receipt' | 'idle-p95';

export const RECEIPT_RULE = 'transfer.receipt';
export const DEFAULT_MIN_SAMPLES = 20;
const HOUR = 3_600_000;

export interface StepFacts {
  ruleId: string;
  since: Date;
  dueAt: Date;
  /** deadline.warning received for the current due date */
  warnedAt: Date | null;
  /** deadline.missed received for the current due date */
  missedAt: Date | null;
  closedAt: Date | null;
}

export interface RuleTiming {
  /** closed (met/late) steps of the rule observed so far */
  samples: number;
  /** p95 of their durations (since → closed), ms */
  p95Ms: number | null;
}

export interface StatusContext {
  now: Date;
  timing?: RuleTiming | null;
  minSamples?: number;
}

export interface ComputedStatus {
  status: StepStatus;
  stuck: boolean;
  stuckReasons: StuckReason[];
  /** an open transfer.receipt step: the transfer waits on the police receipt */
  waitingOnReceipt: boolean;
  /** the next moment the status may change by time alone (null: only an event can change it) */
  nextChangeAt: Date | null;
}

/**
 * Lead time before the due date at which a step turns to warning by the console's clock: 24 hours,
 * never more than a third of the period — the workflows' default (deadline.warning), so a step shows
 * the same colour whether the warning came as an event or from the clock.
 */
export function warningLeadMs(since: Date, dueAt: Date): number {
  const period = Math.max(0, dueAt.getTime() - since.getTime());
  return Math.min(24 * HOUR, Math.floor(period / 3));
}

/** The idle threshold of a rule, or null when there are too few samples to judge. */
export function idleThresholdMs(
  timing: RuleTiming | null | undefined,
  minSamples = DEFAULT_MIN_SAMPLES,
): number | null {
  if (!timing || timing.p95Ms === null || timing.samples < minSamples) return null;
  return timing.p95Ms;
}

export function computeStepStatus(step: StepFacts, ctx: StatusContext): ComputedStatus {
  const now = ctx.now.getTime();
  if (step.closedAt) {
    return { status: 'closed', stuck: false, stuckReasons: [], waitingOnReceipt: false, nextChangeAt: null };
  }
  const due = step.dueAt.getTime();
  const warnAt = due - warningLeadMs(step.since, step.dueAt);
  const idle = idleThresholdMs(ctx.timing, ctx.minSamples);
  const idleAt = idle === null ? null : step.since.getTime() + idle;

  const overdue = step.missedAt !== null || now >= due;
  const idleStuck = idleAt !== null && now >= idleAt;
  const warning = step.warnedAt !== null || now >= warnAt;
  const isReceipt = step.ruleId === RECEIPT_RULE;

  const reasons: StuckReason[] = [];
  if (overdue) reasons.push('overdue');
  if (overdue && isReceipt) reasons.push('no-receipt');
  if (idleStuck) reasons.push('idle-p95');

  const status: StepStatus = overdue ? 'overdue' : idleStuck ? 'stuck' : warning ? 'warning' : 'on-time';
  const upcoming = [overdue ? null : due, warning || overdue ? null : warnAt, idleStuck ? null : idleAt].filter(
    (t): t is number => t !== null && t > now,
  );
  return {
    status,
    stuck: reasons.length > 0,
    stuckReasons: reasons,
    waitingOnReceipt: isReceipt,
    nextChangeAt: upcoming.length ? new Date(Math.min(...upcoming)) : null,
  };
}

/**
 * The p95 as PostgreSQL's percentile_cont(0.95) computes it (linear interpolation between the closest
 * ranks); the projection computes it in SQL, this is the reference for the tests.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = fraction * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
