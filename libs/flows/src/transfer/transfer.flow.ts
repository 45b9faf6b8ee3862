/**
 * The case transfer (案件移送), flows.md §1, as data: the phases of each agency's view of one transfer,
 * the acts each agency may do in them (who, where they lead, which event they emit) and the events the
 * views fold. The single home of these names: the apps' guards and consumers, the audit projector and
 * (by phase names, later) the workflow read them here. Pure: no framework, no I/O.
 */
import {
  ErrorCodes,
  type DeadlineMissedV2,
  type FilingSupervisionOpenedV1,
  type FilingSupervisionReasonsAcceptedV1,
  type FilingSupervisionRequestedV1,
  type TransferCrimeSuspectedV1,
  type TransferFilingDecidedV1,
  type TransferForwardedV1,
  type TransferHeadDecidedV1,
  type TransferItemsHandedOverV1,
  type TransferMaterialsRequestedV1,
  type TransferMaterialsSupplementedV1,
  type TransferProcuratorateOpinionV1,
  type TransferReceiptSignedV1,
  type TransferReconsiderationDecidedV1,
  type TransferReconsiderationRequestedV1,
  type TransferReviewExtendedV1,
  type TransferSentV1,
  type TransferTeamReportedV1,
} from '@casebridge/contracts';
import { actRules, eventGuard, type ActSpec, type EventsOf, type FlowEvent } from '../kit';

// ---- the events of the flow ---------------------------------------------------------------------

/** Every event the transfer views fold, by type (payloads: libs/contracts). */
export interface TransferEventPayloads {
  'transfer.crime-suspected': TransferCrimeSuspectedV1;
  'transfer.procuratorate-opinion': TransferProcuratorateOpinionV1;
  'transfer.team-reported': TransferTeamReportedV1;
  'transfer.head-decided': TransferHeadDecidedV1;
  'transfer.sent': TransferSentV1;
  'transfer.materials-supplemented': TransferMaterialsSupplementedV1;
  'transfer.reconsideration-requested': TransferReconsiderationRequestedV1;
  'transfer.items-handed-over': TransferItemsHandedOverV1;
  'transfer.receipt-signed': TransferReceiptSignedV1;
  'transfer.forwarded': TransferForwardedV1;
  'transfer.materials-requested': TransferMaterialsRequestedV1;
  'transfer.review-extended': TransferReviewExtendedV1;
  'transfer.filing-decided': TransferFilingDecidedV1;
  'transfer.reconsideration-decided': TransferReconsiderationDecidedV1;
  'filing-supervision.requested': FilingSupervisionRequestedV1;
  'filing-supervision.opened': FilingSupervisionOpenedV1;
  'filing-supervision.reasons-accepted': FilingSupervisionReasonsAcceptedV1;
  /** only `transfer.filing-review` missed concerns the transfer (subjectId = transferId) */
  'deadline.missed': DeadlineMissedV2;
}
export type TransferEvent = EventsOf<TransferEventPayloads>;
export type TransferEventType = TransferEvent['type'];

/** The types, listed once (a Record so that a type missing here does not compile). */
const TYPES: Record<TransferEventType, true> = {
  'transfer.crime-suspected': true,
  'transfer.procuratorate-opinion': true,
  'transfer.team-reported': true,
  'transfer.head-decided': true,
  'transfer.sent': true,
  'transfer.materials-supplemented': true,
  'transfer.reconsideration-requested': true,
  'transfer.items-handed-over': true,
  'transfer.receipt-signed': true,
  'transfer.forwarded': true,
  'transfer.materials-requested': true,
  'transfer.review-extended': true,
  'transfer.filing-decided': true,
  'transfer.reconsideration-decided': true,
  'filing-supervision.requested': true,
  'filing-supervision.opened': true,
  'filing-supervision.reasons-accepted': true,
  'deadline.missed': true,
};
export const TRANSFER_EVENT_TYPES = Object.keys(TYPES) as TransferEventType[];

/** Narrows an envelope (payload validated by the inbox) to a transfer event. */
export const isTransferEvent: (e: FlowEvent) => e is TransferEvent = eventGuard<TransferEvent>(TRANSFER_EVENT_TYPES);

/** The transfer an event is about (a deadline's subject), or null for a deadline of another step. */
export function transferIdOf(e: TransferEvent): string | null {
  if (e.type === 'deadline.missed') return e.payload.ruleId === 'transfer.filing-review' ? e.payload.subjectId : null;
  return e.payload.transferId;
}

// ---- the enforcement agency's view --------------------------------------------------------------

