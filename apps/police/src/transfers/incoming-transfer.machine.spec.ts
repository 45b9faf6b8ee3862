import { DomainError } from '@casebridge/contracts';
import { assertPoliceAct, type IncomingPhase, type PoliceAct } from './incoming-transfer.machine';

const code = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
};

describe('police incoming transfer machine', () => {
  it.each<[IncomingPhase, PoliceAct]>([
    ['awaiting-receipt', 'sign-receipt'], // transfer.receipt
    ['awaiting-receipt', 'forward'], // transfer.forward-or-return
    ['received', 'request-materials'], // transfer.materials-notice
    ['received', 'extend-review'], // transfer.filing-review 3 → 7/30 days
    ['materials-requested', 'decide-filing'], // may not refuse for missing materials, but may decide (GA art 180)
    ['reconsidering', 'decide-reconsideration'], // transfer.reconsideration-decision
    ['upheld', 'file-after-notice'], // supervision.police-file
  ])('allows %s → %s', (phase, act) => expect(code(() => assertPoliceAct(phase, act))).toBeNull());

  it.each<[IncomingPhase, PoliceAct, string]>([
    ['received', 'sign-receipt', 'TRANSFER.ALREADY_DONE'],
    ['filed', 'decide-filing', 'TRANSFER.ALREADY_DONE'],
    ['awaiting-receipt', 'decide-filing', 'TRANSFER.OUT_OF_ORDER'],
    ['not-filed', 'decide-reconsideration', 'TRANSFER.OUT_OF_ORDER'],
    ['returned-for-penalty', 'extend-review', 'CASE.CLOSED'],
  ])('refuses %s → %s with %s', (phase, act, expected) =>
    expect(code(() => assertPoliceAct(phase, act))).toBe(expected),
  );

  it('filing without supervisionId after a notice is "already decided", and says to send the supervisionId (issue #9 item 9)', () => {
    try {
      assertPoliceAct('upheld', 'decide-filing', 'reconsidering');
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('TRANSFER.OUT_OF_ORDER');
      expect((e as DomainError).message).toMatch(/to file on its notice, send its supervisionId with the decision/);
    }
    expect(code(() => assertPoliceAct('not-filed', 'decide-filing', 'received'))).toBe('TRANSFER.ALREADY_DONE');
  });

  it('signing the receipt again after something changed is out of order, not "twice"', () => {
    expect(code(() => assertPoliceAct('received', 'sign-receipt', 'awaiting-receipt'))).toBe('TRANSFER.ALREADY_DONE');
    expect(code(() => assertPoliceAct('received', 'sign-receipt', 'materials-requested'))).toBe(
      'TRANSFER.OUT_OF_ORDER',
    );
  });
});
