/**
 * Case notification (案情通报), flows.md §5, as data: the phases of a notification as its parties (the sender
 * and each recipient) see it, the acts each may do (who, where they lead, which event they emit), the
 * statutory clock a recipient's acknowledgement runs on, and one pure view every party, the workflow and
 * audit fold. Pure: no framework, no I/O.
 */
import {
  type CaseNotifiedV1,
  type NotificationAcknowledgedV1,
  type NotificationInquiryOpenedV1,
} from '@casebridge/contracts';
import {
  actRules,
  eventGuard,
  moveTo,
  unhandled,
  type ActSpec,
  type EventsOf,
  type FlowEvent,
  type Phased,
} from '../kit';

// ---- the events of the flow ---------------------------------------------------------------------

export interface NotificationEventPayloads {
  'notification.case-notified': CaseNotifiedV1;
  'notification.acknowledged': NotificationAcknowledgedV1;
  'notification.inquiry-opened': NotificationInquiryOpenedV1;
}
export type NotificationEvent = EventsOf<NotificationEventPayloads>;
export type NotificationEventType = NotificationEvent['type'];

const TYPES: Record<NotificationEventType, true> = {
  'notification.case-notified': true,
  'notification.acknowledged': true,
  'notification.inquiry-opened': true,
};
export const NOTIFICATION_EVENT_TYPES = Object.keys(TYPES) as NotificationEventType[];
export const isNotificationEvent: (e: FlowEvent) => e is NotificationEvent =
  eventGuard<NotificationEvent>(NOTIFICATION_EVENT_TYPES);

export type NotificationKind = CaseNotifiedV1['kind'];

/**
 * The clock a recipient's acknowledgement runs on, by kind: an obvious crime found on inspection is
 * `notification.suspected-crime` (policy default 24 hours, E17 art 26; the police may answer by opening a
 * preliminary inquiry). deadlines.md gives no period for acknowledging any other development: null (the
 * acknowledgement is recorded, no clock runs).
 */
export function acknowledgementRule(kind: NotificationKind): string | null {
  return kind === 'suspected-crime' ? 'notification.suspected-crime' : null;
}

// ---- phases and acts ----------------------------------------------------------------------------

/** A recipient's phase: notified (owes the acknowledgement), acknowledged, or the police opened a preliminary inquiry. */
export const RECIPIENT_PHASES = ['notified', 'acknowledged', 'inquiry-opened'] as const;
export type RecipientPhase = (typeof RECIPIENT_PHASES)[number];

/** The notification as a whole: open until every recipient acknowledged. */
export const NOTIFICATION_PHASES = ['open', 'all-acknowledged'] as const;
export type NotificationPhase = (typeof NOTIFICATION_PHASES)[number];

export type NotificationAct = 'acknowledge' | 'open-inquiry';

const OFFICER = ['officer', 'head'] as const;

/**
 * A recipient's acts, judged on its own phase. `by` is the recipient's agency kind: every kind acknowledges;
 * only the police open a preliminary inquiry, and only on a suspected crime (the handler checks the kind).
 */
export function recipientActs(
  kind: ActSpec<RecipientPhase>['by'],
): Readonly<Record<NotificationAct, ActSpec<RecipientPhase>>> {
  return {
    acknowledge: {
      by: kind,
      roles: OFFICER,
      allowedIn: ['notified'],
      leadsTo: ['acknowledged', 'inquiry-opened'],
      emits: 'notification.acknowledged',
      text: 'acknowledge the notification',
    },
    'open-inquiry': {
      by: 'police',
      roles: OFFICER,
      allowedIn: ['notified', 'acknowledged'],
      leadsTo: ['inquiry-opened'],
      emits: 'notification.inquiry-opened',
      text: 'open a preliminary inquiry',
    },
  };
}

/** Error codes of the notification acts (libs/platform assertAct and the handlers). */
export const NotificationErrors = {
  notFound: 'NOTIFICATION.NOT_FOUND',
  alreadyDone: 'NOTIFICATION.ALREADY_DONE',
  outOfOrder: 'NOTIFICATION.OUT_OF_ORDER',
  /** 400: a recipient that is the sender itself, or a recipient listed twice */
  recipientInvalid: 'NOTIFICATION.RECIPIENT_INVALID',
  /** 409: a preliminary inquiry answers only a notified suspected crime */
  notASuspectedCrime: 'NOTIFICATION.NOT_A_SUSPECTED_CRIME',
} as const;

