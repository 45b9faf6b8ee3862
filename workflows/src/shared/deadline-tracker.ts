/**
 * Workflow-side bookkeeping of statutory steps: opens and closes steps, keeps their clocks
 * (suspensions, extensions), decides warnings and misses from the workflow's time, and publishes the
 * deadline.* events through the activities. WORKFLOW CODE: deterministic, no legal-time here — every
 * due date comes from the computeDeadline activity (so a holiday-data update never breaks replay).
 */
import { ActivityFailure, ApplicationFailure, log, patched, proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type {
  CaseActivitiesApi,
  ClockEventInput,
  ComputedDeadlineView,
  DeadlineEventSpec,
} from '../activities/case-activities.contracts';
import { CaseActivityErrors, NON_RETRYABLE_LEGAL_TIME_CODES } from '../activities/case-activities.contracts';
import type {
  AgencyRole,
  CalendarYearRef,
  ClosedStepView,
  DeadlineConfig,
  DeadlineRecomputation,
  MovedDueDate,
  OpenStepView,
  RecomputeDeadlinesSignal,
  RejectedCommand,
  StepOutcome,
  StepStatus,
} from './deadline.contracts';
import type { StepAction } from './step-actions';

const NON_RETRYABLE_TYPES = [...NON_RETRYABLE_LEGAL_TIME_CODES, CaseActivityErrors.invalidInput];

/**
 * computeDeadline is pure and fast: a short start-to-close. Retried without limit (backoff up to 10 min)
 * except for legal/validation rejections: the one retryable cause is calendar data missing for a year
 * (CALENDAR_NOT_COVERED), which an operator fixes by deploying the year's calendar — the workflow then
 * carries on by itself instead of failing a statutory clock.
 */
const COMPUTE_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: NON_RETRYABLE_TYPES,
  },
};
const { computeDeadline } = proxyActivities<CaseActivitiesApi>(COMPUTE_OPTIONS);

/**
 * publishDeadlineEvents writes to the worker's transactional outbox: retried without limit while the
 * database is away (event ids are deterministic, so retries never duplicate); an event that fails its
 * contract is a bug and is not retried.
 */
const PUBLISH_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [CaseActivityErrors.invalidDeadlineEvent],
  },
};
const { publishDeadlineEvents } = proxyActivities<CaseActivitiesApi>(PUBLISH_OPTIONS);

/** patch id: activities carry a summary naming the rule(s) (Temporal UI, SDK 1.24 executeWithOptions) */
export const ACTIVITY_SUMMARY_PATCH = 'activity-summary-v1';

const MS_PER_HOUR = 3_600_000;

export interface StepState {
  stepId: string;
  ruleId: string;
  role: AgencyRole;
  owingAgencyId: string;
  since: string;
  initialVariant: string;
  variant: string;
  clockEvents: ClockEventInput[];
  dueAt: string | null;
  dueAtMs: number | null;
  lastDay: string | null;
  explain: Record<string, unknown> | null;
  onExpiry: string | null;
  basis: string | null;
  warnAtMs: number | null;
  suspended: boolean;
  warned: boolean;
  missed: boolean;
  revision: number;
  seq: number;
}

export interface TrackerSnapshot {
  steps: StepState[];
  closed: ClosedStepView[];
  rounds: Record<string, number>;
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  seq: number;
  /** Absent until the first recomputeDeadlines signal (keeps earlier continue-as-new inputs unchanged). */
  recomputations?: DeadlineRecomputation[];
}

/** How many recomputeDeadlines results a workflow keeps (query deadlineRecomputations). */
const RECOMPUTATIONS_KEPT = 20;

export interface TrackerOptions {
  workflowId: string;
  subjectId: string;
  linkedCaseId: string;
  config: DeadlineConfig;
  /** Replaces the rule's onExpiry text in deadline.missed (e.g. the chaser prompt). */
  onExpiryOverrides?: Readonly<Record<string, string>>;
}

