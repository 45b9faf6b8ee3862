/**
 * penaltyPeriodWorkflow — one per administrative case (workflowId `penalty-<caseId>`): holds
 * penalty.decision-period like every other statutory clock, so its warning and miss reach enforcement's
 * inbox and the supervisors (deadline.* events). Started by case.registered; suspended and resumed by
 * penalty.clock-changed (E17 art 16).
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { PenaltyPeriodInput, PenaltyStateView } from './penalty.contracts';
import { PenaltyQueries } from './penalty.contracts';
import { initialPenaltyModel, penaltyDecider, penaltyOwners, type PenaltyModel } from './penalty.decider';

export async function penaltyPeriodWorkflow(input: PenaltyPeriodInput): Promise<PenaltyStateView> {
  const { workflowId } = workflowInfo();
  const owners = penaltyOwners(input);
  return runCaseWorkflow<PenaltyModel, PenaltyStateView>({
    workflowId,
    subjectId: input.caseId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: penaltyDecider,
    owners: () => owners,
    initialModel: initialPenaltyModel(),
    resume: input.resume as RunnerSnapshot<PenaltyModel> | undefined,
    stateQueryName: PenaltyQueries.penaltyState,
    view: (state) => ({
      workflowId,
      caseId: input.caseId,
      linkedCaseId: input.linkedCaseId,
      phase: state.model.phase,
      finished: state.finished,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof penaltyPeriodWorkflow>({ ...input, resume: snapshot }),
  });
}