/** Guard rules of a recipient's acts (the phases never close the record: closed = []). */
export const RECIPIENT_ACT_RULES = actRules(recipientActs('police'), {
  subject: 'notification',
  codes: {
    alreadyDone: NotificationErrors.alreadyDone,
    outOfOrder: NotificationErrors.outOfOrder,
    closed: NotificationErrors.alreadyDone,
  },
  closed: [],
  next: {
    notified: 'acknowledge the notification (notification.suspected-crime for an obvious crime: 24 hours)',
    acknowledged: 'nothing is owed; the police may open a preliminary inquiry on a suspected crime',
    'inquiry-opened': 'the preliminary inquiry runs under the police',
  },
});

// ---- the view -----------------------------------------------------------------------------------

export interface RecipientState extends Phased<RecipientPhase> {
  agencyId: string;
  acknowledgedAt: string | null;
  inquiryId: string | null;
}

/** One notification as each of its parties sees it (the same for the sender and every recipient). */
export interface NotificationView extends Phased<NotificationPhase> {
  notificationId: string;
  linkedCaseId: string | null;
  senderAgencyId: string;
  kind: NotificationKind;
  content: string;
  notifiedAt: string;
  /** the rule each recipient's acknowledgement runs on (null: none) */
  ruleId: string | null;
  recipients: RecipientState[];
}

/** The parties of a notification: the sender and the recipients (who may read it). */
export function notificationParties(v: Pick<NotificationView, 'senderAgencyId' | 'recipients'>): string[] {
  return [v.senderAgencyId, ...v.recipients.map((r) => r.agencyId)];
}

/** The recipient state of `agencyId`, or undefined when it is not a recipient. */
export function recipientOf(v: NotificationView, agencyId: string): RecipientState | undefined {
  return v.recipients.find((r) => r.agencyId === agencyId);
}

/**
 * Folds one event into the view (null before the notification). An acknowledgement or inquiry that arrives
 * before the notification leaves null (the caller keeps the event for later). Exhaustive; the later act wins.
 */
export function evolveNotification(
  view: NotificationView | null,
  e: NotificationEvent,
  linkedCaseId: string | null = null,
): NotificationView | null {
  switch (e.type) {
    case 'notification.case-notified': {
      if (view) return view;
      const p = e.payload;
      return {
        notificationId: p.notificationId,
        linkedCaseId,
        senderAgencyId: e.producer.agencyId,
        kind: p.kind,
        content: p.content,
        notifiedAt: e.occurredAt,
        ruleId: acknowledgementRule(p.kind),
        recipients: p.recipients.map((agencyId) => ({
          agencyId,
          phase: 'notified',
          phaseAt: e.occurredAt,
          acknowledgedAt: null,
          inquiryId: null,
        })),
        phase: 'open',
        phaseAt: e.occurredAt,
      };
    }
    case 'notification.acknowledged':
      return (
        view &&
        withRecipient(view, e, (r) =>
          r.acknowledgedAt
            ? r
            : moveTo(
                { ...r, acknowledgedAt: e.occurredAt },
                e,
                r.phase === 'inquiry-opened' ? r.phase : 'acknowledged',
              ),
        )
      );
    case 'notification.inquiry-opened':
      return (
        view &&
        withRecipient(view, e, (r) =>
          moveTo(r, e, 'inquiry-opened', {
            with: { inquiryId: e.payload.inquiryId, acknowledgedAt: r.acknowledgedAt ?? e.occurredAt },
          }),
        )
      );
    default:
      return unhandled(e);
  }
}

function withRecipient(
  view: NotificationView,
  e: NotificationEvent,
  change: (r: RecipientState) => RecipientState,
): NotificationView {
  const at = recipientOf(view, e.producer.agencyId);
  if (!at) return view;
  const recipients = view.recipients.map((r) => (r === at ? change(r) : r));
  const all = recipients.every((r) => r.acknowledgedAt !== null);
  const next = { ...view, recipients };
  return all && view.phase === 'open' ? { ...next, phase: 'all-acknowledged', phaseAt: e.occurredAt } : next;
}
