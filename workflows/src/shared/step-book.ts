/**
 * The pure book of a workflow's statutory steps: which steps are open (keyed by rule id and step key, each with
 * its owner), their clocks (suspensions, extensions), what to warn and what is missed at a given instant, the
 * deadline events that follow, and the views. No Temporal, no I/O, no legal-time: due dates are handed in
 * (ComputedDeadlineView, from the computeDeadline activity) by the DeadlineTracker, which is the async shell around
 * this book. Deterministic, so it is safe in workflow code and unit-tested without a worker (step-book.spec.ts).
 */
import type {
  CasePeriodInput,
  ClockEventInput,
  ComputedDeadlineView,
  DeadlineEventSpec,
} from '../activities/case-activities.contracts';
import type {
  AgencyRole,
  ClosedStepView,
  DeadlineConfig,
  OpenStepView,
  RejectedCommand,
  StepOutcome,
  StepOwner,
  StepStatus,
} from './deadline.contracts';

const MS_PER_HOUR = 3_600_000;

export interface StepState {
  stepId: string;
  ruleId: string;
  /** Absent in snapshots taken before step keys existed (= null: the rule's single step). */
  key?: string | null;
  /** Absent in snapshots taken before owners existed (= the owing agency). */
  owner?: StepOwner;
  role: AgencyRole;
  owingAgencyId: string;
  since: string;
  initialVariant: string;
  variant: string;
  /** The period of a rule set per case (absent for every other rule and in older snapshots). */
  casePeriod?: CasePeriodInput;
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

/** The book as carried over continue-as-new (plain JSON; the DeadlineTracker adds its recomputations). */
export interface StepBookSnapshot {
  steps: StepState[];
  closed: ClosedStepView[];
  /** Rounds per `<ruleId>` (unkeyed) or `<ruleId>@<key>`. */
  rounds: Record<string, number>;
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  seq: number;
}

export interface StepBookOptions {
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

/** A step that ran out (fireDue), for the decider's onMissed. */
export interface MissedStep {
  ruleId: string;
  key?: string;
}

/** What opening a step needs (the tracker resolves the role to an agency id). */
export interface NewStep {
  ruleId: string;
  key?: string;
  role: AgencyRole;
  owingAgencyId: string;
  owner?: StepOwner;
  from: string;
  variant: string;
  casePeriod?: CasePeriodInput;
}

/** A refusal of a command on a step (recorded in `rejections`). */
export interface StepRefusal {
  code: string;
  message: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The step key of a state (null for unkeyed and older steps). */
export function keyOf(step: Pick<StepState, 'key'>): string | null {
  return step.key ?? null;
}

/** The owner of a state (older steps: the agency that owes it). */
export function ownerOf(step: Pick<StepState, 'owner' | 'owingAgencyId'>): StepOwner {
  return step.owner ?? { kind: 'agency', agencyId: step.owingAgencyId };
}

/** `<ruleId>` or `<ruleId>@<key>`: what rounds are counted per, and the tail of the step id. */
export function stepSlot(ruleId: string, key?: string | null): string {
  return key ? `${ruleId}@${key}` : ruleId;
}

export class StepBook {
  private steps: StepState[];
  private closed: ClosedStepView[];
  private rounds: Record<string, number>;
  private missed: string[];
  private rejections: RejectedCommand[];
  private errors: string[];
  private seq: number;
  private pending: DeadlineEventSpec[] = [];

  constructor(
    private readonly options: StepBookOptions,
    snapshot?: Partial<StepBookSnapshot>,
  ) {
    this.steps = snapshot?.steps ?? [];
    this.closed = snapshot?.closed ?? [];
    this.rounds = snapshot?.rounds ?? {};
    this.missed = snapshot?.missedSteps ?? [];
    this.rejections = snapshot?.rejections ?? [];
    this.errors = snapshot?.errors ?? [];
    this.seq = snapshot?.seq ?? 0;
  }

  snapshot(): StepBookSnapshot {
    return {
      steps: this.steps,
      closed: this.closed,
      rounds: this.rounds,
      missedSteps: this.missed,
      rejections: this.rejections,
      errors: this.errors,
      seq: this.seq,
    };
  }

  // ---- lookup --------------------------------------------------------------------------------

  /** Whether the rule has an open step: the one of `key` when given, any of the rule's steps otherwise. */
  isOpen(ruleId: string, key?: string): boolean {
    return this.steps.some((s) => s.ruleId === ruleId && (key === undefined || keyOf(s) === key));
  }

  /** The latest open step of (rule, key); key absent: the rule's unkeyed step. */
  find(ruleId: string, key?: string): StepState | undefined {
    const matching = this.steps.filter((s) => s.ruleId === ruleId && keyOf(s) === (key ?? null));
    return matching[matching.length - 1];
  }

  byId(stepId: string): StepState | undefined {
    return this.steps.find((s) => s.stepId === stepId);
  }

