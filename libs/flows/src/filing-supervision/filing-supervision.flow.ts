/**
 * Filing supervision (立案监督), flows.md §2, as data: the phases of the supervising procuratorate's
 * record and of the police office's matter, the acts each may do in them (who, where they lead, which
 * event they emit) and the events the views fold. The single home of these names: the procuratorate's
 * guard and consumer, the police consumer and the audit projector read them here. Pure: no framework,
 * no I/O.
 *
 *   opened → explanation-required → explained → reasons-accepted (closed)
 *   opened | explanation-required | explained → notice-to-file → police-filed → chaser-issued
 *   notice-to-file → correction-issued (after supervision.police-file ran out) → police-filed
 */
import {
  ErrorCodes,
  type DeadlineMissedV2,
  type FilingSupervisionChaserIssuedV1,
  type FilingSupervisionCorrectionIssuedV1,
  type FilingSupervisionExplainedV1,
  type FilingSupervisionExplanationRequiredV1,
  type FilingSupervisionFilingNoticeIssuedV1,
  type FilingSupervisionOpenedV1,
  type FilingSupervisionReasonsAcceptedV1,
  type TransferFilingDecidedV1,
} from '@casebridge/contracts';
import { actRules, eventGuard, type ActSpec, type EventsOf, type FlowEvent } from '../kit';

// ---- the events of the flow ---------------------------------------------------------------------

/** Every event the filing-supervision views fold, by type (payloads: libs/contracts). */
export interface FilingSupervisionEventPayloads {
  'filing-supervision.opened': FilingSupervisionOpenedV1;
  'filing-supervision.explanation-required': FilingSupervisionExplanationRequiredV1;
  'filing-supervision.explained': FilingSupervisionExplainedV1;
  'filing-supervision.reasons-accepted': FilingSupervisionReasonsAcceptedV1;
  'filing-supervision.filing-notice-issued': FilingSupervisionFilingNoticeIssuedV1;
  'filing-supervision.correction-issued': FilingSupervisionCorrectionIssuedV1;
  'filing-supervision.chaser-issued': FilingSupervisionChaserIssuedV1;
  /** only a filing decision naming a supervision (payload.supervisionId) concerns it */
  'transfer.filing-decided': TransferFilingDecidedV1;
  /** only a miss of a supervision.* rule concerns it (subjectId = supervisionId) */
  'deadline.missed': DeadlineMissedV2;
}
export type FilingSupervisionEvent = EventsOf<FilingSupervisionEventPayloads>;
export type FilingSupervisionEventType = FilingSupervisionEvent['type'];

/** The types, listed once (a Record so that a type missing here does not compile). */
const TYPES: Record<FilingSupervisionEventType, true> = {
  'filing-supervision.opened': true,
  'filing-supervision.explanation-required': true,
  'filing-supervision.explained': true,
  'filing-supervision.reasons-accepted': true,
  'filing-supervision.filing-notice-issued': true,
  'filing-supervision.correction-issued': true,
  'filing-supervision.chaser-issued': true,
  'transfer.filing-decided': true,
  'deadline.missed': true,
};
export const FILING_SUPERVISION_EVENT_TYPES = Object.keys(TYPES) as FilingSupervisionEventType[];

/** Narrows an envelope (payload validated by the inbox) to a filing-supervision event. */
export const isFilingSupervisionEvent: (e: FlowEvent) => e is FilingSupervisionEvent =
  eventGuard<FilingSupervisionEvent>(FILING_SUPERVISION_EVENT_TYPES);

/** Deadline rules of filing supervision (deadlines.md); their subject is the supervision. */
export const FILING_SUPERVISION_RULES: readonly string[] = [
  'supervision.police-explain',
  'supervision.tell-agency',
  'supervision.police-file',
  'supervision.investigation-chaser',
];

/** The supervision an event is about, or null (a filing decision without supervisionId, a deadline of another flow). */
export function supervisionIdOf(e: FilingSupervisionEvent): string | null {
  if (e.type === 'deadline.missed')
    return FILING_SUPERVISION_RULES.includes(e.payload.ruleId) ? e.payload.subjectId : null;
  if (e.type === 'transfer.filing-decided') return e.payload.supervisionId ?? null;
  return e.payload.supervisionId;
}

// ---- the supervising procuratorate's record -----------------------------------------------------

export const FILING_SUPERVISION_PHASES = [
  'opened', // on request or of the procuratorate's own motion
  'explanation-required', // the police owe reasons for not filing (supervision.police-explain, 7 days)
  'explained', // the police gave reasons; the procuratorate weighs them
  'notice-to-file', // 通知立案书 served; the police owe filing (supervision.police-file, 15 days)
  'correction-issued', // 纠正违法通知书 after supervision.police-file ran out, possibly escalated one level up
  'police-filed', // the police filed under supervision; the investigation is watched (supervision.investigation-chaser)
  'chaser-issued', // 催办函 sent: the investigation did not conclude in time
  'reasons-accepted', // closed: reasons valid, the agency was told (supervision.tell-agency)
] as const;
export type FilingSupervisionPhase = (typeof FILING_SUPERVISION_PHASES)[number];

export const CLOSED_SUPERVISION_PHASES: readonly FilingSupervisionPhase[] = ['reasons-accepted'];

/** Phases from which a filing by the police (of their own accord or on the notice) leads to police-filed. */
export const POLICE_MAY_FILE_IN: readonly FilingSupervisionPhase[] = [
  'opened',
  'explanation-required',
  'explained',
  'notice-to-file',
  'correction-issued',
];

