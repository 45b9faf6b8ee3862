/**
 * Table tests of computed due dates. Every expected value was worked out by hand from the official
 * arrangements (as carried by chinese-days 1.5.7):
 *
 * 2025 — 国办发明电〔2024〕12号, https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm
 *   春节 Jan 28 (Tue)–Feb 4 (Tue) off; Jan 26 (Sun), Feb 8 (Sat) worked.
 *   劳动节 May 1 (Thu)–May 5 (Mon) off; Apr 27 (Sun) worked.   端午 May 31 (Sat)–Jun 2 (Mon) off.
 *   国庆+中秋 Oct 1 (Wed)–Oct 8 (Wed) off; Sep 28 (Sun), Oct 11 (Sat) worked.
 * 2026 — https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
 *   元旦 Jan 1–3 off, Jan 4 (Sun) worked.  春节 Feb 15 (Sun)–Feb 23 (Mon) off; Feb 14 (Sat), Feb 28 (Sat) worked.
 */
import { createDeadlineEngine } from './engine';
import { computeDeadline } from './compute';
import { chineseDaysCalendar } from '../calendar/chinese-days.calendar';
import { createRuleBook } from '../rules/rule-book';
import { days, hours, Rule } from '../rules/types';
import {
  CalendarNotCoveredError,
  InvalidInstantError,
  InvalidPeriodError,
  PeriodNotSetError,
  UnknownRuleError,
  UnknownVariantError,
} from '../errors';

const engine = createDeadlineEngine();
const due = (rule: string, from: string, variant?: string) => engine.compute({ rule, from, variant });
const nextDayMidnight = (lastDay: string, next: string) => ({ lastDay, dueAt: `${next}T00:00:00+08:00` });

