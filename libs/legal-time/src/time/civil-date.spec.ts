import {
  addDays,
  addMonthsClamped,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  parseDate,
  toDayNumber,
  weekdayOf,
  Weekday,
} from './civil-date';
import { InvalidDateError } from '../errors';

describe('civil dates', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'], // 2025 is not a leap year
    ['2024-01-31', 1, '2024-02-29'], // 2024 is
    ['2028-01-31', 1, '2028-02-29'], // 2028 is
    ['2029-01-31', 1, '2029-02-28'],
    ['2100-01-31', 1, '2100-02-28'], // century, not divisible by 400: not leap
    ['2000-01-31', 1, '2000-02-29'], // divisible by 400: leap
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-15', 2, '2026-02-15'],
    ['2025-05-31', 12, '2026-05-31'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('addMonthsClamped(%s, %i) = %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-09-26', 30)).toBe('2025-10-26');
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-03', 90)).toBe('2025-06-01');
    expect(daysBetween('2025-03-13', '2025-04-02')).toBe(20);
  });

  it('knows the weekday without the machine time zone', () => {
    expect(weekdayOf('2025-10-01')).toBe(Weekday.Wednesday);
    expect(weekdayOf('2026-02-28')).toBe(Weekday.Saturday);
    expect(weekdayOf('2028-02-29')).toBe(Weekday.Tuesday);
  });

  it('round-trips day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-02-28'))).toBe('2026-02-28');
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => parseDate('2025-02-29')).toThrow(InvalidDateError);
    expect(() => parseDate('2025-2-3')).toThrow(InvalidDateError);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });
});
