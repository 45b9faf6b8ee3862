/**
 * DeadlineClock: an immutable, serialisable clock for one rule, with suspensions and approved
 * extensions. Every method returns a new clock; the state (`clock.state`) is plain JSON, so a Temporal
 * workflow can keep it and rebuild the clock with DeadlineClock.restore.
 *
 * Semantics (see counting.ts for the counting of suspended days):
 * - start(at): the clock starts at the trigger instant; the period is always counted from it.
 * - suspend(at) / resume(at): while suspended the clock does not run. Day-based periods: the days after
 *   the suspension day up to and including the resume day are not counted. Hour periods: the suspended
 *   time is added exactly.
 * - extend(toVariant, approvedBy, at): switches to a longer variant (e.g. transfer.filing-review
 *   standard 3 days → major-complex 30 days), still counted from the original start. Refused when the
 *   variant requires an approval and none is given, when the period has already expired at `at`, or
 *   when the new due date would be earlier.
 * - deadline(): the due date; throws ClockSuspendedError while suspended (projectedDeadline(resumeAt)
 *   answers "if it resumed then").
 * - status(at) / remaining(at): as of `at`, considering only events up to `at`; while suspended, the
 *   remaining time is what would be left if the clock resumed at `at`.
 */
import {
  ApprovalRequiredError,
  ClockSequenceError,
  ClockSuspendedError,
  ExtensionRefusedError,
  assertNever,
} from '../errors';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import { chineseDaysCalendar } from '../calendar/chinese-days.calendar';
import { findVariant } from '../rules/rule-book';
import { Period, PeriodKind, Rule, STANDARD_VARIANT } from '../rules/types';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time/civil-date';
import { EpochMs, InstantInput, formatInstant, toEpochMs } from '../time/instant';
import { SuspensionInterval } from './counting';
import { computeResolved, resolvePeriod } from './compute';
import { ComputedDeadline, ExtensionRecord } from './types';

export type ClockEvent =
  | { readonly type: 'suspended'; readonly at: string; readonly reason?: string }
  | { readonly type: 'resumed'; readonly at: string }
  | {
      readonly type: 'extended';
      readonly at: string;
      readonly fromVariant: string;
      readonly toVariant: string;
      readonly approvedBy?: string;
    };

/** Plain-JSON state of a clock. */
export interface ClockState {
  readonly ruleId: string;
  readonly startedAt: string;
  readonly initialVariant: string;
  readonly casePeriod?: Period;
  readonly events: readonly ClockEvent[];
}

/**
 * running: the period runs and has not expired.
 * suspended: the clock is stopped.
 * overdue: a deadline passed without the act.
 * elapsed: a minimum period (announcement) has fully run; the next act may now be taken.
 */
export type ClockStatus = 'running' | 'suspended' | 'overdue' | 'elapsed';

export interface Remaining {
  readonly at: string;
  readonly dueAt: string;
  /** True while suspended: dueAt is projected as if the clock resumed at `at`. */
  readonly projected: boolean;
  /** dueAt − at; negative once expired. */
  readonly ms: number;
  /** The period has run out: overdue for a deadline, elapsed for a minimum period. */
  readonly expired: boolean;
  /** Whole days / hours in `ms` (truncated toward zero). */
  readonly wholeDays: number;
  readonly wholeHours: number;
  /** e.g. '2d 5h 30m left', 'overdue by 1d 0h 0m', 'elapsed 0d 3h 0m ago'. */
  readonly text: string;
}

export interface StartClockOptions {
  readonly rule: Rule;
  readonly at: InstantInput;
  readonly variant?: string;
  readonly calendar?: HolidayCalendar;
  readonly casePeriod?: Period;
}

const HOURS_PER_DAY = MS_PER_DAY / MS_PER_HOUR;
const MINUTES_PER_HOUR = MS_PER_HOUR / MS_PER_MINUTE;

function durationText(ms: number, kind: PeriodKind): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / MS_PER_DAY);
  const h = Math.floor(abs / MS_PER_HOUR) % HOURS_PER_DAY;
  const m = Math.floor(abs / MS_PER_MINUTE) % MINUTES_PER_HOUR;
  const text = `${d}d ${h}h ${m}m`;
  if (ms > 0) return `${text} left`;
  switch (kind) {
    case 'deadline':
    case 'lead-time':
      return `overdue by ${text}`;
    case 'minimum':
      return `elapsed ${text} ago`;
    default:
      return assertNever(kind, 'period kind');
  }
}

interface Replay {
  readonly variant: string;
  readonly suspensions: SuspensionInterval[];
  readonly openSince?: { readonly at: EpochMs; readonly reason?: string };
  readonly extensions: ExtensionRecord[];
  readonly lastEventAt: EpochMs;
}

/**
 * Expired as of `at`: a running clock past its due date, or a clock suspended only after its due date
 * (a suspension cannot revive an expired period).
 */
function expired(replay: Replay, deadline: ComputedDeadline, at: EpochMs): boolean {
  return replay.openSince ? replay.openSince.at >= deadline.dueAtEpochMs : at >= deadline.dueAtEpochMs;
}

