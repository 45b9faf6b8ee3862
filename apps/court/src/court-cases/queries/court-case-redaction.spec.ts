import { redactPaths, REDACTED } from '@casebridge/sharing';
import { COURT_CASE_REDACTED } from './court-case.queries';

// Kept case (session 6 trial): the redacted restoration records lost their dates, though README says a granted reader
// keeps the dates (counts, flags and dates stay); what the records say stays hidden.
describe("the court's redacted view", () => {
  it('keeps the dates and percentages of the restoration records, redacts what they say and the order', () => {
    const restoration = {
      order: '补植复绿 ORDER',
      dueDate: '2027-03-31',
      status: 'in-progress',
      overdue: false,
      records: [
        { at: '2026-12-01T02:00:00.000Z', by: 'court:210100/j-1', kind: 'report', percentDone: 30, text: '张某 补植' },
        {
          at: '2026-12-20T02:00:00.000Z',
          by: 'court:210100/j-1',
          kind: 'verification',
          outcome: 'completed',
          text: '验收',
        },
      ],
    };
    const seen = redactPaths({ claim: 'c', timeline: [], restoration }, COURT_CASE_REDACTED);
    expect(JSON.stringify(seen)).not.toMatch(/张某|ORDER|验收/);
    expect(seen.restoration).toMatchObject({
      order: REDACTED,
      dueDate: '2027-03-31',
      records: [
        { at: '2026-12-01T02:00:00.000Z', percentDone: 30, text: REDACTED },
        { at: '2026-12-20T02:00:00.000Z', text: REDACTED },
      ],
    });
  });
});
