/**
 * Public contract of the case-notification workflow (案情通报, flows.md §5): one per notification, each
 * recipient's acknowledgement a keyed step (`<notificationId>/<ruleId>@<recipient>`). Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const NOTIFICATION_WORKFLOW_TYPE = 'caseNotificationWorkflow';

export function notificationWorkflowId(notificationId: string): string {
  return `notification-${notificationId}`;
}

export const NotificationQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → NotificationStateView */
  notificationState: 'notificationState',
} as const;

/** notification.case-notified starts it; each recipient's acknowledgement (or the police's inquiry) closes its step. */
export const NOTIFICATION_WORKFLOW_EVENT_TYPES = [
  'notification.case-notified',
  'notification.acknowledged',
  'notification.inquiry-opened',
] as const;

export type NotificationPhase = 'new' | 'open' | 'all-acknowledged';

export interface NotificationInput {
  notificationId: string;
  linkedCaseId: string;
  /** `enforcement:210100` — the agency that notified */
  senderAgencyId: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface NotificationStateView {
  workflowId: string;
  notificationId: string;
  linkedCaseId: string;
  phase: NotificationPhase;
  recipients: string[];
  acknowledged: string[];
  finished: boolean;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
