/**
 * caseNotificationWorkflow — one per case notification (workflowId `notification-<notificationId>`): holds each
 * recipient's acknowledgement as a keyed step (`<notificationId>/<ruleId>@<recipient>`) with its deadline events,
 * and finishes once every recipient acknowledged. Started by notification.case-notified.
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { NotificationInput, NotificationStateView } from './notification.contracts';
import { NotificationQueries } from './notification.contracts';
import {
  initialNotificationModel,
  NOTIFICATION_ON_EXPIRY,
  notificationDecider,
  notificationOwners,
  SUSPECTED_CRIME_RULE,
  type NotificationModel,
} from './notification.decider';

export async function caseNotificationWorkflow(input: NotificationInput): Promise<NotificationStateView> {
  const { workflowId } = workflowInfo();
  const owners = notificationOwners(input);
  return runCaseWorkflow<NotificationModel, NotificationStateView>({
    workflowId,
    subjectId: input.notificationId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: notificationDecider,
    owners: () => owners,
    onExpiryOverrides: { [SUSPECTED_CRIME_RULE]: NOTIFICATION_ON_EXPIRY },
    initialModel: initialNotificationModel(),
    resume: input.resume as RunnerSnapshot<NotificationModel> | undefined,
    stateQueryName: NotificationQueries.notificationState,
    view: (state) => ({
      workflowId,
      notificationId: input.notificationId,
      linkedCaseId: input.linkedCaseId,
      phase: state.model.phase,
      recipients: state.model.recipients,
      acknowledged: state.model.acknowledged,
      finished: state.finished,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof caseNotificationWorkflow>({ ...input, resume: snapshot }),
  });
}
