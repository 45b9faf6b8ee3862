/**
 * DeadlineClock: suspension and approved extension. Expected dates worked out by hand (calendar facts as
 * cited in compute.spec.ts; Dragon Boat 2025: May 31–Jun 2 off).
 */
import { createDeadlineEngine } from './engine';
import { DeadlineClock } from './clock';
import { ApprovalRequiredError, ClockSequenceError, ClockSuspendedError, ExtensionRefusedError } from '../errors';

const engine = createDeadlineEngine();

describe('DeadlineClock — suspension', () => {
  // Filed Mon 2025-03-03. Unsuspended: 03-03 + 90 = Sun 06-01 (Dragon Boat holiday 05-31..06-02) → Tue 06-03.
  const filed = engine.startClock({ rule: 'penalty.decision-period', at: '2025-03-03T09:00:00+08:00' });

  it('penalty.decision-period: 90 days from filing, unsuspended → 2025-06-03', () => {
    expect(filed.deadline().lastDay).toBe('2025-06-03');
    expect(filed.status('2025-04-01T00:00:00+08:00')).toBe('running');
  });

  it('penalty.decision-period: suspended while with the police (E17 art 16) — 20 days added', () => {
    // Transferred to police 03-13, returned 04-02: days 03-14..04-02 (20) not counted.
    // 06-01 + 20 = Sat 06-21 → Sun 06-22 → Mon 06-23.
    const clock = filed
      .suspend('2025-03-13T10:00:00+08:00', 'case transferred to the police')
      .resume('2025-04-02T15:00:00+08:00');
    const d = clock.deadline();
    expect(d.lastDay).toBe('2025-06-23');
    expect(d.dueAt).toBe('2025-06-24T00:00:00+08:00');
    expect(d.explain.rawEnd).toBe('2025-06-21');
    expect(d.explain.suspensions).toEqual([
      {
        from: '2025-03-13T10:00:00+08:00',
        to: '2025-04-02T15:00:00+08:00',
        reason: 'case transferred to the police',
        excludedDates: { first: '2025-03-14', last: '2025-04-02', count: 20 },
        applied: true,
      },
    ]);
  });

  it('penalty.decision-period: status and remaining while suspended are projected to a resume now', () => {
    const clock = filed.suspend('2025-03-13T10:00:00+08:00');
    expect(clock.isSuspended).toBe(true);
    expect(clock.status('2025-03-20T12:00:00+08:00')).toBe('suspended');
    expect(clock.status('2025-03-12T12:00:00+08:00')).toBe('running'); // before the suspension
    expect(() => clock.deadline()).toThrow(ClockSuspendedError);
    // If resumed 03-20: 7 days excluded (03-14..03-20): 06-01 + 7 = Sun 06-08 → Mon 06-09.
    const r = clock.remaining('2025-03-20T12:00:00+08:00');
    expect(r.projected).toBe(true);
    expect(r.dueAt).toBe('2025-06-10T00:00:00+08:00');
    expect(clock.projectedDeadline('2025-03-20T12:00:00+08:00').lastDay).toBe('2025-06-09');
    // Remaining from 03-20 12:00 to 06-10 00:00 = 81 days 12 hours.
    expect(r.wholeDays).toBe(81);
    expect(r.text).toBe('81d 12h 0m left');
  });

  it('penalty.decision-period: two suspensions add up; same-day suspend/resume adds nothing', () => {
    const clock = filed
      .suspend('2025-03-13T10:00:00+08:00')
      .resume('2025-04-02T15:00:00+08:00') // +20
      .suspend('2025-04-10T09:00:00+08:00')
      .resume('2025-04-10T17:00:00+08:00') // +0
      .suspend('2025-05-06T09:00:00+08:00')
      .resume('2025-05-16T09:00:00+08:00'); // +10 (05-07..05-16)
    // 06-01 + 30 = Tue 07-01, a working day
    expect(clock.deadline().lastDay).toBe('2025-07-01');
  });

  it('penalty.decision-period: a suspension after expiry changes nothing and the clock stays overdue', () => {
    const clock = filed.suspend('2025-06-10T09:00:00+08:00');
    expect(clock.status('2025-06-12T09:00:00+08:00')).toBe('overdue');
    const resumed = clock.resume('2025-06-20T09:00:00+08:00');
    expect(resumed.deadline().lastDay).toBe('2025-06-03');
    expect(resumed.deadline().explain.suspensions?.[0].applied).toBe(false);
    expect(resumed.status('2025-06-21T09:00:00+08:00')).toBe('overdue');
  });

  it('supervision.police-explain: suspended on the last day, it ends at the end of the resume day', () => {
    // Mon 03-03 + 7 = Mon 03-10; suspended 03-10 15:00, resumed Wed 03-12: 03-10 + 2 = 03-12.
    const clock = engine
      .startClock({ rule: 'supervision.police-explain', at: '2025-03-03T09:00:00+08:00' })
      .suspend('2025-03-10T15:00:00+08:00')
      .resume('2025-03-12T09:00:00+08:00');
    expect(clock.deadline().lastDay).toBe('2025-03-12');
  });

  it('transfer.team-report: working days do not count while suspended', () => {
    // Wed 09-24 start. Unsuspended: Thu 09-25 (1), Fri 09-26 (2), Sun 09-28 make-up (3).
    const start = engine.startClock({ rule: 'transfer.team-report', at: '2025-09-24T10:00:00+08:00' });
    expect(start.deadline().lastDay).toBe('2025-09-28');
    // Suspended Thu 09-25 10:00, resumed Mon 09-29: 09-25 counts (1), 09-26..09-29 excluded,
    // Tue 09-30 (2), 10-01..10-08 off, Thu 10-09 (3).
    const clock = start.suspend('2025-09-25T10:00:00+08:00').resume('2025-09-29T09:00:00+08:00');
    expect(clock.deadline().lastDay).toBe('2025-10-09');
  });

  it('transfer.receipt: hour periods are extended by the suspended time exactly', () => {
    // 10:20 → 11:00 next day; suspended 12:00–14:30 → +2h30m → 13:30.
    const clock = engine
      .startClock({ rule: 'transfer.receipt', at: '2025-09-30T10:20:00+08:00' })
      .suspend('2025-09-30T12:00:00+08:00')
      .resume('2025-09-30T14:30:00+08:00');
    expect(clock.deadline().dueAt).toBe('2025-10-01T13:30:00+08:00');
    expect(clock.deadline().explain.suspensions?.[0].excludedMs).toBe(2.5 * 3600 * 1000);
  });

  it('refuses events out of order and double suspension', () => {
    expect(() => filed.resume('2025-03-10T09:00:00+08:00')).toThrow(ClockSequenceError);
    const s = filed.suspend('2025-03-13T10:00:00+08:00');
    expect(() => s.suspend('2025-03-14T10:00:00+08:00')).toThrow(ClockSequenceError);
    expect(() => s.resume('2025-03-12T10:00:00+08:00')).toThrow(ClockSequenceError);
    expect(() => filed.suspend('2025-03-01T10:00:00+08:00')).toThrow(ClockSequenceError);
    expect(() =>
      engine
        .startClock({ rule: 'transfer.copy-to-procuratorate', at: '2025-03-01T10:00:00+08:00' })
        .suspend('2025-03-01T10:00:00+08:00'),
    ).toThrow(ClockSequenceError);
    expect(() => engine.startClock({ rule: 'court.hearing-notice', at: '2025-03-01T10:00:00+08:00' })).toThrow(
      ClockSequenceError,
    );
  });
});