  openSteps(): readonly StepState[] {
    return this.steps;
  }

  // ---- opening and closing -------------------------------------------------------------------

  /**
   * A new step of (rule, key), not yet in the book: its id counts the round of that (rule, key) —
   * `<subjectId>/<ruleId>[@<key>][#<round>]`. Add it with add() once its due date is known (or not).
   */
  create(spec: NewStep): StepState {
    const slot = stepSlot(spec.ruleId, spec.key);
    const round = (this.rounds[slot] ?? 0) + 1;
    this.rounds[slot] = round;
    const base = `${this.options.subjectId}/${slot}`;
    return {
      stepId: round === 1 ? base : `${base}#${round}`,
      ruleId: spec.ruleId,
      // unkeyed steps keep the shape of older snapshots (no key field)
      ...(spec.key ? { key: spec.key } : {}),
      ...(spec.owner ? { owner: spec.owner } : {}),
      role: spec.role,
      owingAgencyId: spec.owingAgencyId,
      since: spec.from,
      initialVariant: spec.variant,
      variant: spec.variant,
      ...(spec.casePeriod ? { casePeriod: spec.casePeriod } : {}),
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
  }

  /** Puts a created step in the book; with its computed due date it publishes deadline.started. */
  add(step: StepState, computed: ComputedDeadlineView | undefined, causationId?: string): void {
    this.steps.push(step);
    if (computed) {
      this.applyComputed(step, computed);
      this.emit('started', step, { causationId, explain: step.explain ?? {} });
    }
  }

  /** Closes a step: met/late by comparing `at` with its due instant, unless `explicit` says otherwise. */
  close(step: StepState, at: string, explicit: 'moot' | 'met' | undefined, causationId?: string): StepOutcome {
    const outcome: StepOutcome = explicit ?? (step.dueAtMs === null || Date.parse(at) <= step.dueAtMs ? 'met' : 'late');
    this.steps = this.steps.filter((s) => s !== step);
    this.closed.push({
      stepId: step.stepId,
      ruleId: step.ruleId,
      variant: step.variant,
      ...(step.key ? { stepKey: step.key } : {}),
      ...(step.owner ? { owner: step.owner } : {}),
      owingAgencyId: step.owingAgencyId,
      since: step.since,
      dueAt: step.dueAt,
      closedAt: at,
      outcome,
      wasMissed: step.missed,
    });
    if (step.dueAt !== null) this.emit('closed', step, { outcome, causationId });
    return outcome;
  }

  /** Closes every open step as moot (the path is over). */
  closeAll(at: string, causationId?: string): void {
    for (const step of [...this.steps]) this.close(step, at, 'moot', causationId);
  }

  // ---- clocks --------------------------------------------------------------------------------

  /** Clock events must be chronological and not before the start: event times and signal times are clamped. */
  clockInstant(step: StepState, at: string): string {
    const last = step.clockEvents.length
      ? Date.parse(step.clockEvents[step.clockEvents.length - 1]!.at)
      : Date.parse(step.since);
    const ms = Date.parse(at);
    return iso(Number.isNaN(ms) ? last : Math.max(ms, last));
  }

  /** Why a suspension of `stepId` is refused, or the step to suspend. */
  checkSuspend(stepId: string): StepState | StepRefusal {
    const step = this.byId(stepId);
    if (!step) return { code: 'STEP_NOT_OPEN', message: `no open step ${stepId}` };
    if (step.suspended) return { code: 'ALREADY_SUSPENDED', message: `${stepId} is already suspended` };
    if (step.dueAt === null) return { code: 'NO_DUE_DATE', message: `${stepId} has no due date` };
    return step;
  }

  /** Why a resumption of `stepId` is refused, or the step to resume. */
  checkResume(stepId: string): StepState | StepRefusal {
    const step = this.byId(stepId);
    if (!step) return { code: 'STEP_NOT_OPEN', message: `no open step ${stepId}` };
    if (!step.suspended) return { code: 'NOT_SUSPENDED', message: `${stepId} is not suspended` };
    return step;
  }

  /** Stops the clock of a step (checked with checkSuspend): deadline.closed `suspended`. */
  suspend(step: StepState, at: string, reason?: string): void {
    step.clockEvents.push({ type: 'suspended', at: this.clockInstant(step, at), ...(reason ? { reason } : {}) });
    step.suspended = true;
    step.revision += 1;
    this.emit('closed', step, { outcome: 'suspended' });
  }

  /** Records a clock event (resumed, extended) whose due date was computed, and applies it. */
  changeClock(step: StepState, event: ClockEventInput, computed: ComputedDeadlineView, causationId?: string): void {
    step.clockEvents.push(event);
    if (event.type === 'resumed') step.suspended = false;
    this.applyClockChange(step, computed, causationId);
  }

  /**
   * A new due date for the step (extension, resumption, recount): revision + 1; warning and miss re-armed when the
   * due date moved; deadline.started again unless the step is suspended.
   */
  applyClockChange(step: StepState, d: ComputedDeadlineView, causationId?: string): void {
    const previousDue = step.dueAt;
    step.revision += 1;
    this.applyComputed(step, d);
    if (d.dueAt !== previousDue) {
      step.warned = false;
      step.missed = false;
    }
    if (!step.suspended) this.emit('started', step, { causationId, explain: step.explain ?? {} });
  }

  private applyComputed(step: StepState, d: ComputedDeadlineView): void {
    step.variant = d.variant;
    step.dueAt = d.dueAt;
    step.dueAtMs = d.dueAtEpochMs;
    step.lastDay = d.lastDay;
    step.explain = d.explain;
    step.onExpiry = this.options.onExpiryOverrides?.[step.ruleId] ?? d.onExpiry;
    step.basis = d.basis;
    const period = d.dueAtEpochMs - Date.parse(step.since);
    const { warningLeadHours, warningMaxFraction } = this.options.config;
    const lead = Math.min(warningLeadHours * MS_PER_HOUR, Math.max(0, period) * warningMaxFraction);
    step.warnAtMs = lead > 0 ? d.dueAtEpochMs - lead : null;
  }

  // ---- warnings and misses -------------------------------------------------------------------

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
    const s = this.steps.find(
      (x) =>
        !x.suspended &&
        x.dueAtMs !== null &&
        ((!x.missed && x.dueAtMs === next) || (!x.warned && !x.missed && x.warnAtMs === next)),
    );
    if (!s) return null;
    const what = s.dueAtMs === next ? 'due' : 'warning';
    return `${stepSlot(s.ruleId, s.key)} ${what} ${new Date(next).toISOString()} (${s.owingAgencyId})`;
  }

