import * as chineseDays from 'chinese-days';
import { chineseDaysCalendar } from './chinese-days.calendar';
import { createHolidayCalendar } from './holiday-calendar';
import { parseCalendarData, withCalendarData } from './calendar-data';
import { CalendarDataError, CalendarNotCoveredError } from '../errors';
import { addDays } from '../time/civil-date';

const calendar = chineseDaysCalendar();

/** A made-up 2027 arrangement for tests only — NOT the official one. */
const SYNTHETIC_2027 = {
  year: 2027,
  holidays: ['2027-01-01', { date: '2027-02-08', name: 'Test Festival' }, '2027-02-09'],
  makeUpWorkdays: [{ date: '2027-02-06', name: 'Test Festival' }],
  source: 'synthetic test data',
};

describe('HolidayCalendar from chinese-days', () => {
  it('covers 2004–2026 (chinese-days 1.5.7)', () => {
    expect(calendar.coveredYears[0]).toBe(2004);
    expect(calendar.coveredYears[calendar.coveredYears.length - 1]).toBe(2026);
    expect(calendar.coveredYears).toHaveLength(2026 - 2004 + 1);
  });

  // 国办发明电〔2024〕12号 (https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm):
  // 春节 1月28日（周二）至2月4日（周二）放假调休，共8天；1月26日（周日）、2月8日（周六）上班。
  it.each([
    ['2025-01-24', true, 'workday'], // Friday
    ['2025-01-25', false, 'weekend'], // Saturday
    ['2025-01-26', true, 'make-up-workday'], // Sunday worked
    ['2025-01-28', false, 'holiday'], // 除夕
    ['2025-02-04', false, 'holiday'],
    ['2025-02-05', true, 'workday'],
    ['2025-02-08', true, 'make-up-workday'], // Saturday worked
    ['2025-02-09', false, 'weekend'],
  ])('Spring Festival 2025: %s working=%s (%s)', (date, working, kind) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.describe(date).kind).toBe(kind);
  });

  // Same notice: 劳动节 5月1日（周四）至5日（周一）放假调休，共5天；4月27日（周日）上班。
  // 国庆节、中秋节 10月1日（周三）至8日（周三）放假调休，共8天；9月28日（周日）、10月11日（周六）上班。
  it.each([
    ['2025-04-27', true],
    ['2025-05-01', false],
    ['2025-05-05', false],
    ['2025-05-06', true],
    ['2025-09-28', true],
    ['2025-10-01', false],
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true],
    ['2025-10-12', false],
  ])('Labour Day / National Day 2025: %s working=%s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  // https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm (2026):
  // 春节 2月15日（周日）至23日（周一）放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
  it.each([
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
  ])('Spring Festival 2026: %s working=%s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('names holidays', () => {
    expect(calendar.describe('2025-10-01')).toEqual({
      date: '2025-10-01',
      working: false,
      kind: 'holiday',
      name: 'National Day (国庆节)',
    });
  });

  it('throws CalendarNotCoveredError naming the year outside 2004–2026, never guesses', () => {
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarNotCoveredError);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(/year 2027/);
    expect(() => calendar.isWorkingDay('2003-06-02')).toThrow(/year 2003/);
    try {
      calendar.describe('2027-06-01');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarNotCoveredError);
      expect((e as CalendarNotCoveredError).year).toBe(2027);
      expect((e as CalendarNotCoveredError).code).toBe('CALENDAR_NOT_COVERED');
    }
  });

  it('adds a year as data without changing the original calendar', () => {
    const extended = calendar.withYear(SYNTHETIC_2027);
    expect(extended.isWorkingDay('2027-02-06')).toBe(true); // Saturday made a working day
    expect(extended.isWorkingDay('2027-02-08')).toBe(false); // Monday holiday
    expect(extended.describe('2027-02-08').name).toBe('Test Festival');
    expect(extended.isWorkingDay('2027-02-10')).toBe(true);
    expect(extended.sourceOf(2027)).toBe('synthetic test data');
    expect(extended.isWorkingDay('2025-10-01')).toBe(false); // built-in years kept
    expect(() => calendar.isWorkingDay('2027-02-10')).toThrow(CalendarNotCoveredError);
  });

  it('replaces a year entirely to correct it', () => {
    const corrected = calendar.withYear({ year: 2025, holidays: ['2025-01-01'], makeUpWorkdays: [] });
    expect(corrected.isWorkingDay('2025-10-01')).toBe(true);
    expect(corrected.isWorkingDay('2025-01-01')).toBe(false);
    expect(corrected.isWorkingDay('2025-09-28')).toBe(false); // no longer a make-up day: Sunday
  });

  it.each([
    [{ year: 2027, holidays: ['2028-01-01'], makeUpWorkdays: [] }, /not in 2027/],
    [{ year: 2027, holidays: ['2027-02-30'], makeUpWorkdays: [] }, /invalid holiday date/],
    [{ year: 2027, holidays: [], makeUpWorkdays: ['2027-02-08'] }, /not a Saturday or Sunday/],
    [{ year: 2027, holidays: ['2027-02-06'], makeUpWorkdays: ['2027-02-06'] }, /both/],
  ])('rejects inconsistent year data %#', (data, message) => {
    expect(() => calendar.withYear(data)).toThrow(CalendarDataError);
    expect(() => calendar.withYear(data)).toThrow(message);
  });

  it('parses operator calendar files in three shapes', () => {
    expect(parseCalendarData(SYNTHETIC_2027)).toHaveLength(1);
    expect(
      parseCalendarData([SYNTHETIC_2027, { ...SYNTHETIC_2027, year: 2028, holidays: [], makeUpWorkdays: [] }]),
    ).toHaveLength(2);
    expect(parseCalendarData({ years: [SYNTHETIC_2027] })[0].year).toBe(2027);
    expect(() => parseCalendarData('nope')).toThrow(CalendarDataError);
    expect(() => parseCalendarData({ year: '2027', holidays: [], makeUpWorkdays: [] })).toThrow(CalendarDataError);
    expect(withCalendarData(createHolidayCalendar(), SYNTHETIC_2027).coveredYears).toEqual([2027]);
  });

  // chinese-days' own API parses 'YYYY-MM-DD' as UTC and reads it with local getters: reliable only where
  // the machine's offset is ≥ 0 (Asia/Shanghai, UTC). There, it must agree with our reading of its data.
  const eastOfUtc = new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset() <= 0;
  (eastOfUtc ? it : it.skip)('agrees with chinese-days isWorkday for every day of 2024–2026', () => {
    let date = '2024-01-01';
    let checked = 0;
    while (date <= '2026-12-31') {
      expect([date, calendar.isWorkingDay(date)]).toEqual([date, chineseDays.isWorkday(date)]);
      date = addDays(date, 1);
      checked++;
    }
    expect(checked).toBe(366 + 365 + 365);
  });
});
