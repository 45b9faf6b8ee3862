/**
 * The statutory floor of a year whose official holiday arrangement is not published yet (deadlines.md
 * "How periods are counted"): weekends plus the holidays fixed by 《全国年节及纪念日放假办法》
 * (2024 revision, in force 2025-01-01, art 2 — holidays for all citizens):
 *   New Year's Day 1 Jan · Spring Festival 除夕 to 正月初三 (4 days) · Qingming (the solar term's day) ·
 *   Labour Day 1–2 May · Dragon Boat 五月初五 · Mid-Autumn 八月十五 · National Day 1–3 Oct.
 * Lunar dates and the solar term come from `lunar-javascript` (a maintained lunisolar library), never
 * from hand tables. No make-up working days (调休): those exist only in the State Council's notice, so a
 * due date counted on the floor is provisional and may move either way once the year is loaded.
 * Pure and deterministic (calendar arithmetic only; no time zone, no I/O).
 */
import { Lunar, Solar } from 'lunar-javascript';
import { CalendarNotCoveredError } from '../errors';
import { IsoDate } from '../time/civil-date';
import type { CalendarDayEntry, YearCalendarInput } from './holiday-calendar';

export const STATUTORY_FLOOR_BASIS = '《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01) art 2';
/** The first year the 2024 revision governs; earlier years had other holidays and are never guessed. */
export const STATUTORY_FLOOR_FIRST_YEAR = 2025;
export const LUNAR_LIBRARY = 'npm lunar-javascript@1.7.7';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The Gregorian day of a lunar date of lunar year `year` (regular, not leap, month). */
function lunarDay(year: number, month: number, day: number): Solar {
  return Lunar.fromYmd(year, month, day).getSolar();
}

/** The day of the Qingming solar term (清明) in `year`: always 4–6 April. */
function qingming(year: number): IsoDate {
  for (let day = 3; day <= 7; day++) {
    if (Solar.fromYmd(year, 4, day).getLunar().getJieQi() === '清明') return ymd(year, 4, day);
  }
  throw new Error(`lunar-javascript found no Qingming solar term in April ${year}`);
}

/**
 * The statutory-floor holidays of `year` as calendar data. Throws CalendarNotCoveredError for a year
 * before 2025 (the floor of the 2024 revision does not apply to it).
 */
export function statutoryFloorYear(year: number): YearCalendarInput {
  if (!Number.isInteger(year) || year < STATUTORY_FLOOR_FIRST_YEAR) {
    throw new CalendarNotCoveredError(year, `${year}-01-01`, []);
  }
  const named = (date: IsoDate, name: string): CalendarDayEntry => ({ date, name: `${name}, statutory floor` });
  const newYear = lunarDay(year, 1, 1); // 正月初一
  const eve = newYear.next(-1); // 除夕: the last day of the twelfth month (廿九 or 三十)
  return {
    year,
    holidays: [
      named(ymd(year, 1, 1), "New Year's Day (元旦)"),
      ...[eve, newYear, newYear.next(1), newYear.next(2)].map((d) => named(d.toYmd(), 'Spring Festival (春节)')),
      named(qingming(year), 'Qingming (清明节)'),
      named(ymd(year, 5, 1), 'Labour Day (劳动节)'),
      named(ymd(year, 5, 2), 'Labour Day (劳动节)'),
      named(lunarDay(year, 5, 5).toYmd(), 'Dragon Boat Festival (端午节)'),
      named(lunarDay(year, 8, 15).toYmd(), 'Mid-Autumn Festival (中秋节)'),
      named(ymd(year, 10, 1), 'National Day (国庆节)'),
      named(ymd(year, 10, 2), 'National Day (国庆节)'),
      named(ymd(year, 10, 3), 'National Day (国庆节)'),
    ],
    makeUpWorkdays: [],
    source:
      `PROVISIONAL statutory floor: the State Council's ${year} arrangement is not loaded — weekends plus the ` +
      `holidays of ${STATUTORY_FLOOR_BASIS}, lunar dates from ${LUNAR_LIBRARY}; make-up working days (调休) ` +
      'may move the date either way: load the year (--calendar / CASEBRIDGE_CALENDAR_FILE) and recompute',
  };
}
