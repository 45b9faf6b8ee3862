/**
 * Parsing of operator-supplied calendar data (the JSON given to the CLI with --calendar, or loaded by a
 * service from configuration). Accepted shapes:
 *   { "year": 2027, "holidays": [...], "makeUpWorkdays": [...], "source": "..." }
 *   [ { "year": 2027, ... }, { "year": 2028, ... } ]
 *   { "years": [ { "year": 2027, ... } ] }
 * Dates are 'YYYY-MM-DD' strings or { "date": "YYYY-MM-DD", "name": "Spring Festival" }.
 */
import { CalendarDataError } from '../errors';
import { HolidayCalendar, YearCalendarInput, yearCalendarProblems } from './holiday-calendar';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toYear(value: unknown, index: number): YearCalendarInput {
  if (!isRecord(value)) throw new CalendarDataError(`calendar entry #${index} is not an object`);
  const { year, holidays, makeUpWorkdays, source } = value;
  if (typeof year !== 'number') throw new CalendarDataError(`calendar entry #${index}: "year" must be a number`);
  if (!Array.isArray(holidays) || !Array.isArray(makeUpWorkdays)) {
    throw new CalendarDataError(`calendar ${year}: "holidays" and "makeUpWorkdays" must be arrays`);
  }
  if (source !== undefined && typeof source !== 'string') {
    throw new CalendarDataError(`calendar ${year}: "source" must be a string`);
  }
  // Entry shapes are validated by withYear (buildYearTable).
  return { year, holidays, makeUpWorkdays, ...(source === undefined ? {} : { source }) };
}

export function parseCalendarData(json: unknown): YearCalendarInput[] {
  if (Array.isArray(json)) return json.map(toYear);
  if (isRecord(json) && Array.isArray(json.years)) return json.years.map(toYear);
  if (isRecord(json)) return [toYear(json, 0)];
  throw new CalendarDataError('calendar data must be a year object, an array of them, or { "years": [...] }');
}

/** Adds (or replaces) each year of the data on top of `calendar`; a bad file reports the problems of every year at once. */
export function withCalendarData(calendar: HolidayCalendar, json: unknown): HolidayCalendar {
  const years = parseCalendarData(json);
  const problems = years.flatMap(yearCalendarProblems);
  if (problems.length) throw new CalendarDataError(problems.join('\n'));
  return years.reduce((cal, year) => cal.withYear(year), calendar);
}