export class DeadlineClock {
  private constructor(
    readonly rule: Rule,
    readonly calendar: HolidayCalendar,
    readonly state: ClockState,
  ) {}

  static start(options: StartClockOptions): DeadlineClock {
    const { rule } = options;
    const variant = findVariant(rule, options.variant ?? STANDARD_VARIANT);
    if ((variant.kind ?? 'deadline') === 'lead-time') {
      throw new ClockSequenceError(
        `${rule.id} variant ${variant.name} is a lead time before an event, not a running clock`,
      );
    }
    resolvePeriod(rule, variant, options.casePeriod); // validates casePeriod early
    const state: ClockState = {
      ruleId: rule.id,
      startedAt: formatInstant(toEpochMs(options.at)),
      initialVariant: variant.name,
      ...(options.casePeriod ? { casePeriod: options.casePeriod } : {}),
      events: [],
    };
    return new DeadlineClock(rule, options.calendar ?? chineseDaysCalendar(), state);
  }

  /** Rebuilds a clock from its state; the events are re-validated. */
  static restore(state: ClockState, rule: Rule, calendar: HolidayCalendar = chineseDaysCalendar()): DeadlineClock {
    if (state.ruleId !== rule.id) throw new ClockSequenceError(`state is for ${state.ruleId}, not ${rule.id}`);
    let clock = DeadlineClock.start({
      rule,
      calendar,
      at: state.startedAt,
      variant: state.initialVariant,
      casePeriod: state.casePeriod,
    });
    for (const event of state.events) {
      switch (event.type) {
        case 'suspended':
          clock = clock.suspend(event.at, event.reason);
          break;
        case 'resumed':
          clock = clock.resume(event.at);
          break;
        case 'extended':
          clock = clock.extend(event.toVariant, event.approvedBy, event.at);
          break;
        default:
          assertNever(event, 'clock event');
      }
    }
    return clock;
  }

  get startedAt(): string {
    return this.state.startedAt;
  }

  get variant(): string {
    return this.replay().variant;
  }

  get isSuspended(): boolean {
    return this.replay().openSince !== undefined;
  }

  suspend(at: InstantInput, reason?: string): DeadlineClock {
    const ms = this.nextEventAt(at);
    if (this.isSuspended) throw new ClockSequenceError(`${this.rule.id}: clock already suspended`);
    if (this.currentPeriodUnit() === 'simultaneous') {
      throw new ClockSequenceError(`${this.rule.id}: a simultaneous act has no running period to suspend`);
    }
    return this.with({ type: 'suspended', at: formatInstant(ms), ...(reason === undefined ? {} : { reason }) });
  }

  resume(at: InstantInput): DeadlineClock {
    const ms = this.nextEventAt(at);
    if (!this.isSuspended) throw new ClockSequenceError(`${this.rule.id}: clock is not suspended`);
    return this.with({ type: 'resumed', at: formatInstant(ms) });
  }

  extend(toVariant: string, approvedBy: string | undefined, at: InstantInput): DeadlineClock {
    const ms = this.nextEventAt(at);
    const current = this.replay();
    const target = findVariant(this.rule, toVariant);
    if (target.name === current.variant) {
      throw new ExtensionRefusedError(`${this.rule.id}: already on variant ${toVariant}`);
    }
    if ((target.kind ?? 'deadline') === 'lead-time') {
      throw new ExtensionRefusedError(`${this.rule.id}: cannot switch to the lead-time variant ${toVariant}`);
    }
    if (target.requiresApproval && !approvedBy?.trim()) {
      throw new ApprovalRequiredError(
        `${this.rule.id}: variant ${toVariant} requires the approval of ${target.approvalBy ?? 'a competent authority'}`,
      );
    }
    const before = this.computeAsOf(ms, current);
    if (expired(current, before, ms)) {
      throw new ExtensionRefusedError(
        `${this.rule.id}: the period expired at ${before.dueAt}; it can no longer be extended`,
      );
    }
    const next = this.with({
      type: 'extended',
      at: formatInstant(ms),
      fromVariant: current.variant,
      toVariant: target.name,
      ...(approvedBy === undefined ? {} : { approvedBy }),
    });
    const after = next.computeAsOf(ms, next.replay());
    if (after.dueAtEpochMs < before.dueAtEpochMs) {
      throw new ExtensionRefusedError(
        `${this.rule.id}: variant ${toVariant} would end earlier (${after.dueAt}) than ${current.variant} (${before.dueAt})`,
      );
    }
    return next;
  }

  /** The due date; throws ClockSuspendedError while suspended. */
  deadline(): ComputedDeadline {
    const replay = this.replay();
    if (replay.openSince) {
      throw new ClockSuspendedError(
        `${this.rule.id}: clock suspended since ${formatInstant(replay.openSince.at)}; the due date depends on when it resumes`,
      );
    }
    return this.computeWith(replay, undefined);
  }

