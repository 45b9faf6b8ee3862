/**
 * How the bridge starts and signals caseNotificationWorkflow (one per notification, id `notification-<notificationId>`).
 * Node code: listed in workflows/src/registry.ts.
 */
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import {
  NOTIFICATION_WORKFLOW_TYPE,
  NotificationQueries,
  notificationWorkflowId,
  type NotificationInput,
} from './notification.contracts';

export const notificationRegistration = defineWorkflowRegistration<NotificationInput>({
  workflowType: NOTIFICATION_WORKFLOW_TYPE,
  stateQuery: NotificationQueries.notificationState,
  startedBy: ['notification.case-notified'],
  signalledBy: ['notification.acknowledged', 'notification.inquiry-opened'],
  workflowId: workflowIdFromPayload('notificationId', notificationWorkflowId),
  start: (event, { config }) => {
    const notificationId = payloadField(event, 'notificationId');
    if (!notificationId) return undefined;
    const senderAgencyId = event.producer.agencyId;
    return {
      input: {
        notificationId,
        linkedCaseId: event.linkedCaseId,
        senderAgencyId,
        region: regionOf(senderAgencyId),
        ...(config ? { config } : {}),
      },
      labels: { what: '案情通报', ids: { notificationId }, agencies: { sender: senderAgencyId } },
    };
  },
});
