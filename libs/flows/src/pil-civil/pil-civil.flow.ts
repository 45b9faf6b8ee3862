/**
 * Civil public-interest litigation (民事公益诉讼, also criminal-incidental), flows.md §4 and §6, as data: the
 * phases of the procuratorate's view of one civil PIL case, its acts (who, where they lead, what they emit),
 * the eligibility rule of an organisation that comes forward (EPL art 58) and the events the view folds.
 * Rule ids: pil.civil-announcement, pil.civil-suit-decision. Pure: no framework, no I/O.
 */
import {
  ErrorCodes,
  type DeadlineMissedV2,
  type PilAnnouncementPublishedV1,
  type PilCaseOpenedV1,
  type PilClockChangedV1,
  type PilInvestigationRecordedV1,
  type PilOrganisationFacts,
  type PilOrganisationAssessedV1,
  type PilSuitFiledV1,
  type PilSuitSupportedV1,
} from '@casebridge/contracts';
import { actRules, eventGuard, type ActSpec, type EventsOf, type FlowEvent } from '../kit';

export const PIL_CIVIL_RULES = {
  announcement: 'pil.civil-announcement',
  suitDecision: 'pil.civil-suit-decision',
} as const;

// ---- who may sue instead of the procuratorate (EPL art 58; SPC Interpretation on environmental civil PIL art 2–5) ----

/** Minimum consecutive years of environmental public-interest work (EPL art 58(2)). */
export const MIN_PUBLIC_INTEREST_YEARS = 5;
const ELIGIBLE_LEVELS: readonly PilOrganisationFacts['registrationLevel'][] = ['city', 'province', 'national'];

/**
 * Why an organisation may not bring the civil PIL, one sentence per failed condition a case officer
 * understands; empty when it is eligible (EPL art 58: registered with a civil-affairs department at city level
 * or above, ≥ 5 consecutive years of environmental public-interest work, no violation record in those 5 years).
 */
export function organisationIneligibility(o: PilOrganisationFacts): string[] {
  const reasons: string[] = [];
  if (!ELIGIBLE_LEVELS.includes(o.registrationLevel))
    reasons.push(
      `it is registered with a ${o.registrationLevel}-level civil-affairs department; the law asks for city level or above (EPL art 58(1))`,
    );
  if (o.consecutiveYears < MIN_PUBLIC_INTEREST_YEARS)
    reasons.push(
      `it has ${o.consecutiveYears} consecutive year(s) of environmental public-interest work; the law asks for at least ${MIN_PUBLIC_INTEREST_YEARS} (EPL art 58(2))`,
    );
  if (o.violationRecord)
    reasons.push('it has a record of violating the law in the last 5 years; the law asks for none (EPL art 58(2))');
  return reasons;
}

// ---- the events of the flow ---------------------------------------------------------------------

export interface PilCivilEventPayloads {
  'pil.case-opened': PilCaseOpenedV1;
  'pil.investigation-recorded': PilInvestigationRecordedV1;
  'pil.announcement-published': PilAnnouncementPublishedV1;
  'pil.organisation-assessed': PilOrganisationAssessedV1;
  'pil.clock-changed': PilClockChangedV1;
  'pil.suit-supported': PilSuitSupportedV1;
  'pil.suit-filed': PilSuitFiledV1;
  /** only `pil.civil-announcement` running out concerns the view (subjectId = pilCaseId) */
  'deadline.missed': DeadlineMissedV2;
}
export type PilCivilEvent = EventsOf<PilCivilEventPayloads>;
export type PilCivilEventType = PilCivilEvent['type'];

const TYPES: Record<PilCivilEventType, true> = {
  'pil.case-opened': true,
  'pil.investigation-recorded': true,
  'pil.announcement-published': true,
  'pil.organisation-assessed': true,
  'pil.clock-changed': true,
  'pil.suit-supported': true,
  'pil.suit-filed': true,
  'deadline.missed': true,
};
export const PIL_CIVIL_EVENT_TYPES = Object.keys(TYPES) as PilCivilEventType[];

export const isPilCivilEvent: (e: FlowEvent) => e is PilCivilEvent = eventGuard<PilCivilEvent>(PIL_CIVIL_EVENT_TYPES);

