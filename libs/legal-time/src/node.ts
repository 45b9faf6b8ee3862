/**
 * Node-only entry of legal-time (reads files; never import it from workflow code):
 * the deadline engine every CaseBridge service runs.
 *
 *   import { serviceDeadlineEngine } from '@casebridge/legal-time/node';
 *   const engine = serviceDeadlineEngine(); // chinese-days + CASEBRIDGE_CALENDAR_FILE, provisional floor
 */
import { readFileSync } from 'node:fs';
import { chineseDaysCalendar } from './calendar/chinese-days.calendar';
import { withCalendarData } from './calendar/calendar-data';
import type { HolidayCalendar } from './calendar/holiday-calendar';
import { createDeadlineEngine, type DeadlineEngine } from './engine/engine';
import { CalendarDataError } from './errors';

/**
 * Environment variable naming the operator's calendar files: official years the installed chinese-days
 * does not carry yet (or corrections), in the format of libs/legal-time/README.md "Adding a year".
 * Several files are separated by commas; later files win for the same year.
 */
export const CALENDAR_FILE_ENV = 'CASEBRIDGE_CALENDAR_FILE';

/**
 * The built-in calendar plus the years of the operator's calendar files. Throws CalendarDataError (with
 * the file named) for an unreadable file or invalid data: a service must not start on a bad calendar.
 */
export function loadCalendarFiles(
  paths: string | undefined,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): HolidayCalendar {
  const files = (paths ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return files.reduce((calendar, file) => {
    let json: unknown;
    try {
      json = JSON.parse(readFile(file));
    } catch (e) {
      throw new CalendarDataError(`cannot read calendar file ${file}: ${(e as Error).message}`);
    }
    try {
      return withCalendarData(calendar, json);
    } catch (e) {
      throw new CalendarDataError(`calendar file ${file}: ${(e as Error).message}`);
    }
  }, chineseDaysCalendar());
}

/**
 * The engine of the services and the workflow worker: built-in rules, chinese-days plus the files of
 * CASEBRIDGE_CALENDAR_FILE, and a year without an official calendar counted on the statutory floor and
 * flagged provisional (a statutory clock must keep running into next year before its calendar is out).
 */
export function serviceDeadlineEngine(env: NodeJS.ProcessEnv = process.env): DeadlineEngine {
  return createDeadlineEngine({ calendar: loadCalendarFiles(env[CALENDAR_FILE_ENV]), uncoveredYears: 'provisional' });
}
