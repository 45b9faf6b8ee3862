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
    ['items-handed-over', 'hand-over-items', 'TRANSFER.ALREADY_DONE'], // acting twice, even on a closed transfer
    ['returned-for-penalty', 'request-supervision', 'CASE.CLOSED'],
  ])('refuses %s → %s with %s', (phase, act, code) => {
    expect(codeOf(() => assertAllowed(phase, act))).toBe(code);
  });

  describe('one rule for acting twice (issue #9 item 9): ALREADY_DONE when nothing changed since the act, OUT_OF_ORDER otherwise', () => {
    it.each<[TransferPhase, TransferPhase | null, TransferAct, string]>([
      ['received', 'materials-requested', 'supplement-materials', 'TRANSFER.ALREADY_DONE'], // supplemented twice
      ['received', 'sent', 'supplement-materials', 'TRANSFER.OUT_OF_ORDER'], // no materials were asked for
      ['supervision-requested', 'upheld', 'request-supervision', 'TRANSFER.ALREADY_DONE'], // asked twice
      ['supervision-requested', 'not-filed', 'request-supervision', 'TRANSFER.ALREADY_DONE'],
      ['under-supervision', 'supervision-requested', 'request-supervision', 'TRANSFER.OUT_OF_ORDER'], // the procuratorate acted since
      ['reconsideration-requested', 'not-filed', 'request-reconsideration', 'TRANSFER.ALREADY_DONE'],
      ['upheld', 'reconsideration-requested', 'request-reconsideration', 'TRANSFER.OUT_OF_ORDER'],
    ])('%s (from %s) → %s: %s', (phase, previous, act, code) => {
      expect(codeOf(() => assertAllowed(phase, act, previous))).toBe(code);
    });

    it('the message says where the transfer stands and what to do now', () => {
      try {
        assertAllowed('supervision-requested', 'request-supervision', 'upheld');
        throw new Error('not refused');
      } catch (e) {
        expect((e as DomainError).message).toMatch(
          /Already done: you cannot request filing supervision again — the transfer is "supervision-requested"\. Now: wait for the procuratorate to open filing supervision \(supervision\.request-review\)/,
        );
      }
    });
  });

  it('penalty.decision-period is suspended while the case is with the police and runs otherwise (E17 art 16)', () => {
    expect(penaltyClockSuspendedIn('sent')).toBe(true);
    expect(penaltyClockSuspendedIn('filed')).toBe(true);
    expect(penaltyClockSuspendedIn('approved')).toBe(false);
    expect(penaltyClockSuspendedIn('returned-for-penalty')).toBe(false);
    expect(penaltyClockSuspendedIn('returned-not-competent')).toBe(false);
  });
});
