import { COURT_RULES, ORDERED_RULES } from './court.rules';
import { EDC_RULES } from './edc.rules';
import { PIL_RULES } from './pil.rules';
import { PROSECUTION_RULES } from './prosecution.rules';
import { SHARING_RULES } from './sharing.rules';
import { SUPERVISION_RULES } from './supervision.rules';
import { TRANSFER_RULES } from './transfer.rules';
import { Rule } from './types';

export {
  COURT_RULES,
  EDC_RULES,
  ORDERED_RULES,
  PIL_RULES,
  PROSECUTION_RULES,
  SHARING_RULES,
  SUPERVISION_RULES,
  TRANSFER_RULES,
};

/**
 * Every rule of deadlines.md, in table order, then the periods a deciding body sets in the case itself
 * (ORDERED_RULES, status 'ordered': not rows of deadlines.md).
 */
export const ALL_RULES: readonly Rule[] = [
  ...TRANSFER_RULES,
  ...SUPERVISION_RULES,
  ...PROSECUTION_RULES,
  ...SHARING_RULES,
  ...PIL_RULES,
  ...COURT_RULES,
  ...EDC_RULES,
  ...ORDERED_RULES,
];
