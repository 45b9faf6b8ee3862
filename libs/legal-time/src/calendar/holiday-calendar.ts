/**
 * Official working-day calendar of mainland China (Asia/Shanghai), year by year, as data.
 *
 * A day is a working day when it is a make-up working day (调休上班), or a Monday–Friday that is not a
 * statutory holiday. Dates in a year the calendar does not know throw CalendarNotCoveredError: the
 * arrangement changes every year and is published by the State Council late in the previous year, so a
 * guess from weekdays alone would be silently wrong around the holidays.
 */
import { CalendarDataError, CalendarNotCoveredError } from '../errors';
import { IsoDate, isIsoDate, isWeekend, parseDate, yearOf } from '../time/civil-date';
import { statutoryFloorYear } from './statutory-floor';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** Name of the holiday or of the holiday a make-up day belongs to, when known. */
  readonly name?: string;
}

/** One date of a year's arrangement: the date alone or with the holiday's name. */
export type CalendarDayEntry = IsoDate | { readonly date: IsoDate; readonly name?: string };

/** A year's official arrangement, e.g. from the State Council notice (国务院办公厅关于…部分节假日安排的通知). */
export interface YearCalendarInput {
  readonly year: number;
  /** Every day off of the statutory holidays, including weekend days inside a holiday block. */
  readonly holidays: readonly CalendarDayEntry[];
  /** Weekend days that are working days (调休上班). */
  readonly makeUpWorkdays: readonly CalendarDayEntry[];
  /** Where the data comes from (URL of the notice, package name…), shown in explanations. */
  readonly source?: string;
}

export interface HolidayCalendar {
  /** True for working days; throws CalendarNotCoveredError outside the covered years. */
  isWorkingDay(date: IsoDate): boolean;
  /** Kind and holiday name of a day; throws CalendarNotCoveredError outside the covered years. */
  describe(date: IsoDate): DayInfo;
  covers(year: number): boolean;
  /** Ascending. */
  readonly coveredYears: readonly number[];
  /** Source of a covered year's data. */
  sourceOf(year: number): string;
  /** A new calendar with the year added, or replaced entirely if already known (corrections). */
  withYear(data: YearCalendarInput): HolidayCalendar;
}

interface YearTable {
  readonly holidays: ReadonlyMap<IsoDate, string | undefined>;
  readonly makeUpWorkdays: ReadonlyMap<IsoDate, string | undefined>;
  readonly source: string;
}

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function entryOf(entry: CalendarDayEntry): { date: IsoDate; name?: string } {
  return typeof entry === 'string' ? { date: entry } : entry;
}

/** Every problem of one year's data (empty: valid), so an operator fixes a file in one go. */
export function yearCalendarProblems(data: YearCalendarInput): string[] {
  const { year } = data;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    return [`calendar year must be an integer year, got ${JSON.stringify(year)}`];
  if (!Array.isArray(data.holidays) || !Array.isArray(data.makeUpWorkdays))
    return [`calendar ${year}: holidays and makeUpWorkdays must be arrays`];
  return collectYear(data).problems;
}

function collectYear(data: YearCalendarInput): {
  holidays: Map<IsoDate, string | undefined>;
  makeUpWorkdays: Map<IsoDate, string | undefined>;
  problems: string[];
} {
  const { year } = data;
  const problems: string[] = [];
  const collect = (entries: readonly CalendarDayEntry[], what: string): Map<IsoDate, string | undefined> => {
    const map = new Map<IsoDate, string | undefined>();
    for (const raw of entries) {
      const entry = entryOf(raw);
      if (typeof entry?.date !== 'string' || !isIsoDate(entry.date)) {
        problems.push(`calendar ${year}: invalid ${what} date ${JSON.stringify(raw)}`);
      } else if (parseDate(entry.date).year !== year) {
        problems.push(`calendar ${year}: ${what} date ${entry.date} is not in ${year}`);
      } else {
        map.set(entry.date, entry.name);
      }
    }
    return map;
  };
  const holidays = collect(data.holidays, 'holiday');
  const makeUpWorkdays = collect(data.makeUpWorkdays, 'make-up workday');
  for (const date of makeUpWorkdays.keys()) {
    if (holidays.has(date)) problems.push(`calendar ${year}: ${date} is listed both as holiday and as make-up workday`);
    if (!isWeekend(date)) problems.push(`calendar ${year}: make-up workday ${date} is not a Saturday or Sunday`);
  }
  return { holidays, makeUpWorkdays, problems };
}

