/**
 * The built-in calendar, from the data of the npm package `chinese-days` (maintained from the State
 * Council's yearly notices; version 1.5.7 covers 2004–2026).
 *
 * We read the package's JSON data (`dist/chinese-days.json`: holidays, workdays = make-up working days)
 * instead of calling isWorkday/getDayDetail: those functions parse 'YYYY-MM-DD' as UTC but read it back
 * with local-time getters, so on a machine west of UTC they answer for the previous day, and for years
 * the package does not know they silently fall back to plain weekdays. The JSON gives exact data and
 * tells us which years are covered.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { CalendarDayEntry, HolidayCalendar, YearCalendarInput, createHolidayCalendar } from './holiday-calendar';
import { yearOf } from '../time/civil-date';

export const CHINESE_DAYS_SOURCE = 'npm chinese-days@1.5.7 (dist/chinese-days.json)';

interface ChineseDaysData {
  /** date → "English name,中文名,days" */
  readonly holidays: Readonly<Record<string, string>>;
  /** make-up working days (调休上班): date → "English name,中文名,days" */
  readonly workdays: Readonly<Record<string, string>>;
}

/** "National Day,国庆节,3" → "National Day (国庆节)" */
function holidayName(raw: string): string {
  const [english, chinese] = raw.split(',');
  return chinese ? `${english} (${chinese})` : english;
}

export function yearsFromChineseDaysData(data: ChineseDaysData, source = CHINESE_DAYS_SOURCE): YearCalendarInput[] {
  const byYear = new Map<number, { holidays: CalendarDayEntry[]; makeUpWorkdays: CalendarDayEntry[] }>();
  const bucket = (date: string) => {
    const year = yearOf(date);
    let b = byYear.get(year);
    if (!b) {
      b = { holidays: [], makeUpWorkdays: [] };
      byYear.set(year, b);
    }
    return b;
  };
  for (const [date, raw] of Object.entries(data.holidays)) bucket(date).holidays.push({ date, name: holidayName(raw) });
  for (const [date, raw] of Object.entries(data.workdays)) {
    bucket(date).makeUpWorkdays.push({ date, name: holidayName(raw) });
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, b]) => ({ year, ...b, source }));
}

let builtIn: HolidayCalendar | undefined;

/** The calendar of `chinese-days` (2004–2026 in 1.5.7). Immutable; extend it with `.withYear(...)`. */
export function chineseDaysCalendar(): HolidayCalendar {
  builtIn ??= createHolidayCalendar(yearsFromChineseDaysData(chineseDaysData as ChineseDaysData));
  return builtIn;
}
