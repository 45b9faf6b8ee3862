/**
 * Prosecution (审查起诉), flows.md §3, as data: the phases of each agency's view of one prosecution, the
 * acts each agency may do in them (who, where they lead, which event they emit) and the events the views
 * fold. Rule ids: deadlines.md "Prosecution" (prosecution.review, prosecution.supplementary-investigation,
 * prosecution.nonprosecution-notice). Pure: no framework, no I/O.
 */
import {
  ErrorCodes,
  type DeadlineMissedV2,
  type ProsecutionDecidedV1,
  type ProsecutionNonprosecutionNotifiedV1,
  type ProsecutionResubmittedV1,
  type ProsecutionReturnedForInvestigationV1,
  type ProsecutionReviewExtendedV1,
  type ProsecutionTransferredV2,
} from '@casebridge/contracts';
import { actRules, eventGuard, type ActSpec, type EventsOf, type FlowEvent } from '../kit';

/** Rule ids of the "Prosecution" table (deadlines.md). */
export const ProsecutionRules = {
  review: 'prosecution.review',
  supplementaryInvestigation: 'prosecution.supplementary-investigation',
  nonprosecutionNotice: 'prosecution.nonprosecution-notice',
} as const;

/** Rounds of supplementary investigation a case may be returned for (CPL art 175; rule maxRounds). */
export const MAX_SUPPLEMENTARY_ROUNDS = 2;

// ---- the events of the flow ---------------------------------------------------------------------

/** Every event the prosecution views fold, by type (payloads: libs/contracts, latest versions). */
export interface ProsecutionEventPayloads {
  'prosecution.transferred': ProsecutionTransferredV2;
  'prosecution.review-extended': ProsecutionReviewExtendedV1;
  'prosecution.returned-for-investigation': ProsecutionReturnedForInvestigationV1;
  'prosecution.resubmitted': ProsecutionResubmittedV1;
  'prosecution.decided': ProsecutionDecidedV1;
  'prosecution.nonprosecution-notified': ProsecutionNonprosecutionNotifiedV1;
  /** only `prosecution.review` missed concerns the views (subjectId = prosecutionId) */
  'deadline.missed': DeadlineMissedV2;
}
export type ProsecutionEvent = EventsOf<ProsecutionEventPayloads>;
export type ProsecutionEventType = ProsecutionEvent['type'];

/** The types, listed once (a Record so that a type missing here does not compile). */
const TYPES: Record<ProsecutionEventType, true> = {
  'prosecution.transferred': true,
  'prosecution.review-extended': true,
  'prosecution.returned-for-investigation': true,
  'prosecution.resubmitted': true,
  'prosecution.decided': true,
  'prosecution.nonprosecution-notified': true,
  'deadline.missed': true,
};
export const PROSECUTION_EVENT_TYPES = Object.keys(TYPES) as ProsecutionEventType[];

/** Narrows an envelope (payload validated and upcast by the inbox) to a prosecution event. */
export const isProsecutionEvent: (e: FlowEvent) => e is ProsecutionEvent =
  eventGuard<ProsecutionEvent>(PROSECUTION_EVENT_TYPES);

/** The prosecution an event is about, or null for a deadline of another rule. */
export function prosecutionIdOf(e: ProsecutionEvent): string | null {
  if (e.type === 'deadline.missed') return e.payload.ruleId === ProsecutionRules.review ? e.payload.subjectId : null;
  return e.payload.prosecutionId;
}

// ---- phases ---------------------------------------------------------------------------------------

export const PROCURATORATE_PROSECUTION_PHASES = [
  'under-review', // prosecution.review running
  'returned', // with the police for supplementary investigation (prosecution.supplementary-investigation)
  'indicted', // closed: indicted, the court named
  'not-prosecuted', // enforcement to be notified (prosecution.nonprosecution-notice)
  'enforcement-notified', // closed: enforcement told, with any 检察意见
] as const;
export type ProcuratorateProsecutionPhase = (typeof PROCURATORATE_PROSECUTION_PHASES)[number];
export const PROCURATORATE_CLOSED_PHASES: readonly ProcuratorateProsecutionPhase[] = [
  'indicted',
  'enforcement-notified',
];

export const POLICE_PROSECUTION_PHASES = [
  'under-review', // the procuratorate reviews (prosecution.review)
  'returned', // we owe the supplementary investigation (prosecution.supplementary-investigation)
  'indicted', // closed
  'not-prosecuted', // closed
] as const;
export type PoliceProsecutionPhase = (typeof POLICE_PROSECUTION_PHASES)[number];
export const POLICE_PROSECUTION_CLOSED_PHASES: readonly PoliceProsecutionPhase[] = ['indicted', 'not-prosecuted'];