  /** Marks (and queues the events of) the warnings and misses due at `nowMs`, earliest due first; returns the steps newly missed. */
  fireDue(nowMs: number): MissedStep[] {
    const newlyMissed: MissedStep[] = [];
    const byDue = [...this.steps].sort((a, b) => (a.dueAtMs ?? Infinity) - (b.dueAtMs ?? Infinity) || a.seq - b.seq);
    for (const s of byDue) {
      if (s.suspended || s.dueAtMs === null || s.missed) continue;
      if (nowMs >= s.dueAtMs) {
        // Already past due when first looked at (opened late): the warning would be pointless.
        s.missed = true;
        this.missed.push(s.stepId);
        this.emit('missed', s, { onExpiry: s.onExpiry ?? undefined });
        newlyMissed.push({ ruleId: s.ruleId, ...(s.key ? { key: s.key } : {}) });
      } else if (!s.warned && s.warnAtMs !== null && s.warnAtMs < s.dueAtMs && nowMs >= s.warnAtMs) {
        s.warned = true;
        this.emit('warning', s, {});
      }
    }
    return newlyMissed;
  }

  // ---- events, refusals, errors --------------------------------------------------------------

  /** The deadline events queued since the last call (each stamped `at` with `nowMs` unless already stamped). */
  takePending(nowMs: number): DeadlineEventSpec[] {
    const batch = this.pending.map((e) => ({ ...e, at: e.at || iso(nowMs) }));
    this.pending = [];
    return batch;
  }

  reject(command: RejectedCommand['command'], stepId: string, at: string, refusal: StepRefusal): void {
    this.rejections.push({ at, command, stepId, code: refusal.code, message: refusal.message });
  }

  recordError(message: string): void {
    this.errors.push(message);
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
      ...(step.key ? { stepKey: step.key } : {}),
      owner: ownerOf(step),
      variant: step.variant,
      owingAgencyId: step.owingAgencyId,
      startedAt: step.since,
      dueAt: step.dueAt,
      lastDay: step.lastDay,
      revision: step.revision,
      at: '', // stamped with the workflow time at takePending
      ...(extra.causationId ? { causationId: extra.causationId } : {}),
      ...(extra.explain ? { explain: extra.explain } : {}),
      ...(extra.onExpiry ? { onExpiry: extra.onExpiry } : {}),
      ...(extra.outcome ? { outcome: extra.outcome } : {}),
    });
  }

  // ---- views ---------------------------------------------------------------------------------

  openStepViews(): OpenStepView[] {
    return [...this.steps]
      .sort((a, b) => (a.dueAtMs ?? Infinity) - (b.dueAtMs ?? Infinity) || a.seq - b.seq)
      .map((s) => ({
        stepId: s.stepId,
        ruleId: s.ruleId,
        variant: s.variant,
        stepKey: keyOf(s),
        owner: ownerOf(s),
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
}

function statusOf(s: StepState): StepStatus {
  if (s.suspended) return 'suspended';
  if (s.missed) return 'overdue';
  if (s.warned) return 'warning';
  return 'running';
}
