/**
 * edcConsultationWorkflow — one per ecological damage compensation case (workflowId `edc-<edcCaseId>`),
 * flows.md §6: holds edc.consultation for the claimant agency (warning, missed in its inbox and for the
 * supervisors) and ends with the agreement or the failure.
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { EdcConsultationInput, EdcStateView } from './edc.contracts';
import { EdcQueries } from './edc.contracts';
import { edcDecider, edcOwners, initialEdcModel, type EdcModel } from './edc.decider';

export async function edcConsultationWorkflow(input: EdcConsultationInput): Promise<EdcStateView> {
  const { workflowId } = workflowInfo();
  const owners = edcOwners(input);
  return runCaseWorkflow<EdcModel, EdcStateView>({
    workflowId,
    subjectId: input.edcCaseId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: edcDecider,
    owners: () => owners,
    initialModel: initialEdcModel(),
    resume: input.resume as RunnerSnapshot<EdcModel> | undefined,
    stateQueryName: EdcQueries.edcState,
    view: (state) => ({
      workflowId,
      edcCaseId: input.edcCaseId,
      linkedCaseId: input.linkedCaseId,
      phase: state.model.phase,
      finished: state.finished,
      outcome: state.model.outcome,
      claimantAgencyId: input.claimantAgencyId,
      meetings: state.model.meetings,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof edcConsultationWorkflow>({ ...input, resume: snapshot }),
  });
}
