/**
 * prosecutionWorkflow — one per prosecution (workflowId `prosecution-<prosecutionId>`), started by
 * prosecution.transferred (flows.md §3; deadlines.md "Prosecution"): drives prosecution.review,
 * prosecution.supplementary-investigation (one step per round) and prosecution.nonprosecution-notice.
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { ProsecutionInput, ProsecutionStateView } from './prosecution.contracts';
import { ProsecutionQueries } from './prosecution.contracts';
import {
  initialProsecutionModel,
  prosecutionDecider,
  prosecutionOwners,
  type ProsecutionModel,
} from './prosecution.decider';

export async function prosecutionWorkflow(input: ProsecutionInput): Promise<ProsecutionStateView> {
  const { workflowId } = workflowInfo();
  const owners = prosecutionOwners(input);
  return runCaseWorkflow<ProsecutionModel, ProsecutionStateView>({
    workflowId,
    subjectId: input.prosecutionId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: prosecutionDecider,
    owners: () => owners,
    initialModel: initialProsecutionModel(),
    resume: input.resume as RunnerSnapshot<ProsecutionModel> | undefined,
    stateQueryName: ProsecutionQueries.prosecutionState,
    view: (state) => ({
      workflowId,
      prosecutionId: input.prosecutionId,
      transferId: input.transferId,
      linkedCaseId: input.linkedCaseId,
      phase: state.model.phase,
      finished: state.finished,
      outcome: state.model.outcome,
      rounds: state.model.rounds,
      courtAgencyId: state.model.courtAgencyId,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof prosecutionWorkflow>({ ...input, resume: snapshot }),
  });
}