export interface SearchAttributeValues {
  ruleId: string | null;
  owingAgency: string | null;
  step: string | null;
  dueAt: string | null;
  overdue: boolean;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The ApplicationFailure type of a non-retryable activity failure, or undefined. */
export function nonRetryableCode(err: unknown): string | undefined {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
    const type = err.cause.type ?? undefined;
    if (type && (NON_RETRYABLE_TYPES as readonly string[]).includes(type)) return type;
    if (err.cause.nonRetryable) return type ?? 'NON_RETRYABLE';
  }
  return undefined;
}

export class DeadlineTracker {
  private steps: StepState[];
  private closed: ClosedStepView[];
  private rounds: Record<string, number>;
  private missed: string[];
  private rejections: RejectedCommand[];
  private errors: string[];
  private seq: number;
  private recomputations: DeadlineRecomputation[];
  private pending: DeadlineEventSpec[] = [];

  constructor(
    private readonly options: TrackerOptions,
    snapshot?: TrackerSnapshot,
  ) {
    this.steps = snapshot?.steps ?? [];
    this.closed = snapshot?.closed ?? [];
    this.rounds = snapshot?.rounds ?? {};
    this.missed = snapshot?.missedSteps ?? [];
    this.rejections = snapshot?.rejections ?? [];
    this.errors = snapshot?.errors ?? [];
    this.seq = snapshot?.seq ?? 0;
    this.recomputations = snapshot?.recomputations ?? [];
  }

  snapshot(): TrackerSnapshot {
    return {
      steps: this.steps,
      closed: this.closed,
      rounds: this.rounds,
      missedSteps: this.missed,
      rejections: this.rejections,
      errors: this.errors,
      seq: this.seq,
      ...(this.recomputations.length ? { recomputations: this.recomputations } : {}),
    };
  }

  isOpen(ruleId: string): boolean {
    return this.steps.some((s) => s.ruleId === ruleId);
  }

  /** Executes a decider's actions (deadline events are queued; call flush()). */
  async execute(actions: readonly StepAction[], owners: Record<AgencyRole, string>, causationId?: string): Promise<void> {
    for (const action of actions) {
      switch (action.kind) {
        case 'open':
          await this.open(action.ruleId, action.role, owners[action.role], action.from, action.variant ?? 'standard', causationId);
          break;
        case 'close':
          this.close(action.ruleId, action.at, action.outcome, causationId);
          break;
        case 'instant': {
          const step = await this.open(action.ruleId, action.role, action.owingAgencyId ?? owners[action.role], action.from, 'standard', causationId);
          if (step) this.closeStep(step, action.at, undefined, causationId);
          break;
        }
        case 'extend': {
          const step = this.latestOpen(action.ruleId);
          if (step) await this.extend(step.stepId, action.variant, action.approvedBy, action.at, causationId);
          break;
        }
        case 'close-all':
          for (const step of [...this.steps]) this.closeStep(step, action.at, 'moot', causationId);
          break;
        case 'suspend': {
          const step = this.latestOpen(action.ruleId);
          if (step) this.suspend(step.stepId, action.at, action.reason);
          break;
        }
        case 'resume': {
          const step = this.latestOpen(action.ruleId);
          if (step) await this.resume(step.stepId, action.at, causationId);
          break;
        }
        default: {
          const never: never = action;
          throw new Error(`unknown step action ${JSON.stringify(never)}`);
        }
      }
    }
  }

  // ---- signals -------------------------------------------------------------------------------

  async extend(stepId: string, variant: string, approvedBy: string | undefined, at: string, causationId?: string): Promise<void> {
    const step = this.steps.find((s) => s.stepId === stepId);
    if (!step) return this.reject('extend', stepId, at, 'STEP_NOT_OPEN', `no open step ${stepId}`);
    const event: ClockEventInput = {
      type: 'extended',
      at: this.clockInstant(step, at),
      fromVariant: step.variant,
      toVariant: variant,
      ...(approvedBy ? { approvedBy } : {}),
    };
    const computed = await this.compute(step, [...step.clockEvents, event], 'extend', at);
    if (!computed) return;
    step.clockEvents.push(event);
    this.applyClockChange(step, computed, causationId);
  }

