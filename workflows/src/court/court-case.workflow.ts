/**
 * courtCaseWorkflow — one per court case (workflowId `court-case-<courtCaseId>`), started by court.case-received
 * (flows.md §3–4, §6; deadlines.md "Court" and edc.confirmation-announcement).
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { CourtCaseInput, CourtStateView } from './court.contracts';
import { CourtQueries } from './court.contracts';
import { COURT_ON_EXPIRY, courtDecider, courtOwners, initialCourtModel, type CourtModel } from './court.decider';

export async function courtCaseWorkflow(input: CourtCaseInput): Promise<CourtStateView> {
  const { workflowId } = workflowInfo();
  const owners = courtOwners(input);
  return runCaseWorkflow<CourtModel, CourtStateView>({
    workflowId,
    subjectId: input.courtCaseId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: courtDecider,
    owners: () => owners,
    onExpiryOverrides: COURT_ON_EXPIRY,
    initialModel: initialCourtModel(input),
    resume: input.resume as RunnerSnapshot<CourtModel> | undefined,
    stateQueryName: CourtQueries.courtState,
    view: (state) => ({
      workflowId,
      courtCaseId: input.courtCaseId,
      linkedCaseId: input.linkedCaseId,
      phase: state.model.phase,
      finished: state.finished,
      outcome: state.model.outcome,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof courtCaseWorkflow>({ ...input, resume: snapshot }),
  });
}
