/**
 * sharingWorkflow — one per linked case (workflowId `sharing-<linkedCaseId>`): holds sharing.platform-entry, 7 days
 * from each decision an agency makes on the case (E17 art 34), one step per decision
 * (`<linkedCaseId>/sharing.platform-entry@<decisionId>`); raises deadline.warning / deadline.missed when the
 * agency has not entered it. WORKFLOW CODE: due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { SharingInput, SharingStateView } from './sharing.contracts';
import { SharingQueries } from './sharing.contracts';
import { initialSharingModel, sharingDecider, sharingOwners, type SharingModel } from './sharing.decider';

export async function sharingWorkflow(input: SharingInput): Promise<SharingStateView> {
  const { workflowId } = workflowInfo();
  return runCaseWorkflow<SharingModel, SharingStateView>({
    workflowId,
    subjectId: input.linkedCaseId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: sharingDecider,
    owners: sharingOwners,
    initialModel: initialSharingModel(input.linkedCaseId),
    resume: input.resume as RunnerSnapshot<SharingModel> | undefined,
    stateQueryName: SharingQueries.sharingState,
    view: (state) => ({
      workflowId,
      linkedCaseId: input.linkedCaseId,
      finished: state.finished,
      decisions: Object.values(state.model.decisions),
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof sharingWorkflow>({ ...input, resume: snapshot }),
  });
}