  suspend(stepId: string, at: string, reason?: string): void {
    const step = this.steps.find((s) => s.stepId === stepId);
    if (!step) return this.reject('suspend', stepId, at, 'STEP_NOT_OPEN', `no open step ${stepId}`);
    if (step.suspended) return this.reject('suspend', stepId, at, 'ALREADY_SUSPENDED', `${stepId} is already suspended`);
    if (step.dueAt === null) return this.reject('suspend', stepId, at, 'NO_DUE_DATE', `${stepId} has no due date`);
    step.clockEvents.push({ type: 'suspended', at: this.clockInstant(step, at), ...(reason ? { reason } : {}) });
    step.suspended = true;
    step.revision += 1;
    this.emit('closed', step, { outcome: 'suspended' });
  }

  async resume(stepId: string, at: string, causationId?: string): Promise<void> {
    const step = this.steps.find((s) => s.stepId === stepId);
    if (!step) return this.reject('resume', stepId, at, 'STEP_NOT_OPEN', `no open step ${stepId}`);
    if (!step.suspended) return this.reject('resume', stepId, at, 'NOT_SUSPENDED', `${stepId} is not suspended`);
    const event: ClockEventInput = { type: 'resumed', at: this.clockInstant(step, at) };
    const computed = await this.compute(step, [...step.clockEvents, event], 'resume', at);
    if (!computed) return;
    step.clockEvents.push(event);
    step.suspended = false;
    this.applyClockChange(step, computed, causationId);
  }

  /**
   * Recounts the open steps whose due date used one of the signal's calendar years (explain.calendar),
   * after an operator loaded the year's official calendar. A step whose due date (or provisional flag)
   * changes gets a new revision and a new deadline.started; its warning and miss are re-armed when the
   * due date moves. Suspended steps are recounted when they resume. Returns (and keeps) what moved.
   */
  async recompute(signal: RecomputeDeadlinesSignal, at: string): Promise<DeadlineRecomputation> {
    const done = this.recomputations.find((r) => r.requestId === signal.requestId);
    if (done) return done;
    const years = signal.years.filter((y) => Number.isInteger(y?.year));
    const result: DeadlineRecomputation = {
      requestId: signal.requestId, at, years, ...(signal.reason ? { reason: signal.reason } : {}),
      moved: [], unchanged: [], suspended: [], failed: [],
    };
    for (const step of [...this.steps]) {
      if (step.dueAt === null || !usesCalendarYear(step.explain, years)) continue;
      if (step.suspended) {
        result.suspended.push(step.stepId);
        continue;
      }
      const rejectionsBefore = this.rejections.length;
      const computed = await this.compute(step, step.clockEvents, 'recompute', at, years);
      if (!computed) {
        const r = this.rejections[rejectionsBefore];
        result.failed.push({ stepId: step.stepId, code: r?.code ?? 'UNKNOWN', message: r?.message ?? 'not recomputed' });
        continue;
      }
      const previous = { dueAt: step.dueAt, lastDay: step.lastDay, provisional: provisionalOf(step.explain) };
      if (computed.dueAt === previous.dueAt && JSON.stringify(computed.provisionalYears ?? []) === JSON.stringify(previous.provisional)) {
        result.unchanged.push(step.stepId);
        continue;
      }
      this.applyClockChange(step, computed);
      if (computed.dueAt === previous.dueAt) {
        result.unchanged.push(step.stepId);
        continue;
      }
      const moved: MovedDueDate = {
        stepId: step.stepId, ruleId: step.ruleId, owingAgencyId: step.owingAgencyId,
        previousDueAt: previous.dueAt, dueAt: computed.dueAt, previousLastDay: previous.lastDay, lastDay: computed.lastDay,
        ...(computed.provisionalYears?.length ? { provisionalYears: computed.provisionalYears } : {}),
      };
      result.moved.push(moved);
      log.info(`due date of ${step.stepId} moved from ${previous.dueAt} to ${computed.dueAt} (calendar ${years.map((y) => y.year).join(', ')} loaded)`);
    }
    this.recomputations = [...this.recomputations, result].slice(-RECOMPUTATIONS_KEPT);
    return result;
  }

