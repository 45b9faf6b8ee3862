/**
 * caseConsultationWorkflow — one per linked case (workflowId `consultation-<linkedCaseId>`): every two-way
 * consultation of the case is a keyed step of consultation.written-reply owed by the consulted agency, with its
 * deadline events. Started by the case's first consultation.requested; runs for the life of the case.
 * WORKFLOW CODE: only types from @casebridge/contracts; due dates come from the computeDeadline activity.
 */
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { runCaseWorkflow, resolveConfig, stepsView, type RunnerSnapshot } from '../shared/case-workflow-runner';
import type { ConsultationInput, ConsultationStateView } from './consultation.contracts';
import { ConsultationQueries } from './consultation.contracts';
import {
  consultationDecider,
  consultationOwners,
  initialConsultationModel,
  type ConsultationModel,
} from './consultation.decider';

export async function caseConsultationWorkflow(input: ConsultationInput): Promise<ConsultationStateView> {
  const { workflowId } = workflowInfo();
  const owners = consultationOwners(input);
  return runCaseWorkflow<ConsultationModel, ConsultationStateView>({
    workflowId,
    subjectId: input.linkedCaseId,
    linkedCaseId: input.linkedCaseId,
    region: input.region,
    config: resolveConfig(input.config),
    decider: consultationDecider,
    owners: () => owners,
    initialModel: initialConsultationModel(),
    resume: input.resume as RunnerSnapshot<ConsultationModel> | undefined,
    stateQueryName: ConsultationQueries.consultationState,
    view: (state) => ({
      workflowId,
      linkedCaseId: input.linkedCaseId,
      consultations: state.model.consultations,
      finished: state.finished,
      ...stepsView(state),
    }),
    continueAsNew: (snapshot) => continueAsNew<typeof caseConsultationWorkflow>({ ...input, resume: snapshot }),
  });
}
