import type { ProsecutionView } from './prosecution.views';

/**
 * What an office reading a prosecution through a grant (not a party: neither the transferring police office nor the
 * reviewing procuratorate) does not see of the view (issue 12, need-to-know): the narrative about the suspects —
 * summary, case file (titles and hashes), return, extension and decision reasons, the penalty opinion. It sees the
 * ids, agencies, phase, police case number, rounds, review variant and dates.
 */
export const PROSECUTION_VIEW_REDACTED: readonly (keyof ProsecutionView<string>)[] = [
  'summary',
  'caseFile',
  'returnReasons',
  'extensionReasons',
  'decisionReasons',
  'penaltyOpinion',
];
