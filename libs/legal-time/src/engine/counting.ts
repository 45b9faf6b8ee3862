/**
 * Counting of periods (deadlines.md "How periods are counted"; E17 art 38, CPL art 105,
 * CivPL arts 85–86, Civil Code arts 200–204). Pure and deterministic: no clock, no I/O.
 *
 * - The start day (or hour) is not counted.
 * - days N: last day = start date + N; due at 24:00 of the last day.
 * - months N: same day-of-month N months later, or that month's last day; due at 24:00.
 * - working days N: the Nth working day after the start date; due at 24:00.
 * - hours N: counted from the next whole hour: end = ceil-to-hour(start) + N hours (exactly on the hour:
 *   start + N hours). NOT extended for holidays: the statutory extension speaks of the "last day" of a
 *   period counted in days; hour periods in the table are 24-hour "act at once" windows.
 * - Holiday extension: a last day that is not a working day moves to the first working day after it,
 *   except for custody periods (CPL art 105).
 * - Suspension (day-based): for a suspension from instant s to instant r, the days after the local date
 *   of s up to and including the local date of r are not counted (the suspension day counts as used, the
 *   resume day is not counted, like a start day). Calendar-day and month periods are extended by those
 *   days; working-day periods skip them. Hour periods are extended by the suspended time exactly.
 *   Suspensions starting after the (extended) last day have no effect.
 */
import { CountablePeriod, PeriodKind } from '../rules/types';
import { assertNever, CalendarNotCoveredError, InvalidPeriodError } from '../errors';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import { IsoDate, MS_PER_HOUR, addDays, addMonthsClamped, daysBetween, yearOf } from '../time/civil-date';
import { EpochMs, ceilToHour, endOfLocalDay, formatInstant, localDateOf } from '../time/instant';
import { CountingMode, DeadlineShift, SuspensionEffect } from './types';

export const HOLIDAY_RULE_BASIS = 'CPL art 105; CivPL art 86; E17 art 38';

export interface SuspensionInterval {
  readonly from: EpochMs;
  /** Resume instant. */
  readonly to: EpochMs;
  /** True when `to` is a projection (the suspension is still open). */
  readonly open?: boolean;
  readonly reason?: string;
}

export interface CountInput {
  readonly period: CountablePeriod;
  readonly kind: PeriodKind;
  readonly from: EpochMs;
  readonly calendar: HolidayCalendar;
  readonly custody: boolean;
  /** Chronological, non-overlapping, none before `from`. */
  readonly suspensions: readonly SuspensionInterval[];
}

export interface CountResult {
  readonly lastDay: IsoDate;
  readonly dueAt: EpochMs;
  readonly countingMode: CountingMode;
  readonly startNote: string;
  readonly rawEnd: string;
  readonly shifts: readonly DeadlineShift[];
  readonly holidayRule: string;
  readonly suspensions: readonly SuspensionEffect[];
  readonly calendarSources: readonly string[];
}

/** Records which years of the calendar were consulted (for the explanation). */
class CalendarProbe {
  private readonly years = new Set<number>();
  constructor(readonly calendar: HolidayCalendar) {}
  isWorkingDay(date: IsoDate): boolean {
    const working = this.calendar.isWorkingDay(date); // throws CalendarNotCoveredError
    this.years.add(yearOf(date));
    return working;
  }
  describe(date: IsoDate): string {
    const info = this.calendar.describe(date);
    return info.name ? `${info.kind}: ${info.name}` : info.kind;
  }
  sources(): string[] {
    const sources = [...this.years].sort((a, b) => a - b).map((y) => `${y}: ${this.calendar.sourceOf(y)}`);
    return sources;
  }
}

function suspensionBase(s: SuspensionInterval): Pick<SuspensionEffect, 'from' | 'to' | 'reason'> {
  return {
    from: formatInstant(s.from),
    ...(s.open ? {} : { to: formatInstant(s.to) }),
    ...(s.reason === undefined ? {} : { reason: s.reason }),
  };
}

/** Excluded local dates of a suspension: (date(from), date(to)]. */
function excludedRange(s: SuspensionInterval): { after: IsoDate; through: IsoDate; count: number } {
  const after = localDateOf(s.from);
  const through = localDateOf(s.to);
  return { after, through, count: daysBetween(after, through) };
}

function excludedDates(s: SuspensionInterval): SuspensionEffect['excludedDates'] {
  const { after, through, count } = excludedRange(s);
  return count > 0 ? { first: addDays(after, 1), last: through, count } : undefined;
}

/**
 * Calendar-length periods (days, months, composite): the days left when the clock stopped are counted
 * again from the resume day (excluded). A suspension on or before the last day moves the last day by the
 * suspended days; one after the last day but before the holiday-extended end (the days were used up,
 * only the holiday excuse remained) resumes with nothing left: the resume day becomes the last day.
 */