/** The PIL case an event is about, or null for a deadline of another rule. */
export function pilCivilCaseIdOf(e: PilCivilEvent): string | null {
  if (e.type === 'deadline.missed')
    return e.payload.ruleId === PIL_CIVIL_RULES.announcement ? e.payload.subjectId : null;
  return e.payload.pilCaseId;
}

// ---- the procuratorate's view -------------------------------------------------------------------

export const PROCURATORATE_PIL_CIVIL_PHASES = [
  'opened', // the case is open; investigate, then announce
  'investigated', // findings on file
  'announced', // pil.civil-announcement running (30 days); organisations may come forward
  'organisation-forward', // an eligible organisation came forward: support its suit (or sue)
  'announcement-ended', // 30 days passed with no eligible organisation: pil.civil-suit-decision owed
  'supported', // closed: the procuratorate supports the organisation's suit
  'sued', // closed here: the suit is with the court
] as const;
export type ProcuratoratePilCivilPhase = (typeof PROCURATORATE_PIL_CIVIL_PHASES)[number];
export const PROCURATORATE_PIL_CIVIL_CLOSED: readonly ProcuratoratePilCivilPhase[] = ['supported', 'sued'];

export type ProcuratoratePilCivilAct =
  'record-investigation' | 'publish-announcement' | 'record-organisation' | 'support-suit' | 'sue';

const OFFICER = ['officer', 'head'] as const;

export const PROCURATORATE_PIL_CIVIL_ACTS: Readonly<
  Record<ProcuratoratePilCivilAct, ActSpec<ProcuratoratePilCivilPhase>>
> = {
  'record-investigation': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['opened', 'investigated'],
    leadsTo: ['investigated'],
    emits: 'pil.investigation-recorded',
    text: 'record the investigation',
  },
  'publish-announcement': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['opened', 'investigated'],
    leadsTo: ['announced'],
    emits: 'pil.announcement-published',
    text: 'publish the pre-suit announcement',
  },
  // an ineligible organisation leaves the case in `announced` (refused with reasons)
  'record-organisation': {
    by: 'procuratorate',
    roles: OFFICER,
    allowedIn: ['announced'],
    leadsTo: ['organisation-forward'],
    emits: 'pil.organisation-assessed',
    text: 'record an organisation that came forward',
  },
  'support-suit': {
    by: 'procuratorate',
    roles: ['head'],
    allowedIn: ['organisation-forward'],
    leadsTo: ['supported'],
    emits: 'pil.suit-supported',
    text: 'support the organisation’s suit',
  },
  sue: {
    by: 'procuratorate',
    roles: ['head'],
    allowedIn: ['announcement-ended', 'organisation-forward'],
    leadsTo: ['sued'],
    emits: 'pil.suit-filed',
    text: 'bring the civil public-interest suit',
  },
};

export const PROCURATORATE_PIL_CIVIL_ACT_RULES = actRules(PROCURATORATE_PIL_CIVIL_ACTS, {
  subject: 'public-interest case',
  codes: {
    alreadyDone: ErrorCodes.pilAlreadyDone,
    outOfOrder: ErrorCodes.pilOutOfOrder,
    closed: ErrorCodes.caseClosed,
  },
  closed: PROCURATORATE_PIL_CIVIL_CLOSED,
  next: {
    opened: 'record the investigation and publish the pre-suit announcement',
    investigated: 'publish the pre-suit announcement (pil.civil-announcement, 30 days)',
    announced:
      'wait 30 days for an eligible organisation (pil.civil-announcement); record any organisation that comes forward',
    'organisation-forward': 'support the eligible organisation’s suit, or sue (pil.civil-suit-decision)',
    'announcement-ended': 'nobody eligible came forward: decide whether to sue (pil.civil-suit-decision)',
  },
});

/** The civil PIL flow in one object. */
export const pilCivilFlow = {
  name: 'pil-civil',
  eventTypes: PIL_CIVIL_EVENT_TYPES,
  isEvent: isPilCivilEvent,
  subjectOf: pilCivilCaseIdOf,
  procuratorate: {
    phases: PROCURATORATE_PIL_CIVIL_PHASES,
    closed: PROCURATORATE_PIL_CIVIL_CLOSED,
    acts: PROCURATORATE_PIL_CIVIL_ACTS,
    rules: PROCURATORATE_PIL_CIVIL_ACT_RULES,
  },
} as const;
