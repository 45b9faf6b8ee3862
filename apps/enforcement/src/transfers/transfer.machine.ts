import { DomainError, ErrorCodes } from '@casebridge/contracts';

/**
 * The enforcement agency's view of one transfer (案件移送), flows.md §1. Pure: which act is allowed in
 * which phase, and where each act or each incoming police/procuratorate event leads.
 */
export const TRANSFER_PHASES = [
  'suspected', // facts meet thresholds; the team owes its report (transfer.team-report)
  'reported', // the head owes a decision (transfer.head-decision)
  'approved', // handover owed within 24 h (transfer.handover)
  'refused', // closed: the head refused, reasons on file
  'opinion-received', // procuratorate told us to transfer (transfer.after-procuratorate-opinion)
  'sent', // with the police, receipt owed (transfer.receipt)
  'received', // police signed; filing review running (transfer.filing-review)
  'materials-requested', // we owe the missing materials (transfer.materials-supplement)
  'filed', // police filed; we owe the seized items (transfer.items-handover)
  'items-handed-over', // closed on our side: criminal proceedings go on
  'not-filed', // we may ask for reconsideration or go to the procuratorate (transfer.reconsideration-request)
  'reconsideration-requested', // police owe a decision (transfer.reconsideration-decision)
  'upheld', // we owe the supervision request (transfer.supervision-request)
  'supervision-requested', // waiting for the procuratorate
  'under-supervision', // the procuratorate opened filing supervision
  'non-filing-final', // closed: procuratorate found the police reasons valid
  'returned-for-penalty', // closed: police found no crime; penalty clock resumes (transfer.return-for-penalty)
  'returned-not-competent', // closed: police returned it as outside their competence
] as const;
export type TransferPhase = (typeof TRANSFER_PHASES)[number];

export const CLOSED_PHASES: readonly TransferPhase[] = [
  'refused', 'items-handed-over', 'non-filing-final', 'returned-for-penalty', 'returned-not-competent',
];

/** Acts of the enforcement agency. */
export type TransferAct =
  | 'team-report' | 'head-decision' | 'send' | 'supplement-materials' | 'request-reconsideration'
  | 'request-supervision' | 'hand-over-items';

const ALLOWED: Record<TransferAct, readonly TransferPhase[]> = {
  'team-report': ['suspected'],
  'head-decision': ['reported'],
  send: ['approved', 'opinion-received'],
  'supplement-materials': ['materials-requested'],
  'request-reconsideration': ['not-filed'],
  // after non-filing, after an upheld refusal, or when the police let the review run out (E17 art 12)
  'request-supervision': ['not-filed', 'upheld', 'received', 'materials-requested'],
  'hand-over-items': ['filed'],
};

const ACT_TEXT: Record<TransferAct, string> = {
  'team-report': 'submit the case team report',
  'head-decision': 'decide on the transfer',
  send: 'send the transfer to the police',
  'supplement-materials': 'supplement materials',
  'request-reconsideration': 'request reconsideration',
  'request-supervision': 'request filing supervision',
  'hand-over-items': 'hand over seized items',
};

/** Throws a DomainError an officer understands when the act does not fit the phase. */
export function assertAllowed(phase: TransferPhase, act: TransferAct): void {
  if (ALLOWED[act].includes(phase)) return;
  if (CLOSED_PHASES.includes(phase)) {
    throw new DomainError(ErrorCodes.caseClosed, 'conflict', `This transfer is closed (${phase}); you cannot ${ACT_TEXT[act]} any more.`, { phase });
  }
  const done = doneBy(act, phase);
  throw new DomainError(
    done ? ErrorCodes.transferAlreadyDone : ErrorCodes.transferOutOfOrder,
    'conflict',
    done
      ? `This was already done: the transfer is now "${phase}", so you cannot ${ACT_TEXT[act]} again.`
      : `You cannot ${ACT_TEXT[act]} now: the transfer is "${phase}" (allowed when ${ALLOWED[act].join(' or ')}).`,
    { phase, allowedPhases: ALLOWED[act] },
  );
}

/** Was the act already performed (the phase lies after the act's phases)? */
function doneBy(act: TransferAct, phase: TransferPhase): boolean {
  const order = TRANSFER_PHASES.indexOf(phase);
  return ALLOWED[act].every((p) => TRANSFER_PHASES.indexOf(p) < order) && act !== 'request-supervision';
}

/** Whether the administrative-penalty clock (penalty.decision-period) runs in this phase: not while with the police (E17 art 16). */
export function penaltyClockSuspendedIn(phase: TransferPhase): boolean {
  return [
    'sent', 'received', 'materials-requested', 'filed', 'items-handed-over', 'not-filed', 'reconsideration-requested',
    'upheld', 'supervision-requested', 'under-supervision',
  ].includes(phase);
}
