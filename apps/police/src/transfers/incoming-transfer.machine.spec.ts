import { DomainError } from '@casebridge/contracts';
import { assertPoliceAct, type IncomingPhase, type PoliceAct } from './incoming-transfer.machine';

const code = (fn: () => void): string | null => {
  try { fn(); return null; } catch (e) { return e instanceof DomainError ? e.code : 'other'; }
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
  ])('refuses %s → %s with %s', (phase, act, expected) => expect(code(() => assertPoliceAct(phase, act))).toBe(expected));
});
