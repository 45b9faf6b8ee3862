import { DomainError, ErrorCodes } from '@casebridge/contracts';

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

const TEXT: Record<PoliceAct, string> = {
  'sign-receipt': 'sign the receipt',
  forward: 'forward or return the case',
  'request-materials': 'ask for missing materials',
  'extend-review': 'extend the filing review',
  'decide-filing': 'decide on filing',
  'decide-reconsideration': 'decide on the reconsideration',
  'file-after-notice': 'file after the procuratorate’s notice',
};

export function assertPoliceAct(phase: IncomingPhase, act: PoliceAct): void {
  if (ALLOWED[act].includes(phase)) return;
  if (CLOSED_INCOMING.includes(phase)) {
    const code = act === 'sign-receipt' || act === 'decide-filing' || act === 'forward' ? ErrorCodes.transferAlreadyDone : ErrorCodes.caseClosed;
    throw new DomainError(code, 'conflict', `This transfer is already ${phase}; you cannot ${TEXT[act]} any more.`, { phase });
  }
  const order = INCOMING_PHASES.indexOf(phase);
  const done = ALLOWED[act].every((p) => INCOMING_PHASES.indexOf(p) < order);
  throw new DomainError(
    done ? ErrorCodes.transferAlreadyDone : ErrorCodes.transferOutOfOrder, 'conflict',
    done ? `This was already done: the transfer is "${phase}", so you cannot ${TEXT[act]} again.`
      : `You cannot ${TEXT[act]} now: the transfer is "${phase}" (allowed when ${ALLOWED[act].join(' or ')}).`,
    { phase, allowedPhases: ALLOWED[act] },
  );
}