/** Acts of the procuratorate on an open supervision. */
export type SupervisionAct =
  'require-explanation' | 'accept-reasons' | 'issue-filing-notice' | 'issue-correction' | 'issue-chaser';

const OFFICER = ['officer', 'head'] as const;

export const PROCURATORATE_SUPERVISION_ACTS: Readonly<Record<SupervisionAct, ActSpec<FilingSupervisionPhase>>> = {
  'require-explanation': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['opened'], // supervision.police-explain (JR art 559)
    leadsTo: ['explanation-required'],
    emits: 'filing-supervision.explanation-required',
    text: 'require the police to explain',
  },
  'accept-reasons': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['explained'], // supervision.tell-agency (JR art 561)
    leadsTo: ['reasons-accepted'],
    emits: 'filing-supervision.reasons-accepted',
    text: 'accept the police reasons',
  },
  // after opening or after the police explained; in explanation-required only once supervision.police-explain
  // ran out without reasons (JR arts 559–563; the procuratorate's assertFilingNoticeInOrder)
  'issue-filing-notice': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['opened', 'explanation-required', 'explained'], // supervision.police-file (JR art 563)
    leadsTo: ['notice-to-file'],
    emits: 'filing-supervision.filing-notice-issued',
    text: 'notify the police to file',
  },
  // after supervision.police-file ran out (JR art 564); before that only a head (checked in the command)
  'issue-correction': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['notice-to-file'],
    leadsTo: ['correction-issued'],
    emits: 'filing-supervision.correction-issued',
    text: 'issue a correction notice',
  },
  'issue-chaser': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['police-filed'], // supervision.investigation-chaser (JR art 564)
    leadsTo: ['chaser-issued'],
    emits: 'filing-supervision.chaser-issued',
    text: 'issue a chaser',
  },
};

/** Stable error codes of filing supervision (the ones not in @casebridge/contracts ErrorCodes). */
export const SupervisionErrorCodes = {
  notFound: ErrorCodes.supervisionNotFound,
  outOfOrder: ErrorCodes.supervisionOutOfOrder,
  closed: ErrorCodes.caseClosed,
  alreadyDone: ErrorCodes.supervisionAlreadyDone,
  alreadyOpen: 'SUPERVISION.ALREADY_OPEN',
  policeAlreadyFiled: 'SUPERVISION.POLICE_ALREADY_FILED',
  policeFileNotOverdue: 'SUPERVISION.POLICE_FILE_NOT_OVERDUE',
  notOneLevelUp: 'SUPERVISION.ESCALATION_NOT_ONE_LEVEL_UP',
  noticeNumberTaken: 'SUPERVISION.NOTICE_NUMBER_TAKEN',
} as const;

const SUPERVISION_CODES = {
  alreadyDone: SupervisionErrorCodes.alreadyDone,
  outOfOrder: SupervisionErrorCodes.outOfOrder,
  closed: SupervisionErrorCodes.closed,
};

/** Guard rules of the procuratorate's acts (libs/platform assertAct). */
export const SUPERVISION_ACT_RULES = actRules(PROCURATORATE_SUPERVISION_ACTS, {
  subject: 'supervision',
  codes: SUPERVISION_CODES,
  closed: CLOSED_SUPERVISION_PHASES,
  next: {
    opened: 'require the police to explain (supervision.police-explain) or notify them to file',
    'explanation-required':
      'wait for the police reasons (supervision.police-explain, 7 days); once that period ran out you may notify them to file',
    explained: 'accept the reasons (supervision.tell-agency) or notify the police to file (supervision.police-file)',
    'notice-to-file':
      'wait for the police to file (supervision.police-file, 15 days); once it ran out, issue a correction notice',
    'correction-issued': 'wait for the police to file; escalate one level up if they do not',
    'police-filed':
      'watch the investigation; a chaser is due 3 months after the filing (supervision.investigation-chaser)',
  },
});

// ---- the police office's matter -----------------------------------------------------------------

export const POLICE_MATTER_PHASES = [
  'opened', // the procuratorate opened supervision of one of our transfers
  'explanation-required', // we owe reasons for not filing (supervision.police-explain, 7 days)
  'explained', // reasons given; the procuratorate weighs them
  'notice-to-file', // we owe filing (supervision.police-file, 15 days)
  'filed', // filed after the notice (transfer.filing-decided with the supervisionId)
  'closed', // the procuratorate accepted the reasons
] as const;
export type PoliceMatterPhase = (typeof POLICE_MATTER_PHASES)[number];

export const CLOSED_MATTER_PHASES: readonly PoliceMatterPhase[] = ['closed'];

export type PoliceMatterAct = 'explain';

export const POLICE_MATTER_ACTS: Readonly<Record<PoliceMatterAct, ActSpec<PoliceMatterPhase>>> = {
  explain: {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['explanation-required'],
    leadsTo: ['explained'],
    emits: 'filing-supervision.explained',
    text: 'explain the non-filing',
  },
};

/** Guard rules of the police's act on a supervision matter (libs/platform assertAct). */
export const MATTER_ACT_RULES = actRules(POLICE_MATTER_ACTS, {
  subject: 'supervision',
  codes: SUPERVISION_CODES,
  closed: CLOSED_MATTER_PHASES,
  next: {
    opened: 'wait: the procuratorate may require reasons (supervision.police-explain)',
    explained: 'wait: the procuratorate is weighing your reasons',
    'notice-to-file':
      'file within 15 days (supervision.police-file): POST /transfers/:id/decision with outcome "filed" and this supervisionId',
  },
});
