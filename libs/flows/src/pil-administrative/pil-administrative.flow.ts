/**
 * Administrative public-interest litigation (行政公益诉讼), flows.md §4, as data: the phases of the
 * procuratorate's and the respondent agency's view of one PIL case, the acts each may do in them (who, where
 * they lead, which event they emit) and the events the views fold. Rule ids: deadlines.md "Public-interest
 * litigation" (pil.recommendation-filing, pil.agency-reply, pil.admin-suit-decision). Pure: no framework, no I/O.
 */
import {
  ErrorCodes,
  type DeadlineMissedV2,
  type PilAgencyActionRecordedV1,
  type PilAgencyRepliedV1,
  type PilCaseOpenedV1,
  type PilClosingDecidedV1,
  type PilClosingDecisionServedV1,
  type PilInvestigationRecordedV1,
  type PilRecommendationFiledV1,
  type PilRecommendationServedV1,
  type PilSuitFiledV1,
} from '@casebridge/contracts';
import { actRules, eventGuard, type ActSpec, type EventsOf, type FlowEvent } from '../kit';

/** Rule ids of the administrative path (deadlines.md "Public-interest litigation"). */
export const PIL_ADMIN_RULES = {
  recommendationFiling: 'pil.recommendation-filing',
  agencyReply: 'pil.agency-reply',
  adminSuitDecision: 'pil.admin-suit-decision',
} as const;

// ---- the events of the flow ---------------------------------------------------------------------

/** Every event the administrative PIL views fold, by type (payloads: libs/contracts). */
export interface PilAdminEventPayloads {
  'pil.case-opened': PilCaseOpenedV1;
  'pil.investigation-recorded': PilInvestigationRecordedV1;
  'pil.recommendation-served': PilRecommendationServedV1;
  'pil.recommendation-filed': PilRecommendationFiledV1;
  'pil.agency-action-recorded': PilAgencyActionRecordedV1;
  'pil.agency-replied': PilAgencyRepliedV1;
  'pil.closing-decided': PilClosingDecidedV1;
  'pil.closing-decision-served': PilClosingDecisionServedV1;
  'pil.suit-filed': PilSuitFiledV1;
  /** only `pil.agency-reply` missed concerns the views (subjectId = pilCaseId) */
  'deadline.missed': DeadlineMissedV2;
}
export type PilAdminEvent = EventsOf<PilAdminEventPayloads>;
export type PilAdminEventType = PilAdminEvent['type'];

const TYPES: Record<PilAdminEventType, true> = {
  'pil.case-opened': true,
  'pil.investigation-recorded': true,
  'pil.recommendation-served': true,
  'pil.recommendation-filed': true,
  'pil.agency-action-recorded': true,
  'pil.agency-replied': true,
  'pil.closing-decided': true,
  'pil.closing-decision-served': true,
  'pil.suit-filed': true,
  'deadline.missed': true,
};
export const PIL_ADMIN_EVENT_TYPES = Object.keys(TYPES) as PilAdminEventType[];

/** Narrows an envelope (payload validated by the inbox) to an administrative PIL event. */
export const isPilAdminEvent: (e: FlowEvent) => e is PilAdminEvent = eventGuard<PilAdminEvent>(PIL_ADMIN_EVENT_TYPES);

/** The PIL case an event is about, or null for a deadline of another rule. */
export function pilAdminCaseIdOf(e: PilAdminEvent): string | null {
  if (e.type === 'deadline.missed')
    return e.payload.ruleId === PIL_ADMIN_RULES.agencyReply ? e.payload.subjectId : null;
  return e.payload.pilCaseId;
}

// ---- the procuratorate's view -------------------------------------------------------------------

export const PROCURATORATE_PIL_ADMIN_PHASES = [
  'opened', // the case is open; investigation owed
  'investigated', // findings on file; the recommendation may be issued
  'recommended', // served on the agency: pil.agency-reply running (and pil.recommendation-filing)
  'replied', // the agency replied: pil.admin-suit-decision owed
  'reply-overdue', // pil.agency-reply ran out without a reply: pil.admin-suit-decision owed
  'closing', // decided not to sue: the closing decision is owed to the agency within 7 days
  'closed', // closed: the closing decision was served
  'sued', // closed here: the suit is with the court
] as const;
export type ProcuratoratePilAdminPhase = (typeof PROCURATORATE_PIL_ADMIN_PHASES)[number];
export const PROCURATORATE_PIL_ADMIN_CLOSED: readonly ProcuratoratePilAdminPhase[] = ['closed', 'sued'];

export type ProcuratoratePilAdminAct =
  | 'record-investigation'
  | 'issue-recommendation'
  | 'file-recommendation'
  | 'decide-closing'
  | 'serve-closing-decision'
  | 'sue';

const OFFICER = ['officer', 'head'] as const;

export const PROCURATORATE_PIL_ADMIN_ACTS: Readonly<
  Record<ProcuratoratePilAdminAct, ActSpec<ProcuratoratePilAdminPhase>>