export const ENFORCEMENT_TRANSFER_PHASES = [
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
export type EnforcementTransferPhase = (typeof ENFORCEMENT_TRANSFER_PHASES)[number];

export const ENFORCEMENT_CLOSED_PHASES: readonly EnforcementTransferPhase[] = [
  'refused',
  'items-handed-over',
  'non-filing-final',
  'returned-for-penalty',
  'returned-not-competent',
];

/** Phases in which the procuratorate's opening of filing supervision puts the transfer under supervision. */
export const SUPERVISABLE_PHASES: readonly EnforcementTransferPhase[] = [
  'supervision-requested',
  'not-filed',
  'upheld',
  'received',
];

/** Whether the administrative-penalty clock (penalty.decision-period) is suspended: not while with the police (E17 art 16). */
export function penaltyClockSuspendedIn(phase: EnforcementTransferPhase): boolean {
  return (PENALTY_SUSPENDED as readonly string[]).includes(phase);
}
const PENALTY_SUSPENDED: readonly EnforcementTransferPhase[] = [
  'sent',
  'received',
  'materials-requested',
  'filed',
  'items-handed-over',
  'not-filed',
  'reconsideration-requested',
  'upheld',
  'supervision-requested',
  'under-supervision',
];

export type EnforcementTransferAct =
  | 'team-report'
  | 'head-decision'
  | 'send'
  | 'supplement-materials'
  | 'request-reconsideration'
  | 'request-supervision'
  | 'hand-over-items';

const OFFICER = ['officer', 'head'] as const;

export const ENFORCEMENT_ACTS: Readonly<Record<EnforcementTransferAct, ActSpec<EnforcementTransferPhase>>> = {
  'team-report': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['suspected'],
    leadsTo: ['reported'],
    emits: 'transfer.team-reported',
    text: 'submit the case team report',
  },
  'head-decision': {
    by: 'enforcement',
    roles: ['head'],
    allowedIn: ['reported'],
    leadsTo: ['approved', 'refused'],
    emits: 'transfer.head-decided',
    text: 'decide on the transfer',
  },
  send: {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['approved', 'opinion-received'],
    leadsTo: ['sent'],
    emits: 'transfer.sent',
    text: 'send the transfer to the police',
  },
  'supplement-materials': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['materials-requested'],
    leadsTo: ['received', 'sent'],
    emits: 'transfer.materials-supplemented',
    text: 'supplement materials',
  },
  'request-reconsideration': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['not-filed'],
    leadsTo: ['reconsideration-requested'],
    emits: 'transfer.reconsideration-requested',
    text: 'request reconsideration',
  },
  // after non-filing, after an upheld refusal, or when the police let the review run out (E17 art 12)
  'request-supervision': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['not-filed', 'upheld', 'received', 'materials-requested'],
    leadsTo: ['supervision-requested'],
    emits: 'filing-supervision.requested',
    text: 'request filing supervision',
  },
  'hand-over-items': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['filed'],
    leadsTo: ['items-handed-over'],
    emits: 'transfer.items-handed-over',
    text: 'hand over seized items',
  },
};

/** Guard rules of the enforcement acts (libs/platform assertAct). */
export const ENFORCEMENT_ACT_RULES = actRules(ENFORCEMENT_ACTS, {
  subject: 'transfer',
  codes: {
    alreadyDone: ErrorCodes.transferAlreadyDone,
    outOfOrder: ErrorCodes.transferOutOfOrder,
    closed: ErrorCodes.caseClosed,
    notAllowed: ErrorCodes.actNotAllowed,
  },
  closed: ENFORCEMENT_CLOSED_PHASES,
  next: {
    suspected: 'the case team reports in writing (transfer.team-report)',
    reported: 'the head decides (transfer.head-decision)',
    approved: 'send the transfer to the police within 24 hours (transfer.handover)',
    'opinion-received': 'send the transfer, as the procuratorate told you to (transfer.after-procuratorate-opinion)',
    sent: 'wait for the police receipt (transfer.receipt)',
    received:
      'wait for the police filing decision (transfer.filing-review); once it is overdue, ask for filing supervision',
    'materials-requested': 'supplement the missing materials (transfer.materials-supplement)',
    filed: 'hand over the seized items (transfer.items-handover)',
    'not-filed':
      'request reconsideration (transfer.reconsideration-request) or ask the procuratorate for filing supervision',
    'reconsideration-requested': 'wait for the police reconsideration decision (transfer.reconsideration-decision)',
    upheld: 'ask the procuratorate for filing supervision (transfer.supervision-request)',
    'supervision-requested': 'wait for the procuratorate to open filing supervision (supervision.request-review)',
    'under-supervision': 'wait for the procuratorate and the police (filing supervision)',
  },
});

// ---- the police view (one row per office the transfer was sent or forwarded to) -----------------

