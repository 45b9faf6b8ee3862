import { DomainError } from '@casebridge/contracts';
import { assertAct, judgeAct, type ActRules } from './act-guard';

type P = 'new' | 'asked' | 'answered' | 'closed';
type A = 'ask' | 'answer' | 'close';

const RULES: ActRules<P, A> = {
  subject: 'matter',
  codes: { alreadyDone: 'M.ALREADY_DONE', outOfOrder: 'M.OUT_OF_ORDER', closed: 'CASE.CLOSED' },
  allowed: { ask: ['new'], answer: ['asked'], close: ['answered'] },
  leadsTo: { ask: ['asked'], answer: ['answered'], close: ['closed'] },
  closed: ['closed'],
  text: { ask: 'ask', answer: 'answer', close: 'close the matter' },
  next: { asked: 'wait for the answer' },
};

describe('assertAct: one rule for ALREADY_DONE vs OUT_OF_ORDER', () => {
  it.each<[P, P | null | undefined, A, string]>([
    ['new', undefined, 'ask', 'allowed'],
    ['asked', 'new', 'ask', 'already-done'], // twice, nothing changed since
    ['asked', undefined, 'ask', 'already-done'], // history unknown: the current phase decides
    ['answered', 'asked', 'ask', 'out-of-order'], // done earlier, but the matter moved on
    ['new', undefined, 'answer', 'out-of-order'],
    ['closed', 'answered', 'close', 'already-done'], // twice, even though it closed the matter
    ['closed', 'answered', 'ask', 'closed'],
  ])('%s (from %s) → %s: %s', (phase, previousPhase, act, verdict) => {
    expect(judgeAct(RULES, act, { phase, previousPhase })).toBe(verdict);
  });

  it('messages say where the record stands and what to do now; details carry it for clients', () => {
    const err = (() => {
      try {
        assertAct(RULES, 'ask', { phase: 'asked', previousPhase: 'new' }, 'Hint.');
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('not refused');
    })();
    expect(err).toMatchObject({
      code: 'M.ALREADY_DONE',
      kind: 'conflict',
      details: { phase: 'asked', next: 'wait for the answer' },
    });
    expect(err.message).toBe(
      'Already done: you cannot ask again — the matter is "asked". Now: wait for the answer. Hint.',
    );
    expect(() => assertAct(RULES, 'answer', { phase: 'new' })).toThrow(
      'You cannot answer now: the matter is "new" (possible when asked).',
    );
  });

  // Kept case (session 6 trial): "Now:" said to file the recommendation upward after it was filed (the phase did not move)
  it("says what the record's own state says comes next, when given; else the phase's text", () => {
    expect(() => assertAct(RULES, 'ask', { phase: 'asked' }, undefined, 'the answer is in: close it')).toThrow(
      'Already done: you cannot ask again — the matter is "asked". Now: the answer is in: close it.',
    );
    expect(() => assertAct(RULES, 'ask', { phase: 'asked' }, undefined, null)).toThrow(
      /^Already done: you cannot ask again — the matter is "asked"\.$/,
    );
  });
});
