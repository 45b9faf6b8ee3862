/**
 * Workflow-side shell of the statutory steps: runs the deciders' actions on the pure StepBook (step-book.ts:
 * steps keyed by rule and step key, with their owners, clocks, warnings and misses), fetches every due date from
 * the computeDeadline activity and publishes the book's deadline.* events through publishDeadlineEvents.
 * WORKFLOW CODE: deterministic, no legal-time here — every due date comes from the computeDeadline activity (so a
 * holiday-data update never breaks replay).
 */
import {
  ActivityFailure,
  ApplicationFailure,
  log,
  patched,
  proxyActivities,
  type ActivityOptions,
} from '@temporalio/workflow';
import type { CaseActivitiesApi, ClockEventInput, ComputedDeadlineView } from '../activities/case-activities.contracts';
import { CaseActivityErrors, NON_RETRYABLE_LEGAL_TIME_CODES } from '../activities/case-activities.contracts';
import type {
  AgencyRole,
  CalendarYearRef,
  ClosedStepView,
  DeadlineRecomputation,
  MovedDueDate,
  OpenStepView,
  RecomputeDeadlinesSignal,
  RejectedCommand,
} from './deadline.contracts';
import type { StepAction } from './step-actions';
import {
  StepBook,
  type MissedStep,
  type SearchAttributeValues,
  type StepBookOptions,
  type StepBookSnapshot,
  type StepState,
} from './step-book';

export type { SearchAttributeValues, StepState } from './step-book';

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

export interface TrackerSnapshot extends StepBookSnapshot {
  /** Absent until the first recomputeDeadlines signal (keeps earlier continue-as-new inputs unchanged). */
  recomputations?: DeadlineRecomputation[];
}

/** How many recomputeDeadlines results a workflow keeps (query deadlineRecomputations). */
const RECOMPUTATIONS_KEPT = 20;

