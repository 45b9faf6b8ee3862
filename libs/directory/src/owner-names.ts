import type { DeadlineOwner, DeadlinePartyRole } from '@casebridge/contracts';
import { agencyDirectory, type Bilingual } from './agency-directory';

const PARTY_NAMES: Record<DeadlinePartyRole, Bilingual> = {
  court: { zh: '人民法院', en: 'the court' },
  'eligible-organisation': { zh: '适格社会组织', en: 'eligible organisation' },
  'liable-party': { zh: '赔偿义务人', en: 'liable party' },
};

/** Who owes a step, in words: an agency by its official names (agency directory), a party by its role and name. */
export function ownerNames(owner: DeadlineOwner): Bilingual {
  if (owner.kind === 'agency') return agencyDirectory().names(owner.agencyId);
  const role = PARTY_NAMES[owner.role];
  return owner.name ? { zh: `${role.zh}（${owner.name}）`, en: `${role.en} (${owner.name})` } : role;
}
