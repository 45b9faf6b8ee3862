/**
 * How the bridge starts and signals caseConsultationWorkflow (one per linked case, id `consultation-<linkedCaseId>`).
 * Node code: listed in workflows/src/registry.ts.
 */
import { defineWorkflowRegistration, regionOf } from '../bridge/workflow-registration';
import {
  CONSULTATION_WORKFLOW_TYPE,
  ConsultationQueries,
  consultationWorkflowId,
  type ConsultationInput,
} from './consultation.contracts';

export const consultationRegistration = defineWorkflowRegistration<ConsultationInput>({
  workflowType: CONSULTATION_WORKFLOW_TYPE,
  stateQuery: ConsultationQueries.consultationState,
  // every question signals-with-start: the first one starts the case's workflow, the others join it
  startedBy: ['consultation.requested'],
  signalledBy: ['consultation.replied'],
  workflowId: (event) => consultationWorkflowId(event.linkedCaseId),
  start: (event, { config }) => {
    const firstAskingAgencyId = event.producer.agencyId;
    return {
      input: {
        linkedCaseId: event.linkedCaseId,
        firstAskingAgencyId,
        region: regionOf(firstAskingAgencyId),
        ...(config ? { config } : {}),
      },
      labels: { what: '双向案件咨询', ids: {}, agencies: { asking: firstAskingAgencyId } },
    };
  },
});