describe('computeDeadline — calendar days with holiday extension', () => {
  it.each([
    // [rule, variant, from, lastDay, dueAt-day, why]
    [
      'transfer.head-decision',
      'standard',
      '2025-01-25T09:00:00+08:00',
      '2025-02-05',
      '2025-02-06',
      'Sat 01-25 + 3 = Tue 01-28, Spring Festival 01-28..02-04 → Wed 02-05',
    ],
    [
      'transfer.head-decision',
      'standard',
      '2025-01-23T16:00:00+08:00',
      '2025-01-26',
      '2025-01-27',
      'Thu 01-23 + 3 = Sun 01-26, a make-up working day: no extension',
    ],
    [
      'transfer.decision-notice',
      'standard',
      '2026-02-12T15:00:00+08:00',
      '2026-02-24',
      '2026-02-25',
      'Thu 02-12 + 3 = Sun 02-15, Spring Festival 02-15..02-23 → Tue 02-24',
    ],
    [
      'transfer.decision-notice',
      'standard',
      '2026-02-11T15:00:00+08:00',
      '2026-02-14',
      '2026-02-15',
      'Wed 02-11 + 3 = Sat 02-14, a make-up working day',
    ],
    [
      'supervision.police-explain',
      'standard',
      '2026-02-21T11:00:00+08:00',
      '2026-02-28',
      '2026-03-01',
      'started inside the holiday: 02-21 + 7 = Sat 02-28, a make-up working day',
    ],
    [
      'transfer.items-handover',
      'standard',
      '2025-04-28T09:30:00+08:00',
      '2025-05-06',
      '2025-05-07',
      'Mon 04-28 + 3 = Thu 05-01, Labour Day 05-01..05-05 → Tue 05-06',
    ],
    [
      'transfer.items-handover',
      'standard',
      '2025-04-24T09:30:00+08:00',
      '2025-04-27',
      '2025-04-28',
      'Thu 04-24 + 3 = Sun 04-27, a make-up working day',
    ],
    [
      'transfer.filing-review',
      'standard',
      '2025-09-30T10:00:00+08:00',
      '2025-10-09',
      '2025-10-10',
      'Tue 09-30 + 3 = Fri 10-03, National Day 10-01..10-08 → Thu 10-09',
    ],
    [
      'transfer.filing-review',
      'standard',
      '2025-09-26T17:45:00+08:00',
      '2025-09-29',
      '2025-09-30',
      'Friday before National Day + 3 = Mon 09-29, a working day',
    ],
    [
      'transfer.filing-review',
      'standard',
      '2025-09-25T10:00:00+08:00',
      '2025-09-28',
      '2025-09-29',
      'Thu 09-25 + 3 = Sun 09-28, a make-up working day',
    ],
    [
      'transfer.filing-review',
      'verification',
      '2025-09-26T10:00:00+08:00',
      '2025-10-09',
      '2025-10-10',
      'Fri 09-26 + 7 = Fri 10-03 (holiday) → Thu 10-09',
    ],
    [
      'transfer.filing-review',
      'major-complex',
      '2025-09-26T10:00:00+08:00',
      '2025-10-27',
      '2025-10-28',
      'Fri 09-26 + 30 = Sun 10-26 → Mon 10-27',
    ],
    [
      'transfer.reconsideration-request',
      'r310',
      '2025-09-30T10:00:00+08:00',
      '2025-10-09',
      '2025-10-10',
      'R310 wording, 3 calendar days: 10-03 (holiday) → 10-09',
    ],
    [
      'penalty.decision-period',
      'standard',
      '2025-03-03T09:00:00+08:00',
      '2025-06-03',
      '2025-06-04',
      '03-03 + 90 = Sun 06-01, Dragon Boat 05-31..06-02 → Tue 06-03',
    ],
    [
      'pil.agency-reply',
      'urgent',
      '2026-02-05T10:00:00+08:00',
      '2026-02-24',
      '2026-02-25',
      '02-05 + 15 = Fri 02-20 (Spring Festival) → Tue 02-24',
    ],
    [
      'court.trial-administrative',
      'simplified',
      '2025-08-18T10:00:00+08:00',
      '2025-10-09',
      '2025-10-10',
      '08-18 + 45 = Thu 10-02 (National Day) → Thu 10-09',
    ],
  ])('%s (%s) from %s → %s: %s', (rule, variant, from, lastDay, next) => {
    const d = due(rule, from, variant);
    expect({ lastDay: d.lastDay, dueAt: d.dueAt }).toEqual(nextDayMidnight(lastDay, next));
    expect(d.explain.countingMode).toBe('calendar-days');
  });

  it('transfer.filing-review: explains start, raw end and the National Day shift', () => {
    const d = due('transfer.filing-review', '2025-09-30T10:00:00+08:00');
    expect(d.explain.start.localDate).toBe('2025-09-30');
    expect(d.explain.rawEnd).toBe('2025-10-03');
    expect(d.explain.shifts).toHaveLength(1);
    expect(d.explain.shifts[0]).toMatchObject({ from: '2025-10-03', to: '2025-10-09' });
    expect(d.explain.shifts[0].skipped).toEqual([
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(d.explain.shifts[0].reason).toMatch(/National Day/);
    expect(d.basis).toContainEqual({ source: 'E17', article: 'art 9' });
    expect(d.explain.calendar).toEqual(['2025: npm chinese-days@1.5.7 (dist/chinese-days.json)']);
  });

  it('transfer.filing-review: a start given in another offset counts from its Shanghai date', () => {
    // 2025-09-29T20:00-05:00 = 2025-09-30T09:00+08:00 → same as the Tuesday start above
    const d = due('transfer.filing-review', '2025-09-29T20:00:00-05:00');
    expect(d.from).toBe('2025-09-30T09:00:00+08:00');
    expect(d.lastDay).toBe('2025-10-09');
    // 2025-09-30T16:30Z is already 2025-10-01 00:30 in Shanghai: 10-01 + 3 = 10-04 (holiday) → 10-09
    expect(due('transfer.head-decision', '2025-09-30T16:30:00Z').explain.rawEnd).toBe('2025-10-04');
  });
});

describe('computeDeadline — working days', () => {
  it.each([
    [
      'transfer.reconsideration-request',
      '2025-09-30T10:00:00+08:00',
      '2025-10-11',
      'Tue 09-30: Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 make-up (3)',
    ],
    [
      'transfer.reconsideration-request',
      '2025-09-26T10:00:00+08:00',
      '2025-09-30',
      'Fri 09-26: Sun 09-28 make-up (1), Mon 09-29 (2), Tue 09-30 (3)',
    ],
    [
      'transfer.reconsideration-decision',
      '2025-02-06T10:00:00+08:00',
      '2025-02-10',
      'Thu 02-06: Fri 02-07 (1), Sat 02-08 make-up (2), Mon 02-10 (3)',
    ],
    [
      'transfer.team-report',
      '2025-01-24T10:00:00+08:00',
      '2025-02-05',
      'Fri 01-24: Sun 01-26 make-up (1), Mon 01-27 (2), Wed 02-05 (3) after Spring Festival',
    ],
    [
      'transfer.team-report',
      '2026-02-12T10:00:00+08:00',
      '2026-02-24',
      'Thu 02-12: Fri 02-13 (1), Sat 02-14 make-up (2), Tue 02-24 (3)',
    ],
    [
      'transfer.team-report',
      '2025-04-29T10:00:00+08:00',
      '2025-05-07',
      'Tue 04-29: Wed 04-30 (1), Labour Day 05-01..05-05, Tue 05-06 (2), Wed 05-07 (3)',
    ],
  ])('%s from %s → %s (%s)', (rule, from, lastDay) => {
    const d = due(rule, from);
    expect(d.lastDay).toBe(lastDay);
    expect(d.explain.countingMode).toBe('working-days');
    expect(d.explain.shifts).toEqual([]);
  });
});

describe('computeDeadline — months (same day-of-month, else the month end)', () => {
  it.each([
    [
      'prosecution.review',
      'standard',
      '2025-01-31T10:00:00+08:00',
      '2025-02-28',
      'months',
      'Jan 31 + 1 month = Fri Feb 28 (2025 not leap)',
    ],
    [
      'prosecution.review',
      'standard',
      '2024-01-31T10:00:00+08:00',
      '2024-02-29',
      'months',
      'Jan 31 + 1 month = Thu Feb 29 (2024 leap)',
    ],
    [
      'prosecution.review',
      'extended',
      '2025-01-31T10:00:00+08:00',
      '2025-03-17',
      'composite',
      'Feb 28 + 15 = Sat Mar 15 → Mon Mar 17',
    ],
    [
      'court.trial-civil',
      'standard',
      '2025-08-31T10:00:00+08:00',
      '2026-02-28',
      'months',
      'Aug 31 + 6 = Feb 28 2026, Saturday but a make-up working day',
    ],
    [
      'court.trial-civil',
      'extended',
      '2025-08-31T10:00:00+08:00',
      '2026-08-31',
      'months',
      'Aug 31 + 12 = Mon Aug 31 2026',
    ],
    [
      'court.trial-civil',
      'simplified',
      '2025-11-30T10:00:00+08:00',
      '2026-02-28',
      'months',
      'Nov 30 + 3 = Feb 28 2026 (make-up working day)',
    ],
    [
      'court.trial-civil',
      'simplified-extended',
      '2025-11-30T10:00:00+08:00',
      '2026-03-30',
      'months',
      'Nov 30 + 4 = Mon Mar 30 2026',
    ],
    [
      'pil.agency-reply',
      'standard',
      '2025-12-31T10:00:00+08:00',
      '2026-02-28',
      'months',
      'Dec 31 + 2 = Feb 28 2026 (make-up working day)',
    ],
    [
      'court.trial-criminal',
      'standard',
      '2025-07-31T10:00:00+08:00',
      '2025-09-30',
      'months',
      'Jul 31 + 2 = Tue Sep 30',
    ],
    [
      'court.trial-criminal',
      'outer-limit',
      '2025-07-31T10:00:00+08:00',
      '2025-10-31',
      'months',
      'Jul 31 + 3 = Fri Oct 31',
    ],
    [
      'court.trial-criminal',
      'extended',
      '2025-07-31T10:00:00+08:00',
      '2026-02-02',
      'months',
      'Jul 31 + 6 = Sat Jan 31 2026 → Mon Feb 2',
    ],
    [
      'supervision.investigation-chaser',
      'standard',
      '2025-07-01T10:00:00+08:00',
      '2025-10-09',
      'months',
      'Jul 1 + 3 = Oct 1 (National Day) → Oct 9',
    ],
  ])('%s (%s) from %s → %s [%s]: %s', (rule, variant, from, lastDay, mode) => {
    const d = due(rule, from, variant);
    expect(d.lastDay).toBe(lastDay);
    expect(d.explain.countingMode).toBe(mode);
  });

  it('prosecution.review extended: raw end is the composite end before the weekend shift', () => {
    const d = due('prosecution.review', '2025-01-31T10:00:00+08:00', 'extended');
    expect(d.explain.rawEnd).toBe('2025-03-15');
    expect(d.explain.shifts[0]).toMatchObject({
      from: '2025-03-15',
      to: '2025-03-17',
      skipped: ['2025-03-15', '2025-03-16'],
    });
    expect(d.explain.periodText).toBe('1 month + 15 days');
  });

  it('prosecution.review: Jan 31 2028 + 1 month = Tue Feb 29 2028 with a 2028 calendar added as data', () => {
    // 2028 is not in chinese-days 1.5.7: without data it must refuse, with (synthetic, weekends-only) data it counts.
    expect(() => due('prosecution.review', '2028-01-31T10:00:00+08:00')).toThrow(CalendarNotCoveredError);
    const calendar = chineseDaysCalendar().withYear({
      year: 2028,
      holidays: [],
      makeUpWorkdays: [],
      source: 'synthetic test data (weekends only)',
    });
    const d = createDeadlineEngine({ calendar }).compute({
      rule: 'prosecution.review',
      from: '2028-01-31T10:00:00+08:00',
    });
    expect(d.lastDay).toBe('2028-02-29');
    expect(d.dueAt).toBe('2028-03-01T00:00:00+08:00');
    expect(d.explain.calendar).toEqual(['2028: synthetic test data (weekends only)']);
  });
});

describe('computeDeadline — hours (from the next whole hour, no holiday extension)', () => {
  it.each([
    [
      'transfer.handover',
      '2025-09-30T10:20:00+08:00',
      '2025-10-01T11:00:00+08:00',
      '2025-10-01',
      '24 h from 10:20: first counted hour 11:00–12:00',
    ],
    [
      'transfer.handover',
      '2025-09-30T10:00:00+08:00',
      '2025-10-01T10:00:00+08:00',
      '2025-10-01',
      'exactly on the hour',
    ],
    [
      'transfer.handover',
      '2025-09-30T23:30:00+08:00',
      '2025-10-02T00:00:00+08:00',
      '2025-10-01',
      'ends at 24:00 of Oct 1',
    ],
    [
      'transfer.handover',
      '2025-09-30T02:20:00Z',
      '2025-10-01T11:00:00+08:00',
      '2025-10-01',
      'UTC input = 10:20 Shanghai',
    ],
    [
      'transfer.materials-notice',
      '2025-01-27T18:05:00+08:00',
      '2025-01-28T19:00:00+08:00',
      '2025-01-28',
      "ends on New Year's Eve holiday: not extended",
    ],
    [
      'transfer.forward-or-return',
      '2030-05-01T08:59:59+08:00',
      '2030-05-02T09:00:00+08:00',
      '2030-05-02',
      'no calendar needed for hours',
    ],
  ])('%s from %s → %s (%s)', (rule, from, dueAt, lastDay) => {
    const d = due(rule, from);
    expect(d.dueAt).toBe(dueAt);
    expect(d.lastDay).toBe(lastDay);
    expect(d.explain.countingMode).toBe('hours');
    expect(d.explain.shifts).toEqual([]);
    expect(d.explain.rawEnd).toBe(dueAt);
  });

  it('transfer.receipt (policy): a configured 12-hour default is used and reported', () => {
    const configured = createDeadlineEngine({
      ruleBook: { overrides: { 'transfer.receipt': { standard: hours(12) } } },
    });
    const d = configured.compute({ rule: 'transfer.receipt', from: '2025-09-30T10:20:00+08:00' });
    expect(d.dueAt).toBe('2025-09-30T23:00:00+08:00');
    expect(d.explain.configuredPeriod).toEqual({ defaultPeriod: hours(24), configured: hours(12) });
    expect(due('transfer.receipt', '2025-09-30T10:20:00+08:00').dueAt).toBe('2025-10-01T11:00:00+08:00');
  });
});

describe('computeDeadline — special kinds', () => {
  it('transfer.copy-to-procuratorate: due at the transfer instant itself', () => {
    const d = due('transfer.copy-to-procuratorate', '2025-09-30T10:20:00+08:00');
    expect(d.dueAt).toBe('2025-09-30T10:20:00+08:00');
    expect(d.lastDay).toBe('2025-09-30');
    expect(d.explain.countingMode).toBe('simultaneous');
  });

  it('court.hearing-notice: served by 24:00 of Oct 11 for a hearing on Oct 15 (3 clear days 12–14)', () => {
    const d = due('court.hearing-notice', '2025-10-15T09:00:00+08:00');
    expect(d.lastDay).toBe('2025-10-11');
    expect(d.dueAt).toBe('2025-10-12T00:00:00+08:00');
    expect(d.explain.kind).toBe('lead-time');
    expect(d.explain.countingMode).toBe('lead-time-days');
  });

  it('court.hearing-notice procuratorate-answer: 3 days from receipt, owed by the procuratorate', () => {
    const d = due('court.hearing-notice', '2025-10-10T10:00:00+08:00', 'procuratorate-answer');
    expect(d.lastDay).toBe('2025-10-13'); // Fri 10-10 + 3 = Mon 10-13
    expect(d.actor).toBe('procuratorate');
  });

  it('court.settlement-announcement: a minimum period; the earliest approval is after 24:00 of Oct 10', () => {
    const d = due('court.settlement-announcement', '2025-09-10T10:00:00+08:00');
    expect(d.lastDay).toBe('2025-10-10'); // 09-10 + 30 = Fri 10-10
    expect(d.explain.kind).toBe('minimum');
  });

  it('joint-supervision: the review interval is set per case', () => {
    expect(() => due('joint-supervision', '2025-09-20T10:00:00+08:00')).toThrow(PeriodNotSetError);
    const d = engine.compute({ rule: 'joint-supervision', from: '2025-09-20T10:00:00+08:00', casePeriod: days(14) });
    expect(d.lastDay).toBe('2025-10-09'); // 09-20 + 14 = 10-04 (National Day) → 10-09
    expect(d.explain.casePeriod).toEqual(days(14));
    const configured = createDeadlineEngine({
      ruleBook: { overrides: { 'joint-supervision': { standard: days(30) } } },
    });
    expect(configured.compute({ rule: 'joint-supervision', from: '2025-09-01T10:00:00+08:00' }).lastDay).toBe(
      '2025-10-09',
    ); // 10-01 → 10-09
    expect(() =>
      engine.compute({ rule: 'transfer.handover', from: '2025-09-20T10:00:00+08:00', casePeriod: days(1) }),
    ).toThrow(InvalidPeriodError);
  });

  it('custody periods are never extended for holidays (CPL art 105)', () => {
    const custodial: Rule = {
      ...createRuleBook().get('transfer.head-decision'),
      id: 'custody.test-detention',
      custody: true,
    };
    const d = computeDeadline(custodial, { from: '2025-09-30T10:00:00+08:00' });
    expect(d.lastDay).toBe('2025-10-03'); // 09-30 + 3, a National Day holiday, kept
    expect(d.dueAt).toBe('2025-10-04T00:00:00+08:00');
    expect(d.explain.shifts).toEqual([]);
    expect(d.explain.holidayRule).toMatch(/CPL art 105/);
  });
});

describe('computeDeadline — errors', () => {
  it('unknown rule and variant', () => {
    expect(() => due('transfer.filing-revew', '2025-09-30T10:00:00+08:00')).toThrow(UnknownRuleError);
    expect(() => due('transfer.filing-review', '2025-09-30T10:00:00+08:00', 'huge')).toThrow(UnknownVariantError);
    expect(() => due('transfer.filing-review', '2025-09-30T10:00:00+08:00', 'huge')).toThrow(
      /standard, verification, major-complex/,
    );
  });

  it('an instant without offset', () => {
    expect(() => due('transfer.filing-review', '2025-09-30T10:00:00')).toThrow(InvalidInstantError);
  });

  it('transfer.head-decision: CalendarNotCoveredError when the last day falls in 2027', () => {
    // 12-30 + 3 = 2027-01-02: whether that is a working day is unknown in chinese-days 1.5.7
    expect(() => due('transfer.head-decision', '2026-12-30T10:00:00+08:00')).toThrow(CalendarNotCoveredError);
    expect(() => due('transfer.head-decision', '2026-12-30T10:00:00+08:00')).toThrow(/2027/);
    const calendar = chineseDaysCalendar().withYear({
      year: 2027,
      holidays: ['2027-01-01'],
      makeUpWorkdays: [],
      source: 'synthetic test data',
    });
    // Sat 2027-01-02 → Sun 01-03 → Mon 01-04
    expect(
      createDeadlineEngine({ calendar }).compute({ rule: 'transfer.head-decision', from: '2026-12-30T10:00:00+08:00' })
        .lastDay,
    ).toBe('2027-01-04');
  });
});