describe('DeadlineClock — extension', () => {
  // Accepted Fri 2025-09-26: standard 09-26 + 3 = Mon 09-29.
  const accepted = engine.startClock({ rule: 'transfer.filing-review', at: '2025-09-26T10:00:00+08:00' });

  it('transfer.filing-review: 3 → 30 days with the approval of a county-level police head', () => {
    expect(accepted.deadline().lastDay).toBe('2025-09-29');
    const extended = accepted.extend('major-complex', 'Deputy head Wang, Shenyang PSB', '2025-09-28T09:00:00+08:00');
    // 09-26 + 30 = Sun 10-26 → Mon 10-27, counted from acceptance
    expect(extended.deadline().lastDay).toBe('2025-10-27');
    expect(extended.variant).toBe('major-complex');
    expect(extended.deadline().explain.extensions).toEqual([
      {
        at: '2025-09-28T09:00:00+08:00',
        fromVariant: 'standard',
        toVariant: 'major-complex',
        approvedBy: 'Deputy head Wang, Shenyang PSB',
      },
    ]);
    expect(accepted.deadline().lastDay).toBe('2025-09-29'); // immutable
  });

  it('transfer.filing-review: 3 → 7 days (verification) needs no approval', () => {
    expect(accepted.extend('verification', undefined, '2025-09-27T09:00:00+08:00').deadline().lastDay).toBe(
      '2025-10-09',
    );
  });

  it('transfer.filing-review: the 30-day extension without approval is refused', () => {
    expect(() => accepted.extend('major-complex', undefined, '2025-09-28T09:00:00+08:00')).toThrow(
      ApprovalRequiredError,
    );
    expect(() => accepted.extend('major-complex', '  ', '2025-09-28T09:00:00+08:00')).toThrow(ApprovalRequiredError);
  });

  it('transfer.filing-review: no extension once the period expired (09-30 00:00)', () => {
    expect(() => accepted.extend('major-complex', 'head', '2025-09-30T00:00:00+08:00')).toThrow(ExtensionRefusedError);
    expect(accepted.status('2025-09-30T00:00:00+08:00')).toBe('overdue');
    expect(accepted.status('2025-09-29T23:59:59+08:00')).toBe('running');
    const r = accepted.remaining('2025-10-01T12:30:00+08:00');
    expect(r).toMatchObject({ expired: true, projected: false, dueAt: '2025-09-30T00:00:00+08:00', wholeDays: -1 });
    expect(r.text).toBe('overdue by 1d 12h 30m');
  });

  it('court.trial-civil: switching to a shorter variant is refused', () => {
    const trial = engine.startClock({ rule: 'court.trial-civil', at: '2025-08-31T10:00:00+08:00' });
    expect(() => trial.extend('simplified', undefined, '2025-09-10T10:00:00+08:00')).toThrow(ExtensionRefusedError);
    const simplified = engine.startClock({
      rule: 'court.trial-civil',
      variant: 'simplified',
      at: '2025-11-30T10:00:00+08:00',
    });
    // simplified (02-28) → simplified-extended with the president's approval: Nov 30 + 4 months = Mon 03-30
    expect(
      simplified.extend('simplified-extended', 'President Li', '2026-02-01T10:00:00+08:00').deadline().lastDay,
    ).toBe('2026-03-30');
  });

  it('court.settlement-announcement: a minimum period is "elapsed", not overdue, when over', () => {
    const clock = engine.startClock({ rule: 'court.settlement-announcement', at: '2025-09-10T10:00:00+08:00' });
    expect(clock.status('2025-10-10T23:00:00+08:00')).toBe('running');
    expect(clock.status('2025-10-11T00:00:00+08:00')).toBe('elapsed');
    expect(clock.remaining('2025-10-11T03:00:00+08:00').text).toBe('elapsed 0d 3h 0m ago');
  });

  it('state is plain JSON and restores to the same clock', () => {
    const clock = accepted
      .extend('major-complex', 'head', '2025-09-28T09:00:00+08:00')
      .suspend('2025-10-01T09:00:00+08:00')
      .resume('2025-10-03T09:00:00+08:00');
    const json = JSON.parse(JSON.stringify(clock.state));
    const restored = engine.restoreClock(json);
    expect(restored.deadline()).toEqual(clock.deadline());
    // 09-26 + 30 + 2 (10-02..10-03) = Tue 10-28
    expect(restored.deadline().lastDay).toBe('2025-10-28');
    expect(() =>
      DeadlineClock.restore({ ...json, events: [{ type: 'resumed', at: '2025-10-03T09:00:00+08:00' }] }, clock.rule),
    ).toThrow(ClockSequenceError);
  });
});
