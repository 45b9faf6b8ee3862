/**
 * Ecological damage compensation consultation (生态环境损害赔偿磋商), flows.md §6, as data: the phases of the
 * claimant agency's view of one compensation case, its acts (who, where they lead, what they emit) and the
 * events the view folds. Rule id: edc.consultation (90 days, at most 3 meetings; unverified). The court's part
 * (edc.confirmation-announcement, the suit) follows edc.confirmation-applied / edc.suit-filed. Pure.
 */
import {
  ErrorCodes,
  type DeadlineMissedV2,
  type EdcConfirmationAppliedV1,
  type EdcConsultationAgreedV1,
  type EdcConsultationFailedV1,
  type EdcConsultationOpenedV1,
  type EdcMeetingHeldV1,
  type EdcSuitFiledV1,
} from '@casebridge/contracts';
import { actRules, eventGuard, type ActSpec, type EventsOf, type FlowEvent } from '../kit';

export const EDC_RULES_IDS = { consultation: 'edc.consultation' } as const;

/** At most 3 consultation meetings (edc.consultation maxRounds; 生态环境损害赔偿管理规定 2022, unverified). */
export const MAX_CONSULTATION_MEETINGS = 3;

export interface EdcEventPayloads {
  'edc.consultation-opened': EdcConsultationOpenedV1;
  'edc.meeting-held': EdcMeetingHeldV1;
  'edc.consultation-agreed': EdcConsultationAgreedV1;
  'edc.consultation-failed': EdcConsultationFailedV1;
  'edc.confirmation-applied': EdcConfirmationAppliedV1;
  'edc.suit-filed': EdcSuitFiledV1;
  /** only `edc.consultation` missed concerns the view (subjectId = edcCaseId) */
  'deadline.missed': DeadlineMissedV2;
}
export type EdcEvent = EventsOf<EdcEventPayloads>;
export type EdcEventType = EdcEvent['type'];

const TYPES: Record<EdcEventType, true> = {
  'edc.consultation-opened': true,
  'edc.meeting-held': true,
  'edc.consultation-agreed': true,
  'edc.consultation-failed': true,
  'edc.confirmation-applied': true,
  'edc.suit-filed': true,
  'deadline.missed': true,
};
export const EDC_EVENT_TYPES = Object.keys(TYPES) as EdcEventType[];

export const isEdcEvent: (e: FlowEvent) => e is EdcEvent = eventGuard<EdcEvent>(EDC_EVENT_TYPES);

/** The compensation case an event is about, or null for a deadline of another rule. */
export function edcCaseIdOf(e: EdcEvent): string | null {
  if (e.type === 'deadline.missed') return e.payload.ruleId === EDC_RULES_IDS.consultation ? e.payload.subjectId : null;
  return e.payload.edcCaseId;
}

export const CLAIMANT_EDC_PHASES = [
  'consulting', // notice served: edc.consultation running (meetings 1–3)
  'agreed', // agreement signed: apply for judicial confirmation
  'failed', // no agreement: sue for compensation
  'confirmation-applied', // closed here: with the court (edc.confirmation-announcement)
  'sued', // closed here: with the court
] as const;
export type ClaimantEdcPhase = (typeof CLAIMANT_EDC_PHASES)[number];
export const CLAIMANT_EDC_CLOSED: readonly ClaimantEdcPhase[] = ['confirmation-applied', 'sued'];

export type ClaimantEdcAct = 'hold-meeting' | 'record-agreement' | 'record-failure' | 'apply-confirmation' | 'sue';

const OFFICER = ['officer', 'head'] as const;

export const CLAIMANT_EDC_ACTS: Readonly<Record<ClaimantEdcAct, ActSpec<ClaimantEdcPhase>>> = {
  // a 4th meeting is refused by the command (EDC.MEETING_LIMIT), not by the phase
  'hold-meeting': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['consulting'],
    leadsTo: [],
    emits: 'edc.meeting-held',
    text: 'record a consultation meeting',
  },
  'record-agreement': {
    by: 'enforcement',
    roles: ['head'],
    allowedIn: ['consulting'],
    leadsTo: ['agreed'],
    emits: 'edc.consultation-agreed',
    text: 'record the compensation agreement',
  },
  'record-failure': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['consulting'],
    leadsTo: ['failed'],
    emits: 'edc.consultation-failed',
    text: 'record that the consultation failed',
  },
  'apply-confirmation': {
    by: 'enforcement',
    roles: OFFICER,
    allowedIn: ['agreed'],
    leadsTo: ['confirmation-applied'],
    emits: 'edc.confirmation-applied',
    text: 'apply for judicial confirmation',
  },
  sue: {
    by: 'enforcement',
    roles: ['head'],
    allowedIn: ['failed'],
    leadsTo: ['sued'],
    emits: 'edc.suit-filed',
    text: 'sue for damage compensation',
  },
};

export const CLAIMANT_EDC_ACT_RULES = actRules(CLAIMANT_EDC_ACTS, {
  subject: 'compensation case',
  codes: {
    alreadyDone: ErrorCodes.edcAlreadyDone,
    outOfOrder: ErrorCodes.edcOutOfOrder,
    closed: ErrorCodes.caseClosed,
  },
  closed: CLAIMANT_EDC_CLOSED,
  next: {
    consulting:
      'consult the liable party (edc.consultation: at most 3 meetings), then record the agreement or the failure',
    agreed: 'apply to the court for judicial confirmation of the agreement',
    failed: 'sue the liable party for damage compensation',
  },
});

export const edcFlow = {
  name: 'edc',
  eventTypes: EDC_EVENT_TYPES,
  isEvent: isEdcEvent,
  subjectOf: edcCaseIdOf,
  claimant: {
    phases: CLAIMANT_EDC_PHASES,
    closed: CLAIMANT_EDC_CLOSED,
    acts: CLAIMANT_EDC_ACTS,
    rules: CLAIMANT_EDC_ACT_RULES,
  },
} as const;
