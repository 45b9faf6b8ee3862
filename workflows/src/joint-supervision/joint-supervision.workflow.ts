/**
 * jointSupervisionWorkflow — one per linked case listed for joint supervision (workflowId
 * `joint-supervision-<linkedCaseId>`): each review round's progress reports and each joint-meeting decision as keyed
 * steps of `joint-supervision` with their deadline events; the participants behind are flagged (deadline.missed).
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { JointSupervisionInput, JointSupervisionStateView } from './joint-supervision.contracts';
import { JointSupervisionQueries } from './joint-supervision.contracts';
import {
  initialJointSupervisionModel,
  jointSupervisionDecider,
  jointSupervisionOwners,
  type JointSupervisionModel,
} from './joint-supervision.decider';

export async function jointSupervisionWorkflow(input: JointSupervisionInput): Promise<JointSupervisionStateView> {
  const { workflowId } = workflowInfo();
  const owners = jointSupervisionOwners(input);
  return runCaseWorkflow<JointSupervisionModel, JointSupervisionStateView>({
    workflowId,
    subjectId: input.linkedCaseId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: jointSupervisionDecider,
    owners: () => owners,
    onExpiryOverrides: {
      'joint-supervision': 'behind: the participant is flagged to the joint meeting (联席会议); supervisors may press',
    },
    initialModel: initialJointSupervisionModel(),
    resume: input.resume as RunnerSnapshot<JointSupervisionModel> | undefined,
    stateQueryName: JointSupervisionQueries.jointSupervisionState,
    view: (state) => ({
      workflowId,
      linkedCaseId: input.linkedCaseId,
      participants: state.model.participants,
      round: state.model.round,
      reported: state.model.reported,
      flagged: state.model.flagged,
      finished: state.finished,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof jointSupervisionWorkflow>({ ...input, resume: snapshot }),
  });
}
