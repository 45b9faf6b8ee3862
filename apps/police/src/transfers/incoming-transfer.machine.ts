import { ErrorCodes } from '@casebridge/contracts';
import { assertAct, type ActRules } from '@casebridge/platform';

/** The police view of a transfer received from an enforcement agency (flows.md §1 steps 4–5). */
export const INCOMING_PHASES = [
  'awaiting-receipt', // transfer.receipt owed
  'received', // transfer.filing-review running
  'materials-requested', // waiting for enforcement (transfer.materials-supplement); the review goes on
  'forwarded', // closed here: sent on to the competent agency (transfer.forward-or-return)
  'returned', // closed: returned as outside our competence
  'filed', // 立案
  'not-filed', // enforcement may ask for reconsideration or go to the procuratorate
  'reconsidering', // transfer.reconsideration-decision owed
  'upheld', // non-filing upheld on reconsideration
  'returned-for-penalty', // closed: no crime, administrative violation (transfer.return-for-penalty)
] as const;
export type IncomingPhase = (typeof INCOMING_PHASES)[number];

export const CLOSED_INCOMING: readonly IncomingPhase[] = ['forwarded', 'returned', 'filed', 'returned-for-penalty'];

export type PoliceAct = 'sign-receipt' | 'forward' | 'request-materials' | 'extend-review' | 'decide-filing' | 'decide-reconsideration' | 'file-after-notice';

const ALLOWED: Record<PoliceAct, readonly IncomingPhase[]> = {
  'sign-receipt': ['awaiting-receipt'],
  forward: ['awaiting-receipt', 'received'],
  'request-materials': ['received'],
  'extend-review': ['received', 'materials-requested'],
  // materials missing is no ground to refuse the case, but the police may decide anyway (GA art 180)
  'decide-filing': ['received', 'materials-requested'],
  'decide-reconsideration': ['reconsidering'],
  'file-after-notice': ['not-filed', 'upheld', 'reconsidering'],
};

/** Where each act leads: in these phases, straight after the act, acting again is "twice" (ALREADY_DONE). */
const LEADS_TO: Record<PoliceAct, readonly IncomingPhase[]> = {
  'sign-receipt': ['received'],
  forward: ['forwarded', 'returned'],
  'request-materials': ['materials-requested'],
  'extend-review': [],
  'decide-filing': ['filed', 'not-filed', 'returned-for-penalty'],
  'decide-reconsideration': ['upheld', 'filed'],
  'file-after-notice': ['filed'],
};

/** What the police office can do, or waits for, in each phase (said in every refusal). */
const NEXT: Partial<Record<IncomingPhase, string>> = {
  'awaiting-receipt': 'sign the receipt (transfer.receipt) or forward/return the case',
  received: 'decide on filing (transfer.filing-review), ask for missing materials, or extend the review',
  'materials-requested': 'wait for the materials (transfer.materials-supplement) — the review goes on; you may still decide',
  'not-filed': 'wait: enforcement may ask for reconsideration or for filing supervision; to file on a procuratorate notice, send its supervisionId with the decision',
  reconsidering: 'decide on the reconsideration (transfer.reconsideration-decision)',
  upheld: 'wait for the procuratorate; to file on its notice, send its supervisionId with the decision',
};

export const POLICE_ACT_RULES: ActRules<IncomingPhase, PoliceAct> = {
  subject: 'transfer',
  codes: { alreadyDone: ErrorCodes.transferAlreadyDone, outOfOrder: ErrorCodes.transferOutOfOrder, closed: ErrorCodes.caseClosed },
  allowed: ALLOWED,
  leadsTo: LEADS_TO,
  closed: CLOSED_INCOMING,
  text: {
    'sign-receipt': 'sign the receipt',
    forward: 'forward or return the case',
    'request-materials': 'ask for missing materials',
    'extend-review': 'extend the filing review',
    'decide-filing': 'decide on filing',
    'decide-reconsideration': 'decide on the reconsideration',
    'file-after-notice': 'file after the procuratorate’s notice',
  },
  next: NEXT,
};

/** Throws a DomainError an officer understands when the act does not fit the phase (libs/platform assertAct). */
export function assertPoliceAct(phase: IncomingPhase, act: PoliceAct, previousPhase?: IncomingPhase | null): void {
  assertAct(POLICE_ACT_RULES, act, { phase, previousPhase });
}
