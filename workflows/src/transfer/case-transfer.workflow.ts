/**
 * caseTransferWorkflow — one per transfer (workflowId `transfer-<transferId>`), flows.md §1.
 * Holds the statutory steps of deadlines.md "Case transfer", fed by the transfer's integration events
 * (signal `caseEvent`), and ends when the path is finished (see TransferOutcome).
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { CaseTransferInput, TransferStateView } from './transfer.contracts';
import { TransferQueries } from './transfer.contracts';
import { initialTransferModel, transferDecider, transferOwners, type TransferModel } from './transfer.decider';

export async function caseTransferWorkflow(input: CaseTransferInput): Promise<TransferStateView> {
  const { workflowId } = workflowInfo();
  return runCaseWorkflow<TransferModel, TransferStateView>({
    workflowId,
    subjectId: input.transferId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: transferDecider,
    owners: (model) => transferOwners(model, input),
    initialModel: initialTransferModel(),
    resume: input.resume as RunnerSnapshot<TransferModel> | undefined,
    stateQueryName: TransferQueries.transferState,
    view: (state) => ({
      workflowId,
      transferId: input.transferId,
      linkedCaseId: input.linkedCaseId,
      phase: state.model.phase,
      finished: state.finished,
      outcome: state.model.outcome,
      enforcementAgencyId: input.enforcementAgencyId,
      policeAgencyId: state.model.policeAgencyId,
      procuratorateAgencyId: state.model.procuratorateAgencyId,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof caseTransferWorkflow>({ ...input, resume: snapshot }),
  });
}
