/**
 * pilCaseWorkflow — one per public-interest litigation case (workflowId `pil-<pilCaseId>`), flows.md §4:
 * holds the statutory steps of deadlines.md "Public-interest litigation", fed by the case's integration events
 * (signal `caseEvent`), and ends when the case is closed, sued or the organisation's suit supported.
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { PilCaseInput, PilStateView } from './pil.contracts';
import { PilQueries } from './pil.contracts';
import { initialPilModel, pilDecider, pilOwners, type PilModel } from './pil.decider';

export async function pilCaseWorkflow(input: PilCaseInput): Promise<PilStateView> {
  const { workflowId } = workflowInfo();
  return runCaseWorkflow<PilModel, PilStateView>({
    workflowId,
    subjectId: input.pilCaseId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: pilDecider,
    owners: (model) => pilOwners(model, input),
    initialModel: initialPilModel(),
    resume: input.resume as RunnerSnapshot<PilModel> | undefined,
    stateQueryName: PilQueries.pilState,
    view: (state) => ({
      workflowId,
      pilCaseId: input.pilCaseId,
      linkedCaseId: input.linkedCaseId,
      kind: state.model.kind ?? input.kind,
      phase: state.model.phase,
      finished: state.finished,
      outcome: state.model.outcome,
      procuratorateAgencyId: input.procuratorateAgencyId,
      respondentAgencyId: state.model.respondentAgencyId,
      suspended: state.model.suspended,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof pilCaseWorkflow>({ ...input, resume: snapshot }),
  });
}
