import { ErrorCodes } from '@casebridge/contracts';
import { assertAct, type ActRules } from '@casebridge/platform';

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

/** Where each act leads: in these phases, straight after the act, acting again is "twice" (ALREADY_DONE). */
const LEADS_TO: Record<TransferAct, readonly TransferPhase[]> = {
  'team-report': ['reported'],
  'head-decision': ['approved', 'refused'],
  send: ['sent'],
  'supplement-materials': ['received', 'sent'],
  'request-reconsideration': ['reconsideration-requested'],
  'request-supervision': ['supervision-requested'],
  'hand-over-items': ['items-handed-over'],
};

/** What the enforcement agency can do, or waits for, in each phase (said in every refusal). */
const NEXT: Partial<Record<TransferPhase, string>> = {
  suspected: 'the case team reports in writing (transfer.team-report)',
  reported: 'the head decides (transfer.head-decision)',
  approved: 'send the transfer to the police within 24 hours (transfer.handover)',
  'opinion-received': 'send the transfer, as the procuratorate told you to (transfer.after-procuratorate-opinion)',
  sent: 'wait for the police receipt (transfer.receipt)',
  received: 'wait for the police filing decision (transfer.filing-review); once it is overdue, ask for filing supervision',
  'materials-requested': 'supplement the missing materials (transfer.materials-supplement)',
  filed: 'hand over the seized items (transfer.items-handover)',
  'not-filed': 'request reconsideration (transfer.reconsideration-request) or ask the procuratorate for filing supervision',
  'reconsideration-requested': 'wait for the police reconsideration decision (transfer.reconsideration-decision)',
  upheld: 'ask the procuratorate for filing supervision (transfer.supervision-request)',
  'supervision-requested': 'wait for the procuratorate to open filing supervision (supervision.request-review)',
  'under-supervision': 'wait for the procuratorate and the police (filing supervision)',
};

export const TRANSFER_ACT_RULES: ActRules<TransferPhase, TransferAct> = {
  subject: 'transfer',
  codes: { alreadyDone: ErrorCodes.transferAlreadyDone, outOfOrder: ErrorCodes.transferOutOfOrder, closed: ErrorCodes.caseClosed },
  allowed: ALLOWED,
  leadsTo: LEADS_TO,
  closed: CLOSED_PHASES,
  text: {
    'team-report': 'submit the case team report',
    'head-decision': 'decide on the transfer',
    send: 'send the transfer to the police',
    'supplement-materials': 'supplement materials',
    'request-reconsideration': 'request reconsideration',
    'request-supervision': 'request filing supervision',
    'hand-over-items': 'hand over seized items',
  },
  next: NEXT,
};

/** Throws a DomainError an officer understands when the act does not fit the phase (libs/platform assertAct). */
export function assertAllowed(phase: TransferPhase, act: TransferAct, previousPhase?: TransferPhase | null): void {
  assertAct(TRANSFER_ACT_RULES, act, { phase, previousPhase });
}

/** Whether the administrative-penalty clock (penalty.decision-period) runs in this phase: not while with the police (E17 art 16). */
export function penaltyClockSuspendedIn(phase: TransferPhase): boolean {
  return [
    'sent', 'received', 'materials-requested', 'filed', 'items-handed-over', 'not-filed', 'reconsideration-requested',
    'upheld', 'supervision-requested', 'under-supervision',
  ].includes(phase);
}