export const POLICE_TRANSFER_PHASES = [
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
export type PoliceTransferPhase = (typeof POLICE_TRANSFER_PHASES)[number];

export const POLICE_CLOSED_PHASES: readonly PoliceTransferPhase[] = [
  'forwarded',
  'returned',
  'filed',
  'returned-for-penalty',
];

export type PoliceTransferAct =
  | 'sign-receipt'
  | 'forward'
  | 'request-materials'
  | 'extend-review'
  | 'decide-filing'
  | 'decide-reconsideration'
  | 'file-after-notice';

export const POLICE_ACTS: Readonly<Record<PoliceTransferAct, ActSpec<PoliceTransferPhase>>> = {
  'sign-receipt': {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['awaiting-receipt'],
    leadsTo: ['received'],
    emits: 'transfer.receipt-signed',
    text: 'sign the receipt',
  },
  forward: {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['awaiting-receipt', 'received'],
    leadsTo: ['forwarded', 'returned'],
    emits: 'transfer.forwarded',
    text: 'forward or return the case',
  },
  'request-materials': {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['received'],
    leadsTo: ['materials-requested'],
    emits: 'transfer.materials-requested',
    text: 'ask for missing materials',
  },
  // a 30-day (major-complex) extension needs a head: checked in the command, the act itself is an officer's
  'extend-review': {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['received', 'materials-requested'],
    leadsTo: [],
    emits: 'transfer.review-extended',
    text: 'extend the filing review',
  },
  // materials missing is no ground to refuse the case, but the police may decide anyway (GA art 180)
  'decide-filing': {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['received', 'materials-requested'],
    leadsTo: ['filed', 'not-filed', 'returned-for-penalty'],
    emits: 'transfer.filing-decided',
    text: 'decide on filing',
  },
  'decide-reconsideration': {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['reconsidering'],
    leadsTo: ['upheld', 'filed'],
    emits: 'transfer.reconsideration-decided',
    text: 'decide on the reconsideration',
  },
  'file-after-notice': {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['not-filed', 'upheld', 'reconsidering'],
    leadsTo: ['filed'],
    emits: 'transfer.filing-decided',
    text: 'file after the procuratorate’s notice',
  },
};

/** Guard rules of the police acts (libs/platform assertAct). */
export const POLICE_ACT_RULES = actRules(POLICE_ACTS, {
  subject: 'transfer',
  codes: {
    alreadyDone: ErrorCodes.transferAlreadyDone,
    outOfOrder: ErrorCodes.transferOutOfOrder,
    closed: ErrorCodes.caseClosed,
    notAllowed: ErrorCodes.actNotAllowed,
  },
  closed: POLICE_CLOSED_PHASES,
  next: {
    'awaiting-receipt': 'sign the receipt (transfer.receipt) or forward/return the case',
    received: 'decide on filing (transfer.filing-review), ask for missing materials, or extend the review',
    'materials-requested':
      'wait for the materials (transfer.materials-supplement) — the review goes on; you may still decide',
    'not-filed':
      'wait: enforcement may ask for reconsideration or for filing supervision; to file on a procuratorate notice, send its supervisionId with the decision',
    reconsidering: 'decide on the reconsideration (transfer.reconsideration-decision)',
    upheld: 'wait for the procuratorate; to file on its notice, send its supervisionId with the decision',
  },
});

// ---- the procuratorate's copy (transfer.copy-to-procuratorate, transfer.decision-notice) -----------

export const PROCURATORATE_COPY_PHASES = [
  'sent', // with the police, receipt owed (transfer.receipt)
  'received', // police signed the receipt; filing review running (transfer.filing-review)
  'materials-requested', // police asked for missing materials (transfer.materials-supplement owed by enforcement)
  'filed', // police filed (立案); enforcement owes the seized items (transfer.items-handover)
  'items-handed-over', // seized items handed over; criminal proceedings go on
  'not-filed', // police refused to file; enforcement may ask for reconsideration or supervision
  'reconsideration-requested', // police owe a reconsideration decision (transfer.reconsideration-decision)
  'upheld', // police upheld non-filing; enforcement may ask for supervision (transfer.supervision-request)
  'returned-for-penalty', // police found no crime, returned for an administrative penalty (transfer.return-for-penalty)
  'returned-not-competent', // police returned the case as outside their competence (transfer.forward-or-return)
] as const;
export type ProcuratorateCopyPhase = (typeof PROCURATORATE_COPY_PHASES)[number];

/** Phases in which the police have filed: nothing left for filing supervision. */
export const PROCURATORATE_FILED_PHASES: readonly ProcuratorateCopyPhase[] = ['filed', 'items-handed-over'];
