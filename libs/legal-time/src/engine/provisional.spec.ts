import { CalendarNotCoveredError } from '../errors';
import { createDeadlineEngine } from './engine';

describe('years without an official holiday arrangement', () => {
  // chinese-days 1.5.7 carries 2004–2026; 2027 is published by the State Council late in 2026.
  const from = '2026-12-20T10:00:00+08:00';

  it('penalty.decision-period: a strict engine refuses to guess 2027 (CalendarNotCoveredError)', () => {
    const strict = createDeadlineEngine();
    expect(() => strict.compute({ rule: 'penalty.decision-period', from })).toThrow(CalendarNotCoveredError);
  });

  it('penalty.decision-period: a provisional engine counts weekends only and names the provisional year', () => {
    const engine = createDeadlineEngine({ uncoveredYears: 'provisional' });
    const d = engine.compute({ rule: 'penalty.decision-period', from });
    // 2026-12-20 + 90 days = 2027-03-20, a Saturday → Monday 2027-03-22 (weekends only)
    expect(d.lastDay).toBe('2027-03-22');
    expect(d.provisionalYears).toEqual([2027]);
    expect(d.explain.calendar.join(' ')).toMatch(/2027: PROVISIONAL/);
  });

  it('transfer.filing-review: a period inside a known year is exact (no provisional flag)', () => {
    const engine = createDeadlineEngine({ uncoveredYears: 'provisional' });
    const d = engine.compute({ rule: 'transfer.filing-review', from: '2026-11-28T10:00:00+08:00' });
    expect(d.lastDay).toBe('2026-12-01');
    expect(d.provisionalYears).toBeUndefined();
  });

  it('an operator-loaded year replaces the provisional counting', () => {
    const engine = createDeadlineEngine({ uncoveredYears: 'provisional' });
    const loaded = createDeadlineEngine({
      uncoveredYears: 'provisional',
      calendar: engine.calendar.withYear({ year: 2027, holidays: ['2027-03-22'], makeUpWorkdays: [], source: 'test data' }),
    });
    const d = loaded.compute({ rule: 'penalty.decision-period', from });
    expect(d.lastDay).toBe('2027-03-23');
    expect(d.provisionalYears).toBeUndefined();
  });
});
