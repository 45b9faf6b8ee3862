import { Harness, ev } from '../testing/decider-harness';
import { initialPenaltyModel, penaltyDecider, PENALTY_RULE, type PenaltyModel } from './penalty.decider';

const penalty = () => new Harness<PenaltyModel>(penaltyDecider, initialPenaltyModel());
const clock = (state: 'suspended' | 'running') =>
  ev('penalty.clock-changed', { caseId: 'c-1', state, reason: 'E17 art 16' });

describe('penalty.decision-period decider (APL art 60; E17 art 16)', () => {
  it('case.registered opens penalty.decision-period for enforcement from the registration', () => {
    const h = penalty();
    const registered = ev('case.registered', { caseId: 'c-1' });
    h.when(registered);
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: PENALTY_RULE, role: 'enforcement', from: registered.occurredAt },
    ]);
    expect(h.when(ev('case.registered', { caseId: 'c-1' }))).toMatchObject({ kind: 'ignore' });
  });

  it('suspended while the case is with the police, resumed when it comes back; repeats change nothing', () => {
    const h = penalty().given(ev('case.registered', { caseId: 'c-1' }));
    const away = clock('suspended');
    h.when(away);
    expect(h.actions).toEqual([{ kind: 'suspend', ruleId: PENALTY_RULE, at: away.occurredAt, reason: 'E17 art 16' }]);
    expect(h.when(clock('suspended'))).toMatchObject({ kind: 'ignore' });
    const back = clock('running');
    h.when(back);
    expect(h.actions.at(-1)).toEqual({ kind: 'resume', ruleId: PENALTY_RULE, at: back.occurredAt });
    expect(h.when(clock('running'))).toMatchObject({ kind: 'ignore' });
    expect(penaltyDecider.isFinished(h.model)).toBe(false);
  });

  it('a clock change before the registration arrived waits for it', () => {
    expect(penalty().when(clock('suspended'))).toMatchObject({ kind: 'defer' });
  });
});
