import { DomainError } from '@casebridge/contracts';
import { assertAllowed, penaltyClockSuspendedIn, type TransferAct, type TransferPhase } from './transfer.machine';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not-a-domain-error';
  }
}

describe('enforcement transfer machine', () => {
  it.each<[TransferPhase, TransferAct]>([
    ['suspected', 'team-report'], // transfer.team-report
    ['reported', 'head-decision'], // transfer.head-decision
    ['approved', 'send'], // transfer.handover
    ['opinion-received', 'send'], // transfer.after-procuratorate-opinion
    ['materials-requested', 'supplement-materials'], // transfer.materials-supplement
    ['not-filed', 'request-reconsideration'], // transfer.reconsideration-request
    ['not-filed', 'request-supervision'], // straight to the procuratorate
    ['upheld', 'request-supervision'], // transfer.supervision-request
    ['filed', 'hand-over-items'], // transfer.items-handover
  ])('allows %s → %s', (phase, act) => {
    expect(codeOf(() => assertAllowed(phase, act))).toBeNull();
  });

  it.each<[TransferPhase, TransferAct, string]>([
    ['reported', 'team-report', 'TRANSFER.ALREADY_DONE'],
    ['sent', 'send', 'TRANSFER.ALREADY_DONE'],
    ['suspected', 'send', 'TRANSFER.OUT_OF_ORDER'],
    ['sent', 'request-reconsideration', 'TRANSFER.OUT_OF_ORDER'],
    ['refused', 'send', 'CASE.CLOSED'],
    ['returned-for-penalty', 'request-supervision', 'CASE.CLOSED'],
  ])('refuses %s → %s with %s', (phase, act, code) => {
    expect(codeOf(() => assertAllowed(phase, act))).toBe(code);
  });

  it('penalty.decision-period is suspended while the case is with the police and runs otherwise (E17 art 16)', () => {
    expect(penaltyClockSuspendedIn('sent')).toBe(true);
    expect(penaltyClockSuspendedIn('filed')).toBe(true);
    expect(penaltyClockSuspendedIn('approved')).toBe(false);
    expect(penaltyClockSuspendedIn('returned-for-penalty')).toBe(false);
    expect(penaltyClockSuspendedIn('returned-not-competent')).toBe(false);
  });
});
