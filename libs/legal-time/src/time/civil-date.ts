/**
 * Calendar dates ('YYYY-MM-DD', a day in Asia/Shanghai) and their arithmetic. Pure: dates are mapped to
 * day numbers through Date.UTC, which never depends on the machine time zone or on the current time.
 */
import { InvalidDateError } from '../errors';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
const MONTHS_PER_YEAR = 12;

/** Day of week as returned by Date#getUTCDay. */
export const Weekday = {
  Sunday: 0,
  Monday: 1,
  Tuesday: 2,
  Wednesday: 3,
  Thursday: 4,
  Friday: 5,
  Saturday: 6,
} as const;
export type Weekday = (typeof Weekday)[keyof typeof Weekday];

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= MONTHS_PER_YEAR &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function parseDate(date: string): DateParts {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new InvalidDateError(date);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDateParts(year, month, day)) throw new InvalidDateError(date, 'no such day');
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  return !!m && isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Same day-of-month `months` later; the month's last day if it has no such day
 * (Civil Code art 203: 没有对应日的，月末日为期间的最后一日).
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseDate(date);
  const zeroBased = year * MONTHS_PER_YEAR + (month - 1) + months;
  const y = Math.floor(zeroBased / MONTHS_PER_YEAR);
  const m = (zeroBased % MONTHS_PER_YEAR) + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function weekdayOf(date: IsoDate): Weekday {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay() as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  const wd = weekdayOf(date);
  return wd === Weekday.Saturday || wd === Weekday.Sunday;
}

export function yearOf(date: IsoDate): number {
  return parseDate(date).year;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // ISO dates sort lexically
}
