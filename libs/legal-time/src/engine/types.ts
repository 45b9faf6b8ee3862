import { IsoDate } from '../time/civil-date';
import { CountablePeriod, LegalBasis, Period, PeriodKind, RuleStatus } from '../rules/types';

/** How the period was counted. */
export type CountingMode =
  | 'calendar-days'
  | 'working-days'
  | 'months'
  | 'composite'
  | 'hours'
  | 'simultaneous'
  | 'lead-time-days'
  | 'lead-time-hours';

/** A holiday extension of the last day. */
export interface DeadlineShift {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly reason: string;
  /** The non-working days jumped over. */
  readonly skipped: readonly IsoDate[];
}

/** A period during which the clock did not run, and what it did to the deadline. */
export interface SuspensionEffect {
  readonly from: string;
  /** Absent while the suspension is still open (projection). */
  readonly to?: string;
  /** Day-based periods: the days after the suspension day up to and including the resume day are not counted. */
  readonly excludedDates?: { readonly first: IsoDate; readonly last: IsoDate; readonly count: number };
  /** Hour periods: the suspended time, in milliseconds. */
  readonly excludedMs?: number;
  /** False when the suspension started after the deadline had already passed (no effect). */
  readonly applied: boolean;
  readonly reason?: string;
}

export interface ExtensionRecord {
  readonly at: string;
  readonly fromVariant: string;
  readonly toVariant: string;
  readonly approvedBy?: string;
}

export interface DeadlineExplanation {
  readonly start: {
    readonly instant: string;
    readonly localDate: IsoDate;
    readonly note: string;
  };
  readonly countingMode: CountingMode;
  readonly kind: PeriodKind;
  readonly period: CountablePeriod;
  readonly periodText: string;
  /** Day modes: the last day before any holiday extension (YYYY-MM-DD). Hour modes: the raw end instant. */
  readonly rawEnd: string;
  readonly shifts: readonly DeadlineShift[];
  /** Which holiday rule applied and why. */
  readonly holidayRule: string;
  readonly suspensions?: readonly SuspensionEffect[];
  readonly extensions?: readonly ExtensionRecord[];
  /** Set when configuration replaced the default period of a policy/unverified rule. */
  readonly configuredPeriod?: { readonly defaultPeriod: Period; readonly configured: Period };
  /** Set when the period came from the case (rules with a period set per case). */
  readonly casePeriod?: Period;
  /** Sources of the holiday data consulted. */
  readonly calendar: readonly string[];
}

export interface ComputedDeadline {
  readonly rule: string;
  readonly variant: string;
  readonly status: RuleStatus;
  readonly actor: string;
  readonly from: string;
  /** The last day of the period (Asia/Shanghai). */
  readonly lastDay: IsoDate;
  /** ISO instant at +08:00; for day-based periods 24:00 of lastDay, i.e. `${nextDay}T00:00:00+08:00`. */
  readonly dueAt: string;
  /** Epoch milliseconds of dueAt (for comparisons and timers). */
  readonly dueAtEpochMs: number;
  readonly onExpiry: string;
  readonly basis: readonly LegalBasis[];
  readonly basisText: string;
  readonly explain: DeadlineExplanation;
  /**
   * Years counted on the statutory floor because their official holiday arrangement is not loaded (only
   * with withProvisionalYears / uncoveredYears: 'provisional'): the due date is provisional until the
   * year's calendar is loaded, and may then move either way. Absent when exact.
   */
  readonly provisionalYears?: readonly number[];
}