> = {
  'record-investigation': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['opened', 'investigated'],
    leadsTo: ['investigated'],
    emits: 'pil.investigation-recorded',
    text: 'record the investigation',
  },
  'issue-recommendation': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['investigated'],
    leadsTo: ['recommended'],
    emits: 'pil.recommendation-served',
    text: 'issue the pre-litigation recommendation',
  },
  // filing upward does not move the phase: `filedUpwardAt` of the view says it is done
  'file-recommendation': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['recommended', 'replied', 'reply-overdue'],
    leadsTo: [],
    emits: 'pil.recommendation-filed',
    text: 'file the recommendation with the next-level procuratorate',
  },
  'decide-closing': {
    by: 'procuratorate',
    roles: ['head'],
    allowedIn: ['replied', 'reply-overdue'],
    leadsTo: ['closing'],
    emits: 'pil.closing-decided',
    text: 'decide to close the case',
  },
  'serve-closing-decision': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['closing'],
    leadsTo: ['closed'],
    emits: 'pil.closing-decision-served',
    text: 'serve the closing decision on the agency',
  },
  sue: {
    by: 'procuratorate',
    roles: ['head'],
    allowedIn: ['replied', 'reply-overdue'],
    leadsTo: ['sued'],
    emits: 'pil.suit-filed',
    text: 'bring the administrative public-interest suit',
  },
};

export const PROCURATORATE_PIL_ADMIN_ACT_RULES = actRules(PROCURATORATE_PIL_ADMIN_ACTS, {
  subject: 'public-interest case',
  codes: {
    alreadyDone: ErrorCodes.pilAlreadyDone,
    outOfOrder: ErrorCodes.pilOutOfOrder,
    closed: ErrorCodes.caseClosed,
  },
  closed: PROCURATORATE_PIL_ADMIN_CLOSED,
  next: {
    opened: 'record the investigation of the agency’s failure to act',
    investigated: 'issue the pre-litigation recommendation (standard or urgent)',
    recommended:
      'file the recommendation upward (pil.recommendation-filing) and wait for the agency’s reply (pil.agency-reply)',
    replied: 'decide whether to sue (pil.admin-suit-decision): close the case or sue',
    'reply-overdue': 'the agency did not reply in time: decide whether to sue (pil.admin-suit-decision)',
    closing: 'serve the closing decision on the agency within 7 days (pil.admin-suit-decision, closing-notice)',
  },
});

// ---- the respondent agency's view (enforcement) -------------------------------------------------

export const AGENCY_PIL_PHASES = [
  'awaiting-reply', // the recommendation is with us: act and reply within pil.agency-reply
  'replied', // we replied; the procuratorate decides
  'closed', // closed: the procuratorate's closing decision reached us
  'sued', // closed here: the procuratorate sued us
] as const;
export type AgencyPilPhase = (typeof AGENCY_PIL_PHASES)[number];
export const AGENCY_PIL_CLOSED: readonly AgencyPilPhase[] = ['closed', 'sued'];

export type AgencyPilAct = 'record-action' | 'reply';

export const AGENCY_PIL_ACTS: Readonly<Record<AgencyPilAct, ActSpec<AgencyPilPhase>>> = {
  'record-action': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['awaiting-reply'],
    leadsTo: [],
    emits: 'pil.agency-action-recorded',
    text: 'record an action on the recommendation',
  },
  reply: {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['awaiting-reply'],
    leadsTo: ['replied'],
    emits: 'pil.agency-replied',
    text: 'reply to the recommendation',
  },
};

export const AGENCY_PIL_ACT_RULES = actRules(AGENCY_PIL_ACTS, {
  subject: 'procuratorial recommendation',
  codes: {
    alreadyDone: ErrorCodes.pilAlreadyDone,
    outOfOrder: ErrorCodes.pilOutOfOrder,
    closed: ErrorCodes.caseClosed,
  },
  closed: AGENCY_PIL_CLOSED,
  next: {
    'awaiting-reply': 'act on the recommendation and reply in writing (pil.agency-reply: 2 months, 15 days if urgent)',
    replied: 'wait for the procuratorate’s decision (pil.admin-suit-decision)',
  },
});

/** The administrative PIL flow in one object. */
export const pilAdministrativeFlow = {
  name: 'pil-administrative',
  eventTypes: PIL_ADMIN_EVENT_TYPES,
  isEvent: isPilAdminEvent,
  subjectOf: pilAdminCaseIdOf,
  procuratorate: {
    phases: PROCURATORATE_PIL_ADMIN_PHASES,
    closed: PROCURATORATE_PIL_ADMIN_CLOSED,
    acts: PROCURATORATE_PIL_ADMIN_ACTS,
    rules: PROCURATORATE_PIL_ADMIN_ACT_RULES,
  },
  agency: { phases: AGENCY_PIL_PHASES, closed: AGENCY_PIL_CLOSED, acts: AGENCY_PIL_ACTS, rules: AGENCY_PIL_ACT_RULES },
} as const;
