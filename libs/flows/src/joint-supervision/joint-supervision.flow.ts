/**
 * Joint supervision (联合督办) and joint meetings (联席会议), flows.md §5, as data: a supervisor lists a case,
 * names the participating agencies and a review interval (`joint-supervision`, set per case, E17 arts 29, 31);
 * each round every participant owes a progress report (one keyed step per agency per round); the supervisors'
 * joint meeting records minutes and decisions (each with an owner and a due date) and opens the next round.
 * The acts (who, where, what they emit) and one pure view. Pure.
 */
import type {
  JointDecisionDoneV1,
  JointProgressReportedV1,
  SupervisionJointListedV2,
  SupervisionJointMeetingRecordedV1,
} from '@casebridge/contracts';
import { eventGuard, unhandled, type EventsOf, type FlowEvent } from '../kit';

export interface JointSupervisionEventPayloads {
  'supervision.joint-listed': SupervisionJointListedV2;
  'joint-supervision.progress-reported': JointProgressReportedV1;
  'supervision.joint-meeting-recorded': SupervisionJointMeetingRecordedV1;
  'joint-supervision.decision-done': JointDecisionDoneV1;
}
export type JointSupervisionEvent = EventsOf<JointSupervisionEventPayloads>;
export type JointSupervisionEventType = JointSupervisionEvent['type'];

const TYPES: Record<JointSupervisionEventType, true> = {
  'supervision.joint-listed': true,
  'joint-supervision.progress-reported': true,
  'supervision.joint-meeting-recorded': true,
  'joint-supervision.decision-done': true,
};
export const JOINT_SUPERVISION_EVENT_TYPES = Object.keys(TYPES) as JointSupervisionEventType[];
export const isJointSupervisionEvent: (e: FlowEvent) => e is JointSupervisionEvent =
  eventGuard<JointSupervisionEvent>(JOINT_SUPERVISION_EVENT_TYPES);

/** The rule of the review interval (period set per case) and of each decision's own due date. */
export const JOINT_SUPERVISION_RULE = 'joint-supervision';

/** The step key of a decision (`decision:<decisionId>`) beside the participants' keys (their agency ids). */
export function decisionKey(decisionId: string): string {
  return `decision:${decisionId}`;
}

export type JointPeriod = { unit: 'days' | 'months'; amount: number };

/**
 * The review interval as a period: `P14D` → 14 days, `P2W` → 14 days, `P1M` → 1 month (the forms the
 * supervision console accepts); null for anything else.
 */
export function reviewPeriod(interval: string): JointPeriod | null {
  const m = /^P([1-9]\d{0,2})([DWM])$/.exec(interval);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === 'M') return { unit: 'months', amount: n };
  return { unit: 'days', amount: m[2] === 'W' ? n * 7 : n };
}

export const JointSupervisionErrors = {
  notFound: 'JOINT_SUPERVISION.NOT_FOUND',
  /** 409: a report for a round that is not the current one, or a second report of the round */
  roundNotOpen: 'JOINT_SUPERVISION.ROUND_NOT_OPEN',
  /** 404: a decision that is not the caller's */
  decisionNotFound: 'JOINT_SUPERVISION.DECISION_NOT_FOUND',
  alreadyDone: 'JOINT_SUPERVISION.ALREADY_DONE',
} as const;

export interface JointDecisionState {
  decisionId: string;
  round: number;
  text: string;
  ownerAgencyId: string;
  dueAt: string;
  doneAt: string | null;
  note: string | null;
}

export interface JointRoundState {
  round: number;
  openedAt: string;
  /** agency id → its progress report of the round (absent: not reported yet) */
  reports: Record<string, { at: string; progress: string }>;
  meeting: { at: string; minutes: string } | null;
}

/** A joint supervision as its participants and the supervisors see it. */
export interface JointSupervisionView {
  linkedCaseId: string | null;
  listedAt: string;
  reviewInterval: string;
  reason: string;
  participants: string[];
  /** the round whose reports are owed now (1-based) */
  round: number;
  rounds: JointRoundState[];
  decisions: JointDecisionState[];
}

export function jointParties(v: Pick<JointSupervisionView, 'participants' | 'decisions'>): string[] {
  return [...new Set([...v.participants, ...v.decisions.map((d) => d.ownerAgencyId)])];
}

/** The participants that have not reported in a round (the agencies behind). */
export function laggingIn(v: JointSupervisionView, round: number): string[] {
  const r = v.rounds.find((x) => x.round === round);
  return r ? v.participants.filter((a) => !r.reports[a]) : [];
}

/**
 * Folds one event (null before the listing). A report of a round other than the current one, a second
 * report, a meeting of another round and a decision done by anyone but its owner change nothing. Exhaustive.
 */
export function evolveJointSupervision(
  view: JointSupervisionView | null,
  e: JointSupervisionEvent,
  linkedCaseId: string | null = null,
): JointSupervisionView | null {
  switch (e.type) {
    case 'supervision.joint-listed':
      if (view) return view;
      return {
        linkedCaseId,
        listedAt: e.occurredAt,
        reviewInterval: e.payload.reviewInterval,
        reason: e.payload.reason,
        participants: [...new Set(e.payload.participants)],
        round: 1,
        rounds: [{ round: 1, openedAt: e.occurredAt, reports: {}, meeting: null }],
        decisions: [],
      };
    case 'joint-supervision.progress-reported': {
      const agency = e.producer.agencyId;
      if (!view || e.payload.round !== view.round || !view.participants.includes(agency)) return view;
      const current = view.rounds.find((r) => r.round === view.round)!;
      if (current.reports[agency]) return view;
      return replaceRound(view, {
        ...current,
        reports: { ...current.reports, [agency]: { at: e.occurredAt, progress: e.payload.progress } },
      });
    }
    case 'supervision.joint-meeting-recorded': {
      if (!view || e.payload.round !== view.round) return view;
      const current = view.rounds.find((r) => r.round === view.round)!;
      const held = replaceRound(view, { ...current, meeting: { at: e.occurredAt, minutes: e.payload.minutes } });
      const next = view.round + 1;
      return {
        ...held,
        round: next,
        rounds: [...held.rounds, { round: next, openedAt: e.occurredAt, reports: {}, meeting: null }],
        decisions: [
          ...view.decisions,
          ...e.payload.decisions.map((d) => ({ ...d, round: current.round, doneAt: null, note: null })),
        ],
      };
    }
    case 'joint-supervision.decision-done': {
      if (!view) return view;
      const d = view.decisions.find((x) => x.decisionId === e.payload.decisionId);
      if (!d || d.ownerAgencyId !== e.producer.agencyId || d.doneAt) return view;
      return {
        ...view,
        decisions: view.decisions.map((x) => (x === d ? { ...x, doneAt: e.occurredAt, note: e.payload.note } : x)),
      };
    }
    default:
      return unhandled(e);
  }
}

function replaceRound(view: JointSupervisionView, round: JointRoundState): JointSupervisionView {
  return { ...view, rounds: view.rounds.map((r) => (r.round === round.round ? round : r)) };
}
