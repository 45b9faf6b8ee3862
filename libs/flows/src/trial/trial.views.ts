/**
 * The trial as the side that brought the case sees it (the procuratorate of an indictment or a PIL suit; the
 * respondent agency of an administrative PIL): the court's own events (court.*, flows.md §3–4) folded into one small
 * view, `evolve(view, event) → view`. The court keeps the case file (apps/court); this is what the other agencies
 * learn of it, so that their views do not stop at "indicted" / "sued". The later act wins (kit moveTo); facts that
 * only accumulate (notices, reports) are recorded whatever the order. Pure: no framework, no I/O, no clock.
 */
import type {
  CourtAgencyNotifiedV1,
  CourtCaseDocketedV1,
  CourtCaseNotAcceptedV1,
  CourtCaseReceivedV1,
  CourtCaseSource,
  CourtComplaintServedV1,
  CourtHearingScheduledV1,
  CourtJudgmentRenderedV2,
  CourtRestorationReportedV1,
  CourtRestorationVerifiedV1,
  CourtSettlementApprovedV1,
  CourtTrack,
} from '@casebridge/contracts';
import { eventGuard, moveTo, unhandled, type EventsOf, type FlowEvent, type Phased } from '../kit';

/** Every court event the trial view folds, by type (payloads: libs/contracts). */
export interface TrialEventPayloads {
  'court.case-received': CourtCaseReceivedV1;
  'court.case-docketed': CourtCaseDocketedV1;
  'court.case-not-accepted': CourtCaseNotAcceptedV1;
  'court.complaint-served': CourtComplaintServedV1;
  'court.agency-notified': CourtAgencyNotifiedV1;
  'court.hearing-scheduled': CourtHearingScheduledV1;
  'court.judgment-rendered': CourtJudgmentRenderedV2;
  'court.settlement-approved': CourtSettlementApprovedV1;
  'court.restoration-reported': CourtRestorationReportedV1;
  'court.restoration-verified': CourtRestorationVerifiedV1;
}
export type TrialEvent = EventsOf<TrialEventPayloads>;
export type TrialEventType = TrialEvent['type'];

const TYPES: Record<TrialEventType, true> = {
  'court.case-received': true,
  'court.case-docketed': true,
  'court.case-not-accepted': true,
  'court.complaint-served': true,
  'court.agency-notified': true,
  'court.hearing-scheduled': true,
  'court.judgment-rendered': true,
  'court.settlement-approved': true,
  'court.restoration-reported': true,
  'court.restoration-verified': true,
};
export const TRIAL_EVENT_TYPES = Object.keys(TYPES) as TrialEventType[];

/** Narrows an envelope (payload validated and upcast by the inbox) to a court event the trial view folds. */
export const isTrialEvent: (e: FlowEvent) => e is TrialEvent = eventGuard<TrialEvent>(TRIAL_EVENT_TYPES);

export const TRIAL_PHASES = [
  'received', // before the court: court.docket running
  'not-accepted', // the court ruled not to accept it (不予受理)
  'docketed', // docketed: the trial period runs
  'hearing-scheduled', // a hearing is set (court.hearing-notice)
  'judged', // judgment rendered (a restoration order, if any, is tracked below)
  'settled', // a PIL settlement approved after its announcement
] as const;
export type TrialPhase = (typeof TRIAL_PHASES)[number];

/** What the side that brought the case knows of its trial. */
export interface TrialView extends Phased<TrialPhase> {
  courtCaseId: string;
  /** the court that holds the case (the jurisdiction map may have forwarded it from the one addressed) */
  courtAgencyId: string;
  source: CourtCaseSource;
  /** the prosecution or PIL case it answers */
  sourceId: string;
  track: CourtTrack;
  receivedAt: string;
  docketNumber: string | null;
  docketedAt: string | null;
  notAcceptedReasons: string | null;
  /** a civil PIL's complaint served on the defendant (court.serve-complaint) */
  complaintServedAt: string | null;
  /** the agency the court notified in writing of a PIL (court.notify-agency), and when */
  notifiedAgencyId: string | null;
  agencyNotifiedAt: string | null;
  /** ISO-8601 instant of the latest hearing scheduled */
  hearingAt: string | null;
  judgmentSummary: string | null;
  judgedAt: string | null;
  /** the ecological restoration ordered by the judgment, tracked to completion */
  restoration: {
    order: string;
    /** last day (YYYY-MM-DD), null when the judgment gave none (v1) */
    dueDate: string | null;
    /** 0–100, of the latest progress report */
    percentDone: number;
    status: 'ordered' | 'completed';
    completedAt: string | null;
  } | null;
}

type Received = FlowEvent<'court.case-received', CourtCaseReceivedV1>;