  /** The due date if the clock (suspended now) resumed at `resumeAt`; same as deadline() when running. */
  projectedDeadline(resumeAt: InstantInput): ComputedDeadline {
    const replay = this.replay();
    const ms = toEpochMs(resumeAt);
    if (replay.openSince && ms < replay.openSince.at) {
      throw new ClockSequenceError('resumeAt is before the suspension');
    }
    return this.computeWith(replay, replay.openSince ? ms : undefined);
  }

  status(at: InstantInput): ClockStatus {
    const ms = this.checkAsOf(at);
    const replay = this.replay(ms);
    const deadline = this.computeAsOf(ms, replay);
    if (!expired(replay, deadline, ms)) return replay.openSince ? 'suspended' : 'running';
    const kind = deadline.explain.kind;
    switch (kind) {
      case 'deadline':
        return 'overdue';
      case 'minimum':
        return 'elapsed';
      case 'lead-time':
        return 'overdue'; // unreachable: lead-time clocks are refused at start
      default:
        return assertNever(kind, 'period kind');
    }
  }

  remaining(at: InstantInput): Remaining {
    const ms = this.checkAsOf(at);
    const replay = this.replay(ms);
    const deadline = this.computeWith(replay, replay.openSince ? ms : undefined);
    const left = deadline.dueAtEpochMs - ms;
    return {
      at: formatInstant(ms),
      dueAt: deadline.dueAt,
      projected: replay.openSince !== undefined,
      ms: left,
      expired: left <= 0,
      wholeDays: Math.trunc(left / MS_PER_DAY),
      wholeHours: Math.trunc(left / MS_PER_HOUR),
      text: durationText(left, deadline.explain.kind),
    };
  }

  toJSON(): ClockState {
    return this.state;
  }

  // ---- internals ----

  private with(event: ClockEvent): DeadlineClock {
    return new DeadlineClock(this.rule, this.calendar, { ...this.state, events: [...this.state.events, event] });
  }

  private currentPeriodUnit(): string {
    return findVariant(this.rule, this.replay().variant).period.unit;
  }

  private checkAsOf(at: InstantInput): EpochMs {
    const ms = toEpochMs(at);
    if (ms < toEpochMs(this.state.startedAt)) {
      throw new ClockSequenceError(`${formatInstant(ms)} is before the clock started (${this.state.startedAt})`);
    }
    return ms;
  }

  private nextEventAt(at: InstantInput): EpochMs {
    const ms = this.checkAsOf(at);
    const last = this.replay().lastEventAt;
    if (ms < last) {
      throw new ClockSequenceError(`${formatInstant(ms)} is before the clock's last event (${formatInstant(last)})`);
    }
    return ms;
  }

  /** Folds the events (only those at or before `asOf`, when given). */
  private replay(asOf?: EpochMs): Replay {
    let variant = this.state.initialVariant;
    const suspensions: SuspensionInterval[] = [];
    const extensions: ExtensionRecord[] = [];
    let openSince: { at: EpochMs; reason?: string } | undefined;
    let lastEventAt = toEpochMs(this.state.startedAt);
    for (const event of this.state.events) {
      const at = toEpochMs(event.at);
      if (asOf !== undefined && at > asOf) break;
      lastEventAt = at;
      switch (event.type) {
        case 'suspended':
          openSince = { at, ...(event.reason === undefined ? {} : { reason: event.reason }) };
          break;
        case 'resumed':
          if (openSince)
            suspensions.push({
              from: openSince.at,
              to: at,
              ...(openSince.reason === undefined ? {} : { reason: openSince.reason }),
            });
          openSince = undefined;
          break;
        case 'extended':
          variant = event.toVariant;
          extensions.push({
            at: event.at,
            fromVariant: event.fromVariant,
            toVariant: event.toVariant,
            ...(event.approvedBy === undefined ? {} : { approvedBy: event.approvedBy }),
          });
          break;
        default:
          assertNever(event, 'clock event');
      }
    }
    return { variant, suspensions, openSince, extensions, lastEventAt };
  }

  /** Deadline as of `at` for the extension checks: an open suspension is projected to resume at `at`. */
  private computeAsOf(at: EpochMs, replay: Replay): ComputedDeadline {
    return this.computeWith(replay, replay.openSince ? at : undefined);
  }

  private computeWith(replay: Replay, projectResumeAt: EpochMs | undefined): ComputedDeadline {
    const suspensions =
      replay.openSince && projectResumeAt !== undefined
        ? [
            ...replay.suspensions,
            {
              from: replay.openSince.at,
              to: projectResumeAt,
              open: true,
              ...(replay.openSince.reason === undefined ? {} : { reason: replay.openSince.reason }),
            },
          ]
        : replay.suspensions;
    return computeResolved(this.rule, {
      variant: findVariant(this.rule, replay.variant),
      from: toEpochMs(this.state.startedAt),
      calendar: this.calendar,
      casePeriod: this.state.casePeriod,
      suspensions,
      extensions: replay.extensions,
    });
  }
}