function extendByExcludedDays(
  rawLast: IsoDate,
  suspensions: readonly SuspensionInterval[],
  shiftedEnd: (last: IsoDate) => IsoDate,
): { last: IsoDate; effects: SuspensionEffect[] } {
  let last = rawLast;
  const effects: SuspensionEffect[] = [];
  for (const s of suspensions) {
    const { after, through, count } = excludedRange(s);
    let applied = true;
    if (after <= last) last = addDays(last, count);
    else if (after <= shiftedEnd(last)) last = through;
    else applied = false; // already overdue when suspended
    const dates = excludedDates(s);
    effects.push({ ...suspensionBase(s), ...(dates ? { excludedDates: dates } : {}), applied });
  }
  return { last, effects };
}

function startingOn(date: IsoDate, suspensions: readonly SuspensionInterval[]): SuspensionInterval | undefined {
  return suspensions.find((s) => {
    const { after, count } = excludedRange(s);
    return after === date && count > 0;
  });
}

function isExcluded(date: IsoDate, suspensions: readonly SuspensionInterval[]): SuspensionInterval | undefined {
  return suspensions.find((s) => {
    const { after, through } = excludedRange(s);
    return date > after && date <= through;
  });
}

function countWorkingDays(
  start: IsoDate,
  amount: number,
  probe: CalendarProbe,
  suspensions: readonly SuspensionInterval[],
): { last: IsoDate; effects: SuspensionEffect[] } {
  let day = start;
  let counted = 0;
  const used = new Set<SuspensionInterval>();
  while (counted < amount) {
    day = addDays(day, 1);
    const excludedBy = isExcluded(day, suspensions);
    if (excludedBy) {
      used.add(excludedBy);
      continue; // not counted, and no calendar lookup needed
    }
    if (probe.isWorkingDay(day)) counted++;
  }
  // Suspended on the last working day itself: that day is used up; the resume day becomes the last day
  // (moved to a working day by the holiday extension if need be).
  for (let s = startingOn(day, suspensions); s; s = startingOn(day, suspensions)) {
    used.add(s);
    day = excludedRange(s).through;
  }
  const effects = suspensions.map((s): SuspensionEffect => {
    const dates = excludedDates(s);
    return { ...suspensionBase(s), ...(dates ? { excludedDates: dates } : {}), applied: used.has(s) };
  });
  return { last: day, effects };
}

function holidayExtension(
  last: IsoDate,
  custody: boolean,
  probe: CalendarProbe,
): { lastDay: IsoDate; shifts: DeadlineShift[]; holidayRule: string } {
  if (custody) {
    return {
      lastDay: last,
      shifts: [],
      holidayRule: 'custody period: the last day is never extended for holidays (CPL art 105)',
    };
  }
  const skipped: IsoDate[] = [];
  let day = last;
  while (!probe.isWorkingDay(day)) {
    skipped.push(day);
    day = addDays(day, 1);
  }
  const holidayRule = `a last day that is not a working day moves to the first working day after it (${HOLIDAY_RULE_BASIS})`;
  if (!skipped.length) return { lastDay: last, shifts: [], holidayRule };
  const reason =
    `last day ${last} is not a working day (${probe.describe(last)}); ` +
    `non-working ${skipped.length === 1 ? skipped[0] : `${skipped[0]}..${skipped[skipped.length - 1]}`}; ` +
    `the period ends at the end of the first working day after it (${day}, ${probe.describe(day)})`;
  return { lastDay: day, shifts: [{ from: last, to: day, reason, skipped }], holidayRule };
}

const HOUR_PERIOD_RULE =
  'hour period: runs continuously from the next whole hour, through nights, weekends and holidays, and is not ' +
  'extended when it ends on a holiday (deadlines.md; the holiday extension speaks of the last day of a period ' +
  'counted in days or months)';

/** The hour-period rule, naming the holiday the period ends on when the calendar knows the day. */
function hourPeriodRule(end: EpochMs, calendar: HolidayCalendar): string {
  const date = localDateOf(end - 1);
  let info;
  try {
    info = calendar.describe(date);
  } catch (e) {
    if (e instanceof CalendarNotCoveredError) return HOUR_PERIOD_RULE; // hour periods need no calendar
    throw e;
  }
  if (info.working) return HOUR_PERIOD_RULE;
  return `${HOUR_PERIOD_RULE}: it ends on ${date} (${info.kind}${info.name ? `: ${info.name}` : ''}) and stays there`;
}

function addCalendarPeriod(start: IsoDate, period: CountablePeriod): IsoDate {
  switch (period.unit) {
    case 'days':
      return addDays(start, period.amount);
    case 'months':
      return addMonthsClamped(start, period.amount);
    case 'composite':
      return period.parts.reduce<IsoDate>((date, part) => addCalendarPeriod(date, part), start);
    case 'hours':
    case 'workingDays':
    case 'simultaneous':
      throw new InvalidPeriodError(`${period.unit} is not a calendar-length period`);
    default:
      return assertNever(period, 'period unit');
  }
}

const START_DAY_NOTE = 'the start day is not counted; the period ends at 24:00 of the last day';

