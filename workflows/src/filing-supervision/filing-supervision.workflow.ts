/**
 * filingSupervisionWorkflow — one per filing supervision (workflowId `supervision-<supervisionId>`),
 * started by filing-supervision.opened (flows.md §2; deadlines.md "Filing supervision").
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { FilingSupervisionInput, SupervisionStateView } from './filing-supervision.contracts';
import { SupervisionQueries } from './filing-supervision.contracts';
import {
  SUPERVISION_ON_EXPIRY,
  initialSupervisionModel,
  supervisionDecider,
  supervisionOwners,
  type SupervisionModel,
} from './filing-supervision.decider';

export async function filingSupervisionWorkflow(input: FilingSupervisionInput): Promise<SupervisionStateView> {
  const { workflowId } = workflowInfo();
  const owners = supervisionOwners(input);
  return runCaseWorkflow<SupervisionModel, SupervisionStateView>({
    workflowId,
    subjectId: input.supervisionId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: supervisionDecider,
    owners: () => owners,
    onExpiryOverrides: SUPERVISION_ON_EXPIRY,
    initialModel: initialSupervisionModel(input.supervisionId, input.ground),
    resume: input.resume as RunnerSnapshot<SupervisionModel> | undefined,
    stateQueryName: SupervisionQueries.supervisionState,
    view: (state) => ({
      workflowId,
      supervisionId: input.supervisionId,
      transferId: input.transferId,
      linkedCaseId: input.linkedCaseId,
      phase: state.model.phase,
      finished: state.finished,
      outcome: state.model.outcome,
      ground: state.model.ground,
      escalatedTo: state.model.escalatedTo,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof filingSupervisionWorkflow>({ ...input, resume: snapshot }),
  });
}
