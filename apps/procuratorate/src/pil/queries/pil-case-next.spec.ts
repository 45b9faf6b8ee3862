import type { PilCase } from '../pil-case.entity';
import { pilCaseView } from './pil-case-queries';

// Kept case (session 6 trial): after the recommendation was filed upward (pil.recommendation-filing), `next` still said
// to file it upward — filing does not move the phase, so `next` must follow the view, not the phase alone.
describe('the PIL case view: what comes next follows the state', () => {
  const admin = (phase: string, filedUpwardAt: string | null) =>
    ({ kind: 'administrative', phase, view: { phase, filedUpwardAt } }) as unknown as PilCase;
  const filed = '2026-12-01T02:00:00.000Z';

  it('recommended, not filed: file upward and wait for the reply', () => {
    expect(pilCaseView(admin('recommended', null)).next).toMatch(/^file the recommendation upward/);
  });

  it('recommended and filed: only the agency’s reply is awaited', () => {
    const next = pilCaseView(admin('recommended', filed)).next!;
    expect(next).toMatch(/^wait for the agency’s reply \(pil\.agency-reply\)/);
    expect(next).not.toMatch(/file the recommendation|to be filed/);
  });

  it.each(['replied', 'reply-overdue'])('%s: filing still owed is said, and not once it is done', (phase) => {
    expect(pilCaseView(admin(phase, null)).next).toMatch(
      /pil\.admin-suit-decision.*; the recommendation is still to be filed upward \(pil\.recommendation-filing\)$/,
    );
    expect(pilCaseView(admin(phase, filed)).next).not.toMatch(/filed upward|filing/);
  });

  it('phases where filing is no act keep their own next', () => {
    expect(pilCaseView(admin('closing', null)).next).toMatch(/^serve the closing decision/);
    expect(pilCaseView(admin('sued', null)).next).toBeNull();
  });
});
