import { redactPaths } from '@casebridge/sharing';
import { PROSECUTION_REVIEW_REDACTED } from '../../prosecution/responses/prosecution.response';
import { PIL_CASE_REDACTED } from './pil-case-queries';

// Kept case (session 5 trial): an office reading a PIL case or a prosecution through a grant saw the judgment and the
// restoration order in clear in the `trial` section, while the court's own granted view redacted both.
describe('a granted reader does not see what the court wrote in the trial section', () => {
  const trial = {
    courtCaseId: 'c',
    docketNumber: '(2026)辽01行初7号',
    notAcceptedReasons: null,
    judgmentSummary: '秘密判决JUDG',
    judgedAt: '2026-12-06T02:00:00.000Z',
    restoration: { order: '秘密修复ORDER', dueDate: '2027-03-31', percentDone: 30, status: 'ordered' },
  };
  it.each([
    ['PIL case', PIL_CASE_REDACTED],
    ['prosecution', PROSECUTION_REVIEW_REDACTED],
  ] as const)('%s: judgment and order redacted; docket number, dates and progress kept', (_n, paths) => {
    const seen = redactPaths({ view: {}, timeline: [], trial }, paths);
    expect(JSON.stringify(seen)).not.toMatch(/JUDG|ORDER/);
    expect(seen.trial).toMatchObject({
      docketNumber: trial.docketNumber,
      judgedAt: trial.judgedAt,
      restoration: { dueDate: '2027-03-31', percentDone: 30, status: 'ordered' },
    });
  });
});
