/**
 * A case notification as a pure decider: each recipient owes its acknowledgement on its own clock (one keyed
 * step per recipient, key = the recipient's agency id); `notification.suspected-crime` (policy default 24 hours,
 * E17 art 26) for an obvious crime found on inspection — the police may answer it by opening a preliminary
 * inquiry, which acknowledges it too. deadlines.md gives no period for acknowledging any other development:
 * those are followed (the workflow records the acknowledgements) without a clock. An unacknowledged step is
 * warned and missed like every statutory step: the supervisors press and escalate it from their console.
 * Mirrors libs/flows notification.flow.ts (acknowledgementRule). No Temporal, no I/O.
 */
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import { apply, defer, ignore, payloadString, type CaseDecider, type Decision } from '../shared/step-actions';
import type { NotificationPhase } from './notification.contracts';

export const SUSPECTED_CRIME_RULE = 'notification.suspected-crime';

/** What deadline.missed says should follow an unacknowledged notification. */
export const NOTIFICATION_ON_EXPIRY =
  'unacknowledged: press the recipient, then escalate to its superior office (supervision console)';

export interface NotificationModel {
  phase: NotificationPhase;
  /** the clock of the acknowledgements (null: none) */
  ruleId: string | null;
  recipients: string[];
  acknowledged: string[];
}

export function initialNotificationModel(): NotificationModel {
  return { phase: 'new', ruleId: null, recipients: [], acknowledged: [] };
}

/** The role an agency id stands in (the tracker's default owner; each step names its recipient as owner anyway). */
export function roleOf(agencyId: string): AgencyRole {
  const kind = agencyId.split(':')[0];
  return kind === 'enforcement' || kind === 'police' ? kind : 'procuratorate';
}

function stringList(event: CaseEventSignal, field: string): string[] {
  const v = event.payload[field];
  return Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))] : [];
}

export function decideNotification(model: NotificationModel, event: CaseEventSignal): Decision<NotificationModel> {
  const at = event.occurredAt;
  switch (event.type) {
    case 'notification.case-notified': {
      if (model.phase !== 'new') return ignore('the notification was already sent');
      const recipients = stringList(event, 'recipients').filter((r) => r !== event.producerAgencyId);
      const ruleId = payloadString(event, 'kind') === 'suspected-crime' ? SUSPECTED_CRIME_RULE : null;
      return apply(
        { phase: 'open', ruleId, recipients, acknowledged: [] },
        ...(ruleId
          ? recipients.map((agencyId) => ({
              kind: 'open' as const,
              ruleId,
              key: agencyId,
              role: roleOf(agencyId),
              owner: { kind: 'agency' as const, agencyId },
              from: at,
            }))
          : []),
      );
    }
    case 'notification.acknowledged':
    case 'notification.inquiry-opened': {
      if (model.phase === 'new') return defer('waiting for notification.case-notified');
      const agencyId = event.producerAgencyId;
      if (!model.recipients.includes(agencyId)) return ignore(`${agencyId} is not a recipient`);
      if (model.acknowledged.includes(agencyId)) return ignore(`${agencyId} already acknowledged`);
      const acknowledged = [...model.acknowledged, agencyId];
      const phase: NotificationPhase = acknowledged.length === model.recipients.length ? 'all-acknowledged' : 'open';
      return apply(
        { ...model, phase, acknowledged },
        ...(model.ruleId ? [{ kind: 'close' as const, ruleId: model.ruleId, key: agencyId, at }] : []),
      );
    }
    default:
      return ignore(`not a notification event: ${event.type}`);
  }
}

export const notificationDecider: CaseDecider<NotificationModel> = {
  decide: (model, event) => decideNotification(model, event),
  // a missed acknowledgement stays owed (warning, miss; pressed and escalated by the supervisors)
  onMissed: () => null,
  isFinished: (model) => model.phase === 'all-acknowledged',
};

export function notificationOwners(input: { senderAgencyId: string; region: string }): Record<AgencyRole, string> {
  return {
    enforcement: `enforcement:${input.region}`,
    police: `police:${input.region}`,
    procuratorate: `procuratorate:${input.region}`,
    [roleOf(input.senderAgencyId)]: input.senderAgencyId,
  };
}