  recomputationList(): DeadlineRecomputation[] {
    return this.recomputations;
  }

  // ---- timers --------------------------------------------------------------------------------

  /** The next instant at which a warning or a miss is due (epoch ms), or null. */
  nextWakeAtMs(): number | null {
    let next: number | null = null;
    for (const s of this.steps) {
      if (s.suspended || s.dueAtMs === null) continue;
      const candidates = [
        !s.warned && !s.missed && s.warnAtMs !== null && s.warnAtMs < s.dueAtMs ? s.warnAtMs : null,
        !s.missed ? s.dueAtMs : null,
      ];
      for (const c of candidates) if (c !== null && (next === null || c < next)) next = c;
    }
    return next;
  }

  /**
   * One line naming what the next wake-up is for (Temporal timer summary in the UI), e.g.
   * "transfer.receipt due 2026-11-21T03:00:00.000Z (police:210100)"; null when nothing is scheduled.
   */
  nextWakeSummary(): string | null {
    const next = this.nextWakeAtMs();
    if (next === null) return null;
    const s = this.steps.find((x) => !x.suspended && x.dueAtMs !== null && ((!x.missed && x.dueAtMs === next) || (!x.warned && !x.missed && x.warnAtMs === next)));
    if (!s) return null;
    const what = s.dueAtMs === next ? 'due' : 'warning';
    return `${s.ruleId} ${what} ${new Date(next).toISOString()} (${s.owingAgencyId})`;
  }

  /** Publishes the warnings and misses due at `nowMs`; returns the rule ids newly missed. */
  fireDue(nowMs: number): string[] {
    const newlyMissed: string[] = [];
    const byDue = [...this.steps].sort((a, b) => (a.dueAtMs ?? Infinity) - (b.dueAtMs ?? Infinity) || a.seq - b.seq);
    for (const s of byDue) {
      if (s.suspended || s.dueAtMs === null || s.missed) continue;
      if (nowMs >= s.dueAtMs) {
        // Already past due when first looked at (opened late): the warning would be pointless.
        s.missed = true;
        this.missed.push(s.stepId);
        this.emit('missed', s, { onExpiry: s.onExpiry ?? undefined });
        newlyMissed.push(s.ruleId);
      } else if (!s.warned && s.warnAtMs !== null && s.warnAtMs < s.dueAtMs && nowMs >= s.warnAtMs) {
        s.warned = true;
        this.emit('warning', s, {});
      }
    }
    return newlyMissed;
  }

