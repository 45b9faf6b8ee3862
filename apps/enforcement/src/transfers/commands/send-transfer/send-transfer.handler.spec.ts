import { DomainError } from '@casebridge/contracts';
import { thresholdFactsToSend } from './send-transfer.handler';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

describe('thresholdFactsToSend (try-findings #2: a transfer opened by an opinion must be sendable)', () => {
  it('sends the facts on record (the case team’s) when the request names none', () => {
    expect(thresholdFactsToSend(['t3', 't5'], undefined)).toEqual(['t3', 't5']);
  });
  it('takes the request’s facts when none are on record (an opinion on a case with no earlier transfer), without duplicates', () => {
    expect(thresholdFactsToSend([], ['t1', 't1', 't4'])).toEqual(['t1', 't4']);
  });
  it('refuses with 400 (never a 500 from the event contract) when there are none at all', () => {
    expect(code(() => thresholdFactsToSend([], undefined))).toBe('TRANSFER.THRESHOLD_FACTS_REQUIRED');
    expect(code(() => thresholdFactsToSend([], []))).toBe('TRANSFER.THRESHOLD_FACTS_REQUIRED');
  });
  it('does not let the sender change the facts the team reported and the head decided on', () => {
    expect(code(() => thresholdFactsToSend(['t3'], ['t1']))).toBe('TRANSFER.THRESHOLD_FACTS_FIXED');
  });
});
