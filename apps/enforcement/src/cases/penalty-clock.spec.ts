import { penaltyClock } from './penalty-clock';

describe('penalty.decision-period clock (APL art 60; E17 art 16)', () => {
  const registered = new Date('2025-03-03T09:00:00+08:00'); // Monday

  it('penalty.decision-period: 90 days from registration when never with the police', () => {
    // 2025-03-03 + 90 days = 2025-06-01 (Sunday) → first working day after: Monday 2025-06-02 (Dragon Boat 2025 is 05-31..06-02: Tuesday 06-03)
    const view = penaltyClock(registered, [], new Date('2025-03-10T00:00:00+08:00'));
    expect(view.status).toBe('running');
    expect(view.projected).toBe(false);
    expect(view.lastDay).toBe('2025-06-03');
  });

  it('penalty.decision-period: the time with the police does not count', () => {
    const free = penaltyClock(registered, [], new Date('2025-04-01T00:00:00+08:00'));
    const suspended = penaltyClock(
      registered,
      [{ from: '2025-03-10T10:00:00+08:00', to: '2025-03-20T10:00:00+08:00', reason: 'with the police' }],
      new Date('2025-04-01T00:00:00+08:00'),
    );
    expect(Date.parse(suspended.dueAt)).toBeGreaterThan(Date.parse(free.dueAt));
  });

  it('penalty.decision-period: an open suspension shows as suspended with a projected due date', () => {
    const view = penaltyClock(
      registered,
      [{ from: '2025-03-10T10:00:00+08:00', to: null, reason: 'with the police' }],
      new Date('2025-03-15T00:00:00+08:00'),
    );
    expect(view.status).toBe('suspended');
    expect(view.projected).toBe(true);
  });
});