  /** Publishes the queued deadline events in one activity call. */
  async flush(nowMs: number): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending.map((e) => ({ ...e, at: e.at || iso(nowMs) }));
    this.pending = [];
    try {
      if (patched(ACTIVITY_SUMMARY_PATCH)) {
        const summary = `publish ${batch.map((e) => `${e.kind} ${e.ruleId}`).join(', ')}`.slice(0, 200);
        await publishDeadlineEvents.executeWithOptions({ ...PUBLISH_OPTIONS, summary }, [batch]);
      } else {
        await publishDeadlineEvents(batch);
      }
    } catch (err) {
      const code = nonRetryableCode(err);
      if (!code) throw err;
      // A contract violation is a bug: keep the workflow going and make it visible.
      const message = `publishDeadlineEvents failed (${code}): ${(err as Error).message}`;
      this.errors.push(message);
      log.error(message, { stepIds: batch.map((b) => b.stepId) });
    }
  }

  // ---- views ---------------------------------------------------------------------------------

  openStepViews(): OpenStepView[] {
    return [...this.steps]
      .sort((a, b) => (a.dueAtMs ?? Infinity) - (b.dueAtMs ?? Infinity) || a.seq - b.seq)
      .map((s) => ({
        stepId: s.stepId,
        ruleId: s.ruleId,
        variant: s.variant,
        owingAgencyId: s.owingAgencyId,
        since: s.since,
        dueAt: s.dueAt,
        lastDay: s.lastDay,
        status: statusOf(s),
        explain: s.explain,
        onExpiry: s.onExpiry,
        basis: s.basis,
      }));
  }

  closedSteps(): ClosedStepView[] {
    return this.closed;
  }

  missedSteps(): string[] {
    return this.missed;
  }

  rejectionList(): RejectedCommand[] {
    return this.rejections;
  }

  errorList(): string[] {
    return this.errors;
  }

  /** Cb* search attributes of the earliest open step (by due date). */
  searchAttributeValues(): SearchAttributeValues {
    const [first] = this.openStepViews();
    return {
      ruleId: first?.ruleId ?? null,
      owingAgency: first?.owingAgencyId ?? null,
      step: first?.stepId ?? null,
      dueAt: first?.dueAt ?? null,
      overdue: this.steps.some((s) => s.missed),
    };
  }

  // ---- internals -----------------------------------------------------------------------------

  private latestOpen(ruleId: string): StepState | undefined {
    const matching = this.steps.filter((s) => s.ruleId === ruleId);
    return matching[matching.length - 1];
  }

  private async open(
    ruleId: string,
    role: AgencyRole,
    owingAgencyId: string,
    from: string,
    variant: string,
    causationId?: string,
  ): Promise<StepState | undefined> {
    const round = (this.rounds[ruleId] ?? 0) + 1;
    this.rounds[ruleId] = round;
    const base = `${this.options.subjectId}/${ruleId}`;
    const step: StepState = {
      stepId: round === 1 ? base : `${base}#${round}`,
      ruleId,
      role,
      owingAgencyId,
      since: from,
      initialVariant: variant,
      variant,
      clockEvents: [],
      dueAt: null,
      dueAtMs: null,
      lastDay: null,
      explain: null,
      onExpiry: null,
      basis: null,
      warnAtMs: null,
      suspended: false,
      warned: false,
      missed: false,
      revision: 0,
      seq: ++this.seq,
    };
    const computed = await this.compute(step, [], 'open', from);
    this.steps.push(step);
    if (computed) {
      this.applyComputed(step, computed);
      this.emit('started', step, { causationId, explain: step.explain ?? {} });
    }
    return step;
  }

  private close(ruleId: string, at: string, outcome: 'moot' | 'met' | undefined, causationId?: string): void {
    const step = this.latestOpen(ruleId);
    if (step) this.closeStep(step, at, outcome, causationId);
  }

  private closeStep(step: StepState, at: string, explicit: 'moot' | 'met' | undefined, causationId?: string): void {
    const outcome: StepOutcome =
      explicit ?? (step.dueAtMs === null || Date.parse(at) <= step.dueAtMs ? 'met' : 'late');
    this.steps = this.steps.filter((s) => s !== step);
    this.closed.push({
      stepId: step.stepId,
      ruleId: step.ruleId,
      variant: step.variant,
      owingAgencyId: step.owingAgencyId,
      since: step.since,
      dueAt: step.dueAt,
      closedAt: at,
      outcome,
      wasMissed: step.missed,
    });
    if (step.dueAt !== null) this.emit('closed', step, { outcome, causationId });
  }

  /** Clock events must be chronological and not before the start: event times and signal times are clamped. */
  private clockInstant(step: StepState, at: string): string {
    const last = step.clockEvents.length ? Date.parse(step.clockEvents[step.clockEvents.length - 1]!.at) : Date.parse(step.since);
    const ms = Date.parse(at);
    return iso(Number.isNaN(ms) ? last : Math.max(ms, last));
  }

  private async compute(
    step: StepState,
    events: ClockEventInput[],
    command: RejectedCommand['command'],
    at: string,
    requireCalendarYears?: CalendarYearRef[],
  ): Promise<ComputedDeadlineView | undefined> {
    try {
      const request = { ruleId: step.ruleId, variant: step.initialVariant, from: step.since, ...(events.length ? { events } : {}),
        ...(requireCalendarYears?.length ? { requireCalendarYears } : {}) };
      return patched(ACTIVITY_SUMMARY_PATCH)
        ? await computeDeadline.executeWithOptions({ ...COMPUTE_OPTIONS, summary: `compute ${step.ruleId} (${step.initialVariant}) for ${step.owingAgencyId}` }, [request])
        : await computeDeadline(request);
    } catch (err) {
      const code = nonRetryableCode(err);
      if (!code) throw err;
      const message = err instanceof ActivityFailure && err.cause ? err.cause.message : (err as Error).message;
      this.reject(command, step.stepId, at, code, message);
      return undefined;
    }
  }

  private applyComputed(step: StepState, d: ComputedDeadlineView): void {
    step.variant = d.variant;
    step.dueAt = d.dueAt;
    step.dueAtMs = d.dueAtEpochMs;
    step.lastDay = d.lastDay;
    step.explain = d.explain;
    step.onExpiry = this.options.onExpiryOverrides?.[step.ruleId] ?? d.onExpiry;
    step.basis = d.basis;
    const sinceMs = Date.parse(step.since);
    const period = d.dueAtEpochMs - sinceMs;
    const { warningLeadHours, warningMaxFraction } = this.options.config;
    const lead = Math.min(warningLeadHours * MS_PER_HOUR, Math.max(0, period) * warningMaxFraction);
    step.warnAtMs = lead > 0 ? d.dueAtEpochMs - lead : null;
  }

  private applyClockChange(step: StepState, d: ComputedDeadlineView, causationId?: string): void {
    const previousDue = step.dueAt;
    step.revision += 1;
    this.applyComputed(step, d);
    if (d.dueAt !== previousDue) {
      step.warned = false;
      step.missed = false;
    }
    if (!step.suspended) this.emit('started', step, { causationId, explain: step.explain ?? {} });
  }

  private reject(command: RejectedCommand['command'], stepId: string, at: string, code: string, message: string): void {
    this.rejections.push({ at, command, stepId, code, message });
    log.warn(`${command} of ${stepId} refused: ${code}`, { message });
  }

  private emit(
    kind: DeadlineEventSpec['kind'],
    step: StepState,
    extra: Pick<DeadlineEventSpec, 'causationId' | 'explain' | 'onExpiry' | 'outcome'>,
  ): void {
    if (step.dueAt === null || step.lastDay === null) return;
    this.pending.push({
      kind,
      workflowId: this.options.workflowId,
      linkedCaseId: this.options.linkedCaseId,
      subjectId: this.options.subjectId,
      stepId: step.stepId,
      ruleId: step.ruleId,
      variant: step.variant,
      owingAgencyId: step.owingAgencyId,
      startedAt: step.since,
      dueAt: step.dueAt,
      lastDay: step.lastDay,
      revision: step.revision,
      at: '', // stamped with the workflow time at flush
      ...(extra.causationId ? { causationId: extra.causationId } : {}),
      ...(extra.explain ? { explain: extra.explain } : {}),
      ...(extra.onExpiry ? { onExpiry: extra.onExpiry } : {}),
      ...(extra.outcome ? { outcome: extra.outcome } : {}),
    });
  }
}

/** The provisional years of a step's explanation ([] when exact). */
function provisionalOf(explain: Record<string, unknown> | null): number[] {
  const years = explain?.provisionalYears;
  return Array.isArray(years) ? years.filter((y): y is number => typeof y === 'number') : [];
}

/** True when the explanation lists one of the years among the calendar data it used ("2027: …"), or has none. */
function usesCalendarYear(explain: Record<string, unknown> | null, years: readonly CalendarYearRef[]): boolean {
  const sources = explain?.calendar;
  if (!Array.isArray(sources)) return true;
  return sources.some((line) => typeof line === 'string' && years.some((y) => line.startsWith(`${y.year}:`)));
}

function statusOf(s: StepState): StepStatus {
  if (s.suspended) return 'suspended';
  if (s.missed) return 'overdue';
  if (s.warned) return 'warning';
  return 'running';
}
