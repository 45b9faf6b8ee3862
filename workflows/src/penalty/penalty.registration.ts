/**
 * How the bridge starts and signals penaltyPeriodWorkflow (one per administrative case, id `penalty-<caseId>`).
 * Node code: listed in workflows/src/registry.ts.
 */
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import { PENALTY_WORKFLOW_TYPE, PenaltyQueries, penaltyWorkflowId, type PenaltyPeriodInput } from './penalty.contracts';

export const penaltyRegistration = defineWorkflowRegistration<PenaltyPeriodInput>({
  workflowType: PENALTY_WORKFLOW_TYPE,
  stateQuery: PenaltyQueries.penaltyState,
  startedBy: ['case.registered'],
  signalledBy: ['penalty.clock-changed'],
  workflowId: workflowIdFromPayload('caseId', penaltyWorkflowId),
  start: (event, { config }) => {
    const caseId = payloadField(event, 'caseId');
    if (!caseId) return undefined;
    const enforcementAgencyId = event.producer.agencyId;
    return {
      input: {
        caseId,
        linkedCaseId: event.linkedCaseId,
        enforcementAgencyId,
        region: payloadField(event, 'region') ?? regionOf(enforcementAgencyId),
        ...(config ? { config } : {}),
      },
      labels: { what: '行政处罚期限', ids: { caseId }, agencies: { enforcement: enforcementAgencyId } },
    };
  },
  // Cases registered before the penalty clock moved into a workflow have none: nothing to suspend there.
  signalOptional: () => true,
});