/** The enforcement agency's notice of a non-prosecution (opened by prosecution.nonprosecution-notified). */
export const ENFORCEMENT_NOTICE_PHASES = ['notified'] as const;
export type EnforcementNoticePhase = (typeof ENFORCEMENT_NOTICE_PHASES)[number];

// ---- acts -----------------------------------------------------------------------------------------

const OFFICER = ['officer', 'head'] as const;

export type PoliceProsecutionAct = 'resubmit';

/** The transfer for prosecution itself opens the views (it is the police's act on a filed transfer). */
export const POLICE_PROSECUTION_ACTS: Readonly<Record<PoliceProsecutionAct, ActSpec<PoliceProsecutionPhase>>> = {
  resubmit: {
    by: 'police',
    roles: OFFICER,
    allowedIn: ['returned'],
    leadsTo: ['under-review'],
    emits: 'prosecution.resubmitted',
    text: 're-submit the case after supplementary investigation',
  },
};

export const POLICE_PROSECUTION_ACT_RULES = actRules(POLICE_PROSECUTION_ACTS, {
  subject: 'prosecution',
  codes: {
    alreadyDone: ErrorCodes.prosecutionAlreadyDone,
    outOfOrder: ErrorCodes.prosecutionOutOfOrder,
    closed: ErrorCodes.caseClosed,
  },
  closed: POLICE_PROSECUTION_CLOSED_PHASES,
  next: {
    'under-review': 'wait for the procuratorate’s review (prosecution.review)',
    returned: 'complete the supplementary investigation and re-submit (prosecution.supplementary-investigation)',
  },
});

export type ProcuratorateProsecutionAct = 'extend-review' | 'return' | 'decide' | 'notify-enforcement';

export const PROCURATORATE_PROSECUTION_ACTS: Readonly<
  Record<ProcuratorateProsecutionAct, ActSpec<ProcuratorateProsecutionPhase>>
> = {
  // major or complex: +15 days, reason recorded (CPL art 172)
  'extend-review': {
    by: 'procuratorate',
    roles: ['head'],
    allowedIn: ['under-review'],
    leadsTo: [],
    emits: 'prosecution.review-extended',
    text: 'extend the review',
  },
  // at most 2 rounds (CPL art 175): the third is refused in the command (PROSECUTION.SUPPLEMENTARY_ROUNDS_EXHAUSTED)
  return: {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['under-review'],
    leadsTo: ['returned'],
    emits: 'prosecution.returned-for-investigation',
    text: 'return the case for supplementary investigation',
  },
  decide: {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['under-review'],
    leadsTo: ['indicted', 'not-prosecuted'],
    emits: 'prosecution.decided',
    text: 'decide on prosecution',
  },
  'notify-enforcement': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['not-prosecuted'],
    leadsTo: ['enforcement-notified'],
    emits: 'prosecution.nonprosecution-notified',
    text: 'notify the enforcement agency',
  },
};

export const PROCURATORATE_PROSECUTION_ACT_RULES = actRules(PROCURATORATE_PROSECUTION_ACTS, {
  subject: 'prosecution',
  codes: {
    alreadyDone: ErrorCodes.prosecutionAlreadyDone,
    outOfOrder: ErrorCodes.prosecutionOutOfOrder,
    closed: ErrorCodes.caseClosed,
  },
  closed: PROCURATORATE_CLOSED_PHASES,
  next: {
    'under-review':
      'indict or decide not to prosecute (prosecution.review), return for supplementary investigation, or extend the review',
    returned: 'wait for the police to re-submit (prosecution.supplementary-investigation)',
    'not-prosecuted': 'notify the enforcement agency within 3 days (prosecution.nonprosecution-notice)',
  },
});

/** The prosecution flow in one object, for readers that take any flow. */
export const prosecutionFlow = {
  name: 'prosecution',
  eventTypes: PROSECUTION_EVENT_TYPES,
  isEvent: isProsecutionEvent,
  subjectOf: prosecutionIdOf,
  police: {
    phases: POLICE_PROSECUTION_PHASES,
    closed: POLICE_PROSECUTION_CLOSED_PHASES,
    acts: POLICE_PROSECUTION_ACTS,
    rules: POLICE_PROSECUTION_ACT_RULES,
  },
  procuratorate: {
    phases: PROCURATORATE_PROSECUTION_PHASES,
    closed: PROCURATORATE_CLOSED_PHASES,
    acts: PROCURATORATE_PROSECUTION_ACTS,
    rules: PROCURATORATE_PROSECUTION_ACT_RULES,
  },
  enforcement: { phases: ENFORCEMENT_NOTICE_PHASES },
} as const;
