/**
 * The case-notification flow as the registry lists it (../registry.ts): its events, the notification each
 * is about, the phases, and the audit's rows — the one view every party folds (`evolveNotification`), listed
 * once for each party (the sender and each recipient) in the `notifications` section of its agency kind
 * (the kind is the agency id's prefix, `police:210100`), with the party's `agencyId` and `role`.
 */
import { AUDIT_AGENCY_KINDS, defineFlow, partyRows } from '../kit';
import {
  evolveNotification,
  isNotificationEvent,
  NOTIFICATION_EVENT_TYPES,
  NOTIFICATION_PHASES,
  RECIPIENT_PHASES,
  type NotificationView,
} from './notification.flow';

const KINDS = AUDIT_AGENCY_KINDS;

/** Each party's row of one notification, by the party's agency kind (no rows before the notification). */
function auditRows(v: NotificationView | null) {
  if (!v) return partyRows('notifications', KINDS, null, []);
  const { phaseAt, linkedCaseId: _linked, ...rest } = v;
  return partyRows('notifications', KINDS, { ...rest, since: phaseAt ?? '' }, [
    { agencyId: v.senderAgencyId, role: 'sender' },
    ...v.recipients.map((r) => ({ agencyId: r.agencyId, role: 'recipient' })),
  ]);
}

/** The case-notification flow (案情通报, flows.md §5) for the registry. */
export const notificationDefinition = defineFlow({
  name: 'notification',
  eventTypes: NOTIFICATION_EVENT_TYPES,
  isEvent: isNotificationEvent,
  subjectOf: (e) => e.payload.notificationId,
  phases: { sender: NOTIFICATION_PHASES, recipient: RECIPIENT_PHASES },
  audit: {
    sections: Object.fromEntries(KINDS.map((k) => [k, ['notifications']])),
    empty: null as NotificationView | null,
    evolve: (v, e) => evolveNotification(v, e),
    rows: auditRows,
  },
});