function countForward(input: CountInput, probe: CalendarProbe): CountResult {
  const { period, from, custody, suspensions } = input;
  const startDate = localDateOf(from);
  switch (period.unit) {
    case 'days':
    case 'months':
    case 'composite': {
      const rawLast = addCalendarPeriod(startDate, period);
      const shiftedEnd = (last: IsoDate) => holidayExtension(last, custody, probe).lastDay;
      const { last, effects } = extendByExcludedDays(rawLast, suspensions, shiftedEnd);
      const { lastDay, shifts, holidayRule } = holidayExtension(last, custody, probe);
      return {
        lastDay,
        dueAt: endOfLocalDay(lastDay),
        countingMode: period.unit === 'days' ? 'calendar-days' : period.unit,
        startNote: START_DAY_NOTE,
        rawEnd: last,
        shifts,
        holidayRule,
        suspensions: effects,
        calendarSources: probe.sources(),
      };
    }
    case 'workingDays': {
      const { last, effects } = countWorkingDays(startDate, period.amount, probe, suspensions);
      // The Nth working day is a working day: the extension below never moves it, but is kept uniform.
      const { lastDay, shifts, holidayRule } = holidayExtension(last, custody, probe);
      return {
        lastDay,
        dueAt: endOfLocalDay(lastDay),
        countingMode: 'working-days',
        startNote: `${START_DAY_NOTE}; only working days are counted (weekends and statutory holidays skipped, make-up working days counted)`,
        rawEnd: last,
        shifts,
        holidayRule,
        suspensions: effects,
        calendarSources: probe.sources(),
      };
    }
    case 'hours': {
      const first = ceilToHour(from);
      let end = first + period.amount * MS_PER_HOUR;
      const rawEnd = end;
      const effects: SuspensionEffect[] = [];
      for (const s of suspensions) {
        const applied = s.from < end;
        if (applied) end += s.to - s.from;
        effects.push({ ...suspensionBase(s), excludedMs: s.to - s.from, applied });
      }
      return {
        lastDay: localDateOf(end - 1),
        dueAt: end,
        countingMode: 'hours',
        startNote:
          first === from
            ? `starts exactly on the hour (${formatInstant(first)}): counted from it`
            : `counted from the next whole hour (${formatInstant(first)}); the broken start hour is not counted`,
        rawEnd: formatInstant(rawEnd),
        shifts: [],
        holidayRule: hourPeriodRule(end, input.calendar),
        suspensions: effects,
        calendarSources: [],
      };
    }
    case 'simultaneous':
      return {
        lastDay: startDate,
        dueAt: from,
        countingMode: 'simultaneous',
        startNote: 'due at the trigger instant itself (at the same time as the triggering act)',
        rawEnd: formatInstant(from),
        shifts: [],
        holidayRule: 'simultaneous act: no holiday extension',
        suspensions: suspensions.map((s) => ({ ...suspensionBase(s), applied: false })),
        calendarSources: [],
      };
    default:
      return assertNever(period, 'period unit');
  }
}

/**
 * Lead time before an event at `from` (e.g. notice served ≥3 days before the hearing). Counted so the
 * whole period, counted forward from the act with the act's day excluded, elapses before the event's
 * day: latest day = event date − (N + 1), due at 24:00 of it. Not shifted for holidays (moving it
 * either way would shorten the notice or break the rule).
 */
function countLeadTime(input: CountInput): CountResult {
  const { period, from } = input;
  const eventDate = localDateOf(from);
  switch (period.unit) {
    case 'days': {
      const lastDay = addDays(eventDate, -(period.amount + 1));
      return {
        lastDay,
        dueAt: endOfLocalDay(lastDay),
        countingMode: 'lead-time-days',
        startNote:
          `counted backwards from the event on ${eventDate}: ${period.amount} full days must lie between ` +
          'the day of the act (not counted) and the day of the event',
        rawEnd: lastDay,
        shifts: [],
        holidayRule: 'lead time: not shifted for holidays',
        suspensions: [],
        calendarSources: [],
      };
    }
    case 'hours': {
      const due = Math.floor(from / MS_PER_HOUR) * MS_PER_HOUR - period.amount * MS_PER_HOUR;
      return {
        lastDay: localDateOf(due),
        dueAt: due,
        countingMode: 'lead-time-hours',
        startNote: `counted backwards from the event at ${formatInstant(from)} in whole hours`,
        rawEnd: formatInstant(due),
        shifts: [],
        holidayRule: 'lead time: not shifted for holidays',
        suspensions: [],
        calendarSources: [],
      };
    }
    case 'months':
    case 'workingDays':
    case 'composite':
    case 'simultaneous':
      throw new InvalidPeriodError(`lead-time periods must be counted in days or hours, not ${period.unit}`);
    default:
      return assertNever(period, 'period unit');
  }
}

export function countPeriod(input: CountInput): CountResult {
  switch (input.kind) {
    case 'deadline':
    case 'minimum':
      return countForward(input, new CalendarProbe(input.calendar));
    case 'lead-time':
      return countLeadTime(input);
    default:
      return assertNever(input.kind, 'period kind');
  }
}