function buildYearTable(data: YearCalendarInput): YearTable {
  const problems = yearCalendarProblems(data);
  if (problems.length) throw new CalendarDataError(problems.join('\n'));
  const { holidays, makeUpWorkdays } = collectYear(data);
  return { holidays, makeUpWorkdays, source: data.source ?? 'operator-supplied data' };
}

class TableHolidayCalendar implements HolidayCalendar {
  readonly coveredYears: readonly number[];

  constructor(private readonly years: ReadonlyMap<number, YearTable>) {
    this.coveredYears = [...years.keys()].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  sourceOf(year: number): string {
    return this.tableFor(year, `${year}-01-01`).source;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.describe(date).working;
  }

  describe(date: IsoDate): DayInfo {
    const table = this.tableFor(yearOf(date), date);
    if (table.makeUpWorkdays.has(date)) {
      return { date, working: true, kind: 'make-up-workday', ...named(table.makeUpWorkdays.get(date)) };
    }
    if (table.holidays.has(date)) {
      return { date, working: false, kind: 'holiday', ...named(table.holidays.get(date)) };
    }
    return isWeekend(date) ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
  }

  withYear(data: YearCalendarInput): HolidayCalendar {
    const next = new Map(this.years);
    next.set(data.year, buildYearTable(data));
    return new TableHolidayCalendar(next);
  }

  private tableFor(year: number, date: IsoDate): YearTable {
    const table = this.years.get(year);
    if (!table) throw new CalendarNotCoveredError(year, date, this.coveredYears);
    return table;
  }
}

function named(name: string | undefined): { name?: string } {
  return name === undefined ? {} : { name };
}

/** A calendar made only of the given years (no built-in data). */
export function createHolidayCalendar(years: readonly YearCalendarInput[] = []): HolidayCalendar {
  return years.reduce<HolidayCalendar>(
    (calendar, year) => calendar.withYear(year),
    new TableHolidayCalendar(new Map()),
  );
}

/** Marks the source of a year counted without its official arrangement (see withProvisionalYears). */
export const PROVISIONAL_SOURCE_PREFIX = 'PROVISIONAL';

/**
 * A calendar that counts a year the base does not know on its **statutory floor** (statutory-floor.ts:
 * weekends plus the holidays fixed by law, lunar dates computed) and says so: every deadline touching
 * such a year is flagged with `provisionalYears`, never presented as exact. For services that must keep
 * running when a period reaches into a year whose arrangement the State Council has not published yet
 * (or an operator has not loaded); strict callers (the CLI without --provisional) keep
 * CalendarNotCoveredError. Years before 2025 are not floored (other holiday law) and still throw.
 */
export function withProvisionalYears(base: HolidayCalendar): HolidayCalendar {
  const floors = new Map<number, HolidayCalendar>();
  const floorOf = (year: number): HolidayCalendar => {
    let floor = floors.get(year);
    if (!floor) {
      try {
        floor = createHolidayCalendar([statutoryFloorYear(year)]);
      } catch (e) {
        if (e instanceof CalendarNotCoveredError)
          throw new CalendarNotCoveredError(year, `${year}-01-01`, base.coveredYears);
        throw e;
      }
      floors.set(year, floor);
    }
    return floor;
  };
  const provisional: HolidayCalendar = {
    get coveredYears() {
      return base.coveredYears;
    },
    covers: (year) => base.covers(year),
    sourceOf: (year) => (base.covers(year) ? base.sourceOf(year) : floorOf(year).sourceOf(year)),
    isWorkingDay: (date) => provisional.describe(date).working,
    describe: (date) => {
      const year = yearOf(date);
      return base.covers(year) ? base.describe(date) : floorOf(year).describe(date);
    },
    withYear: (data) => withProvisionalYears(base.withYear(data)),
  };
  return provisional;
}
