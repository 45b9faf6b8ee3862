/**
 * computeDeadline: one rule + variant + start instant → a due date with its full explanation.
 */
import { ClockSequenceError, InvalidPeriodError, PeriodNotSetError } from '../errors';
import { HolidayCalendar, PROVISIONAL_SOURCE_PREFIX } from '../calendar/holiday-calendar';
import { chineseDaysCalendar } from '../calendar/chinese-days.calendar';
import { describePeriod, validatePeriod } from '../rules/period';
import { findVariant } from '../rules/rule-book';
import { CountablePeriod, Period, Rule, RuleVariant, STANDARD_VARIANT } from '../rules/types';
import { EpochMs, InstantInput, formatInstant, localDateOf, toEpochMs } from '../time/instant';
import { SuspensionInterval, countPeriod } from './counting';
import { ComputedDeadline, ExtensionRecord } from './types';

export interface SuspensionInput {
  readonly from: InstantInput;
  /** Resume instant. */
  readonly to: InstantInput;
  readonly reason?: string;
}

export interface ComputeOptions {
  /** Default 'standard'. */
  readonly variant?: string;
  readonly from: InstantInput;
  /** Default: the built-in chinese-days calendar. */
  readonly calendar?: HolidayCalendar;
  /** Required for rules whose period is set per case (joint-supervision); refused otherwise. */
  readonly casePeriod?: Period;
  /** Closed suspensions, chronological and non-overlapping (DeadlineClock builds these). */
  readonly suspensions?: readonly SuspensionInput[];
  /** Recorded in the explanation (DeadlineClock passes its history). */
  readonly extensions?: readonly ExtensionRecord[];
}

/** @internal shared with DeadlineClock: suspensions already as epoch ms, possibly an open one projected. */
export interface ResolvedComputeOptions {
  readonly variant: RuleVariant;
  readonly from: EpochMs;
  readonly calendar: HolidayCalendar;
  readonly casePeriod?: Period;
  readonly suspensions: readonly SuspensionInterval[];
  readonly extensions?: readonly ExtensionRecord[];
}

export function resolvePeriod(rule: Rule, variant: RuleVariant, casePeriod: Period | undefined): CountablePeriod {
  const period = variant.period;
  if (period.unit === 'set-per-case') {
    if (!casePeriod) throw new PeriodNotSetError(rule.id);
    validatePeriod(casePeriod, `casePeriod for ${rule.id}`);
    if (casePeriod.unit === 'set-per-case') {
      throw new InvalidPeriodError(`casePeriod for ${rule.id} must be a concrete period`);
    }
    return casePeriod;
  }
  if (casePeriod) {
    throw new InvalidPeriodError(
      `rule ${rule.id} has a fixed period (${describePeriod(period)}); casePeriod is not allowed`,
    );
  }
  return period;
}

export function checkSuspensions(from: EpochMs, suspensions: readonly SuspensionInterval[]): void {
  let previous = from;
  for (const s of suspensions) {
    if (s.from < previous || s.to < s.from) {
      throw new ClockSequenceError(
        `suspensions must be chronological, non-overlapping and not before the start (${formatInstant(s.from)}–${formatInstant(s.to)})`,
      );
    }
    previous = s.to;
  }
}

export function computeResolved(rule: Rule, options: ResolvedComputeOptions): ComputedDeadline {
  const { variant, from, calendar, suspensions } = options;
  const period = resolvePeriod(rule, variant, options.casePeriod);
  checkSuspensions(from, suspensions);
  const kind = variant.kind ?? 'deadline';
  if (kind === 'lead-time' && suspensions.length) {
    throw new InvalidPeriodError(
      `${rule.id} variant ${variant.name} is a lead time before an event: it cannot be suspended`,
    );
  }
  const result = countPeriod({ period, kind, from, calendar, custody: rule.custody, suspensions });
  const provisionalYears = result.calendarSources
    .filter((s) => s.includes(`: ${PROVISIONAL_SOURCE_PREFIX}`))
    .map((s) => Number(s.slice(0, s.indexOf(':'))));
  return {
    rule: rule.id,
    variant: variant.name,
    status: rule.status,
    actor: variant.actor ?? rule.actor,
    from: formatInstant(from),
    lastDay: result.lastDay,
    dueAt: formatInstant(result.dueAt),
    dueAtEpochMs: result.dueAt,
    onExpiry: rule.onExpiry,
    basis: rule.basis,
    basisText: rule.basisText,
    explain: {
      start: { instant: formatInstant(from), localDate: localDateOf(from), note: result.startNote },
      countingMode: result.countingMode,
      kind,
      period,
      periodText: describePeriod(period),
      rawEnd: result.rawEnd,
      shifts: result.shifts,
      holidayRule: result.holidayRule,
      ...(result.suspensions.length ? { suspensions: result.suspensions } : {}),
      ...(options.extensions?.length ? { extensions: options.extensions } : {}),
      ...(variant.defaultPeriod
        ? { configuredPeriod: { defaultPeriod: variant.defaultPeriod, configured: variant.period } }
        : {}),
      ...(options.casePeriod ? { casePeriod: options.casePeriod } : {}),
      calendar: result.calendarSources,
    },
    ...(provisionalYears.length ? { provisionalYears } : {}),
  };
}

/**
 * Computes the due date of `rule` (variant default 'standard') for a clock started at `from`.
 * Throws UnknownVariantError, InvalidInstantError, CalendarNotCoveredError, PeriodNotSetError.
 */
export function computeDeadline(rule: Rule, options: ComputeOptions): ComputedDeadline {
  const from = toEpochMs(options.from);
  return computeResolved(rule, {
    variant: findVariant(rule, options.variant ?? STANDARD_VARIANT),
    from,
    calendar: options.calendar ?? chineseDaysCalendar(),
    casePeriod: options.casePeriod,
    suspensions: (options.suspensions ?? []).map((s) => ({
      from: toEpochMs(s.from),
      to: toEpochMs(s.to),
      ...(s.reason === undefined ? {} : { reason: s.reason }),
    })),
    extensions: options.extensions,
  });
}