/** The trial view a court.case-received opens (the producer is the court that holds the case). */
function openTrial(e: Received): TrialView {
  return {
    courtCaseId: e.payload.courtCaseId,
    courtAgencyId: e.producer.agencyId,
    source: e.payload.source,
    sourceId: e.payload.sourceId,
    track: e.payload.track,
    phase: 'received',
    phaseAt: e.occurredAt,
    receivedAt: e.occurredAt,
    docketNumber: null,
    docketedAt: null,
    notAcceptedReasons: null,
    complaintServedAt: null,
    notifiedAgencyId: null,
    agencyNotifiedAt: null,
    hearingAt: null,
    judgmentSummary: null,
    judgedAt: null,
    restoration: null,
  };
}

function evolveTrial(v: TrialView, e: TrialEvent): TrialView {
  switch (e.type) {
    case 'court.case-received':
      return v; // opens a view (openTrial), never changes one
    case 'court.case-docketed':
      return moveTo(v, e, 'docketed', {
        from: ['received'],
        with: { docketNumber: e.payload.docketNumber, docketedAt: e.occurredAt },
      });
    case 'court.case-not-accepted':
      return moveTo(v, e, 'not-accepted', { from: ['received'], with: { notAcceptedReasons: e.payload.reasons } });
    case 'court.complaint-served':
      return { ...v, complaintServedAt: v.complaintServedAt ?? e.occurredAt };
    case 'court.agency-notified':
      return { ...v, notifiedAgencyId: e.payload.agencyId, agencyNotifiedAt: v.agencyNotifiedAt ?? e.occurredAt };
    case 'court.hearing-scheduled':
      return {
        ...moveTo(v, e, 'hearing-scheduled', { from: ['docketed', 'hearing-scheduled'] }),
        hearingAt: e.payload.hearingAt,
      };
    case 'court.judgment-rendered':
      return moveTo(v, e, 'judged', {
        from: ['docketed', 'hearing-scheduled'],
        with: {
          judgmentSummary: e.payload.summary,
          judgedAt: e.occurredAt,
          restoration: e.payload.restorationOrder
            ? {
                order: e.payload.restorationOrder,
                dueDate: e.payload.restorationDueDate ?? null,
                percentDone: 0,
                status: 'ordered',
                completedAt: null,
              }
            : null,
        },
      });
    case 'court.settlement-approved':
      return moveTo(v, e, 'settled', { from: ['docketed', 'hearing-scheduled'] });
    case 'court.restoration-reported':
      return v.restoration && v.restoration.status === 'ordered'
        ? { ...v, restoration: { ...v.restoration, percentDone: e.payload.percentDone } }
        : v;
    case 'court.restoration-verified':
      return v.restoration && e.payload.outcome === 'completed'
        ? { ...v, restoration: { ...v.restoration, status: 'completed', completedAt: e.occurredAt } }
        : v;
    default:
      return unhandled(e);
  }
}

/** One sentence per court event, for the timeline of the side that brought the case. */
export function trialEntryText(e: TrialEvent, courtAgencyId: string): string {
  switch (e.type) {
    case 'court.case-received':
      return `${courtAgencyId} received the case (court.docket: docket within 7 days)`;
    case 'court.case-docketed':
      return `docketed by ${courtAgencyId}, ${e.payload.docketNumber} (${e.payload.procedure} procedure)`;
    case 'court.case-not-accepted':
      return `${courtAgencyId} ruled not to accept the case${e.payload.forwardedTo ? `; forwarded to ${e.payload.forwardedTo}` : ''}`;
    case 'court.complaint-served':
      return `the complaint was served on ${e.payload.servedOn} (court.serve-complaint)`;
    case 'court.agency-notified':
      return `the court notified ${e.payload.agencyId} in writing, ${e.payload.noticeNumber} (court.notify-agency)`;
    case 'court.hearing-scheduled':
      return `hearing scheduled for ${e.payload.hearingAt} (court.hearing-notice)`;
    case 'court.judgment-rendered':
      return e.payload.restorationOrder
        ? `judgment rendered, with an ecological restoration order${e.payload.restorationDueDate ? ` due ${e.payload.restorationDueDate}` : ''}`
        : 'judgment rendered';
    case 'court.settlement-approved':
      return 'the announced settlement was approved by the court';
    case 'court.restoration-reported':
      return `restoration progress reported: ${e.payload.percentDone}% done`;
    case 'court.restoration-verified':
      return e.payload.outcome === 'completed'
        ? 'the court verified the restoration: completed'
        : 'the court verified the restoration: not completed yet';
    default:
      return unhandled(e);
  }
}

/** The trial view: where it opens (court.case-received) and how each later court event changes it. */
export const trialViews = { open: openTrial, evolve: evolveTrial } as const;

/**
 * What an office reading a PIL or prosecution through a grant does not see of its `trial` section (issue 12), as
 * RedactionPaths of libs/sharing: what the court wrote (reasons for not accepting, the judgment, the restoration
 * order). Ids, courts, dates, the docket number and the restoration's progress stay, as in the court's own
 * redacted view.
 */
export const TRIAL_REDACTED: readonly string[] = [
  'trial.notAcceptedReasons',
  'trial.judgmentSummary',
  'trial.restoration.order',
];
