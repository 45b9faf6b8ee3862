import { CalendarNotCoveredError } from '../errors';
import { createDeadlineEngine } from './engine';

describe('years without an official holiday arrangement: the statutory floor', () => {
  // chinese-days 1.5.7 carries 2004–2026; 2027 is published by the State Council late in 2026.
  const from = '2026-12-20T10:00:00+08:00';
  const provisional = createDeadlineEngine({ uncoveredYears: 'provisional' });

  it('penalty.decision-period: a strict engine refuses to guess 2027 (CalendarNotCoveredError)', () => {
    const strict = createDeadlineEngine();
    expect(() => strict.compute({ rule: 'penalty.decision-period', from })).toThrow(CalendarNotCoveredError);
  });

  it('penalty.decision-period: counted on the floor, the provisional year named', () => {
    const d = provisional.compute({ rule: 'penalty.decision-period', from });
    // 2026-12-20 + 90 days = 2027-03-20, a Saturday → Monday 2027-03-22
    expect(d.lastDay).toBe('2027-03-22');
    expect(d.provisionalYears).toEqual([2027]);
    expect(d.explain.calendar.join(' ')).toMatch(/2027: PROVISIONAL statutory floor/);
  });

  // Issue #9 item 11: weekends-only counting took New Year's Day for a working day (→ 2027-01-04).
  it("transfer.reconsideration-request from Wed 2026-12-30: New Year's Day skipped → Tue 2027-01-05", () => {
    const d = provisional.compute({ rule: 'transfer.reconsideration-request', from: '2026-12-30T10:00:00+08:00' });
    expect(d.lastDay).toBe('2027-01-05'); // 12-31, (01-01 holiday, 01-02/03 weekend), 01-04, 01-05
    expect(d.provisionalYears).toEqual([2027]);
  });

  // Issue #9 item 11: weekends-only counting ended it on 2027-02-08, which is 正月初三.
  it('pil.agency-reply from 2026-12-08: 2027-02-08 is 正月初三 → Tue 2027-02-09', () => {
    const d = provisional.compute({ rule: 'pil.agency-reply', from: '2026-12-08T09:00:00+08:00' });
    expect(d.explain.rawEnd).toBe('2027-02-08');
    expect(d.lastDay).toBe('2027-02-09');
    expect(d.explain.shifts[0]?.reason).toMatch(/Spring Festival \(春节\), statutory floor/);
    expect(d.provisionalYears).toEqual([2027]);
  });

  it('transfer.filing-review: a period inside a known year is exact (no provisional flag)', () => {
    const d = provisional.compute({ rule: 'transfer.filing-review', from: '2026-11-28T10:00:00+08:00' });
    expect(d.lastDay).toBe('2026-12-01');
    expect(d.provisionalYears).toBeUndefined();
  });

  it('an operator-loaded year replaces the floor (and its make-up working days count)', () => {
    // Synthetic data, not the official 2027 arrangement: Saturday 02-20 worked, Spring Festival 02-05..02-11.
    const loaded = createDeadlineEngine({
      uncoveredYears: 'provisional',
      calendar: provisional.calendar.withYear({
        year: 2027,
        holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
        makeUpWorkdays: ['2027-02-20'],
        source: 'test data',
      }),
    });
    const d = loaded.compute({ rule: 'pil.agency-reply', from: '2026-12-08T09:00:00+08:00' });
    expect(d.lastDay).toBe('2027-02-12');
    expect(d.provisionalYears).toBeUndefined();
    expect(d.explain.calendar).toContain('2027: test data');
  });

  it('hour periods run continuously and the explanation says so, naming the holiday they end on', () => {
    // transfer.handover 24 hours from 2025-09-30 10:00 → 2025-10-01 10:00, National Day: not extended.
    const d = provisional.compute({ rule: 'transfer.handover', from: '2025-09-30T10:00:00+08:00' });
    expect(d.dueAt).toBe('2025-10-01T10:00:00+08:00');
    expect(d.explain.shifts).toEqual([]);
    expect(d.explain.holidayRule).toMatch(/runs continuously .* not extended when it ends on a holiday/);
    expect(d.explain.holidayRule).toMatch(/ends on 2025-10-01 \(holiday: National Day/);
    const workday = provisional.compute({ rule: 'transfer.handover', from: '2025-09-29T10:00:00+08:00' });
    expect(workday.explain.holidayRule).not.toMatch(/ends on \d/);
  });
});
