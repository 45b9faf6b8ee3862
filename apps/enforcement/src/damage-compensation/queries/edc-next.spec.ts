import type { EdcCase } from '../edc-case.entity';
import { edcCaseView } from './edc-queries';

// Sibling of the session 6 trial's stale `next` (PIL filing upward): meetings do not move the phase, so after the
// third meeting `next` still said to consult, though a fourth is refused (EDC.MEETING_LIMIT).
describe('the damage compensation view: what comes next follows the meetings held', () => {
  const consulting = (rounds: number) =>
    ({
      phase: 'consulting',
      view: {
        phase: 'consulting',
        meetings: Array.from({ length: rounds }, (_, i) => ({
          round: i + 1,
          at: '2026-12-01T02:00:00Z',
          minutes: 'm',
        })),
      },
    }) as unknown as EdcCase;

  it.each([0, 2])('%i meetings: consult', (n) => {
    expect(edcCaseView(consulting(n)).next).toMatch(/^consult the liable party/);
  });

  it('3 meetings: record the agreement or the failure, no more consulting', () => {
    expect(edcCaseView(consulting(3)).next).toBe(
      '3 meetings held, the most edc.consultation allows: record the agreement or the failure of the consultation',
    );
  });
});