export type TrackerOptions = StepBookOptions;

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
  private readonly book: StepBook;
  private recomputations: DeadlineRecomputation[];

  constructor(
    private readonly options: TrackerOptions,
    snapshot?: TrackerSnapshot,
  ) {
    this.book = new StepBook(options, snapshot);
    this.recomputations = snapshot?.recomputations ?? [];
  }

  snapshot(): TrackerSnapshot {
    return { ...this.book.snapshot(), ...(this.recomputations.length ? { recomputations: this.recomputations } : {}) };
  }

  isOpen(ruleId: string, key?: string): boolean {
    return this.book.isOpen(ruleId, key);
  }

  /** Executes a decider's actions (deadline events are queued; call flush()). */
  async execute(
    actions: readonly StepAction[],
    owners: Record<AgencyRole, string>,
    causationId?: string,
  ): Promise<void> {
    for (const action of actions) {
      switch (action.kind) {
        case 'open':
          await this.open(action, owners, action.variant ?? 'standard', undefined, causationId);
          break;
        case 'close': {
          const step = this.book.find(action.ruleId, action.key);
          if (step) this.book.close(step, action.at, action.outcome, causationId);
          break;
        }
        case 'instant': {
          const step = await this.open(action, owners, 'standard', action.owingAgencyId, causationId);
          this.book.close(step, action.at, undefined, causationId);
          break;
        }
        case 'extend': {
          const step = this.book.find(action.ruleId, action.key);
          if (step) await this.extend(step.stepId, action.variant, action.approvedBy, action.at, causationId);
          break;
        }
        case 'close-all':
          this.book.closeAll(action.at, causationId);
          break;
        case 'suspend': {
          const step = this.book.find(action.ruleId, action.key);
          if (step) this.suspend(step.stepId, action.at, action.reason);
          break;
        }
        case 'resume': {
          const step = this.book.find(action.ruleId, action.key);
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

  async extend(
    stepId: string,
    variant: string,
    approvedBy: string | undefined,
    at: string,
    causationId?: string,
  ): Promise<void> {
    const step = this.book.byId(stepId);
    if (!step) return this.reject('extend', stepId, at, 'STEP_NOT_OPEN', `no open step ${stepId}`);
    const event: ClockEventInput = {
      type: 'extended',
      at: this.book.clockInstant(step, at),
      fromVariant: step.variant,
      toVariant: variant,
      ...(approvedBy ? { approvedBy } : {}),
    };
    const computed = await this.compute(step, [...step.clockEvents, event], 'extend', at);
    if (computed) this.book.changeClock(step, event, computed, causationId);
  }

  suspend(stepId: string, at: string, reason?: string): void {
    const checked = this.book.checkSuspend(stepId);
    if ('code' in checked) return this.reject('suspend', stepId, at, checked.code, checked.message);
    this.book.suspend(checked, at, reason);
  }

  async resume(stepId: string, at: string, causationId?: string): Promise<void> {
    const checked = this.book.checkResume(stepId);
    if ('code' in checked) return this.reject('resume', stepId, at, checked.code, checked.message);
    const event: ClockEventInput = { type: 'resumed', at: this.book.clockInstant(checked, at) };
    const computed = await this.compute(checked, [...checked.clockEvents, event], 'resume', at);
    if (computed) this.book.changeClock(checked, event, computed, causationId);
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
      requestId: signal.requestId,
      at,
      years,
      ...(signal.reason ? { reason: signal.reason } : {}),
      moved: [],
      unchanged: [],
      suspended: [],
      failed: [],
    };
    for (const step of [...this.book.openSteps()]) {
      if (step.dueAt === null || !usesCalendarYear(step.explain, years)) continue;
      if (step.suspended) {
        result.suspended.push(step.stepId);
        continue;
      }
      const rejectionsBefore = this.book.rejectionList().length;
      const computed = await this.compute(step, step.clockEvents, 'recompute', at, years);
      if (!computed) {
        const r = this.book.rejectionList()[rejectionsBefore];
        result.failed.push({
          stepId: step.stepId,
          code: r?.code ?? 'UNKNOWN',
          message: r?.message ?? 'not recomputed',
        });
        continue;
      }
      const previous = { dueAt: step.dueAt, lastDay: step.lastDay, provisional: provisionalOf(step.explain) };
      if (
        computed.dueAt === previous.dueAt &&
        JSON.stringify(computed.provisionalYears ?? []) === JSON.stringify(previous.provisional)
      ) {
        result.unchanged.push(step.stepId);
        continue;
      }
      this.book.applyClockChange(step, computed);
      if (computed.dueAt === previous.dueAt) {
        result.unchanged.push(step.stepId);
        continue;
      }
      const moved: MovedDueDate = {
        stepId: step.stepId,
        ruleId: step.ruleId,
        owingAgencyId: step.owingAgencyId,
        previousDueAt: previous.dueAt,
        dueAt: computed.dueAt,
        previousLastDay: previous.lastDay,
        lastDay: computed.lastDay,
        ...(computed.provisionalYears?.length ? { provisionalYears: computed.provisionalYears } : {}),
      };
      result.moved.push(moved);
      log.info(
        `due date of ${step.stepId} moved from ${previous.dueAt} to ${computed.dueAt} (calendar ${years.map((y) => y.year).join(', ')} loaded)`,
      );
    }
    this.recomputations = [...this.recomputations, result].slice(-RECOMPUTATIONS_KEPT);
    return result;
  }

  recomputationList(): DeadlineRecomputation[] {
    return this.recomputations;
  }

  // ---- timers --------------------------------------------------------------------------------

  nextWakeAtMs(): number | null {
    return this.book.nextWakeAtMs();
  }

  nextWakeSummary(): string | null {
    return this.book.nextWakeSummary();
  }

  /** Queues the warnings and misses due at `nowMs`; returns the steps newly missed. */
  fireDue(nowMs: number): MissedStep[] {
    return this.book.fireDue(nowMs);
  }

  /** Publishes the queued deadline events in one activity call. */
  async flush(nowMs: number): Promise<void> {
    const batch = this.book.takePending(nowMs);
    if (!batch.length) return;
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
      this.book.recordError(message);
      log.error(message, { stepIds: batch.map((b) => b.stepId) });
    }
  }

  // ---- views ---------------------------------------------------------------------------------

  openStepViews(): OpenStepView[] {
    return this.book.openStepViews();
  }

  closedSteps(): ClosedStepView[] {
    return this.book.closedSteps();
  }

  missedSteps(): string[] {
    return this.book.missedSteps();
  }

  rejectionList(): RejectedCommand[] {
    return this.book.rejectionList();
  }

  errorList(): string[] {
    return this.book.errorList();
  }

  /** Cb* search attributes of the earliest open step (by due date). */
  searchAttributeValues(): SearchAttributeValues {
    return this.book.searchAttributeValues();
  }

  // ---- internals -----------------------------------------------------------------------------

  /** Opens a step of an open/instant action: owned by `owner` when given, else by the role's agency. */
  private async open(
    action: Extract<StepAction, { kind: 'open' | 'instant' }>,
    owners: Record<AgencyRole, string>,
    variant: string,
    owingAgencyOverride: string | undefined,
    causationId?: string,
  ): Promise<StepState> {
    const owingAgencyId =
      action.owner?.kind === 'agency' ? action.owner.agencyId : (owingAgencyOverride ?? owners[action.role]);
    const step = this.book.create({
      ruleId: action.ruleId,
      role: action.role,
      owingAgencyId,
      from: action.from,
      variant,
      ...(action.key ? { key: action.key } : {}),
      ...(action.owner ? { owner: action.owner } : {}),
      ...(action.kind === 'open' && action.casePeriod ? { casePeriod: action.casePeriod } : {}),
    });
    const computed = await this.compute(step, [], 'open', action.from);
    this.book.add(step, computed, causationId);
    return step;
  }

  private async compute(
    step: StepState,
    events: ClockEventInput[],
    command: RejectedCommand['command'],
    at: string,
    requireCalendarYears?: CalendarYearRef[],
  ): Promise<ComputedDeadlineView | undefined> {
    try {
      const request = {
        ruleId: step.ruleId,
        variant: step.initialVariant,
        from: step.since,
        ...(step.casePeriod ? { casePeriod: step.casePeriod } : {}),
        ...(events.length ? { events } : {}),
        ...(requireCalendarYears?.length ? { requireCalendarYears } : {}),
      };
      return patched(ACTIVITY_SUMMARY_PATCH)
        ? await computeDeadline.executeWithOptions(
            {
              ...COMPUTE_OPTIONS,
              summary: `compute ${step.ruleId} (${step.initialVariant}) for ${step.owingAgencyId}`,
            },
            [request],
          )
        : await computeDeadline(request);
    } catch (err) {
      const code = nonRetryableCode(err);
      if (!code) throw err;
      const message = err instanceof ActivityFailure && err.cause ? err.cause.message : (err as Error).message;
      this.reject(command, step.stepId, at, code, message);
      return undefined;
    }
  }

  private reject(command: RejectedCommand['command'], stepId: string, at: string, code: string, message: string): void {
    this.book.reject(command, stepId, at, { code, message });
    log.warn(`${command} of ${stepId} refused: ${code}`, { message });
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
