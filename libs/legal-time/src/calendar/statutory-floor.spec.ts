import { chineseDaysCalendar } from './chinese-days.calendar';
import { createHolidayCalendar, withProvisionalYears } from './holiday-calendar';
import { statutoryFloorYear } from './statutory-floor';
import { CalendarNotCoveredError } from '../errors';

const dates = (year: number) =>
  statutoryFloorYear(year)
    .holidays.map((h) => (typeof h === 'string' ? h : h.date))
    .sort();

describe('statutory floor (《全国年节及纪念日放假办法》 2024 revision, art 2)', () => {
  // The floor is the minimum of every official arrangement: each floor holiday of a year the State Council
  // has published must be a day off in that arrangement (checks the lunar dates and the solar term against
  // the official data of chinese-days, year by year).
  it.each([2025, 2026])('%i: every floor holiday is a holiday of the official arrangement', (year) => {
    const official = chineseDaysCalendar();
    const floor = dates(year);
    expect(floor).toHaveLength(13);
    for (const date of floor) expect([date, official.describe(date).kind]).toEqual([date, 'holiday']);
  });

  // 2027 (lunar-javascript): 除夕 Fri 02-05, 正月初一 02-06 … 初三 Mon 02-08; 清明 04-05; 端午 06-09; 中秋 09-15.
  it('2027: the dates of the lunar holidays and of Qingming', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(statutoryFloorYear(2027).makeUpWorkdays).toEqual([]);
  });

  it('a provisional calendar names the floor holiday and keeps weekends', () => {
    const cal = withProvisionalYears(chineseDaysCalendar());
    expect(cal.describe('2027-02-08')).toEqual({
      date: '2027-02-08',
      working: false,
      kind: 'holiday',
      name: 'Spring Festival (春节), statutory floor',
    });
    expect(cal.isWorkingDay('2027-02-09')).toBe(true);
    expect(cal.isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(cal.covers(2027)).toBe(false); // floored, not official
    expect(cal.sourceOf(2027)).toMatch(/^PROVISIONAL statutory floor/);
  });

  it('years before the 2024 revision are never floored', () => {
    expect(() => statutoryFloorYear(2024)).toThrow(CalendarNotCoveredError);
    const cal = withProvisionalYears(createHolidayCalendar());
    expect(() => cal.isWorkingDay('2003-06-02')).toThrow(CalendarNotCoveredError);
  });
});
