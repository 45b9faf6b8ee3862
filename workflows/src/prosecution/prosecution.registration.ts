/**
 * How the bridge starts and signals prosecutionWorkflow (one per prosecution, id `prosecution-<prosecutionId>`).
 * Node code: listed in workflows/src/registry.ts.
 */
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import {
  PROSECUTION_WORKFLOW_EVENT_TYPES,
  PROSECUTION_WORKFLOW_TYPE,
  ProsecutionQueries,
  prosecutionWorkflowId,
  type ProsecutionInput,
} from './prosecution.contracts';

const START = 'prosecution.transferred';

export const prosecutionRegistration = defineWorkflowRegistration<ProsecutionInput>({
  workflowType: PROSECUTION_WORKFLOW_TYPE,
  stateQuery: ProsecutionQueries.prosecutionState,
  startedBy: [START],
  signalledBy: PROSECUTION_WORKFLOW_EVENT_TYPES.filter((t) => t !== START),
  workflowId: workflowIdFromPayload('prosecutionId', prosecutionWorkflowId),
  start: (event, { config }) => {
    const prosecutionId = payloadField(event, 'prosecutionId');
    const procuratorateAgencyId = payloadField(event, 'procuratorateAgencyId');
    if (!prosecutionId || !procuratorateAgencyId) return undefined;
    const policeAgencyId = payloadField(event, 'policeAgencyId') ?? event.producer.agencyId;
    const enforcementAgencyId = payloadField(event, 'enforcementAgencyId');
    const input: ProsecutionInput = {
      prosecutionId,
      transferId: payloadField(event, 'transferId') ?? '',
      linkedCaseId: event.linkedCaseId,
      policeAgencyId,
      procuratorateAgencyId,
      ...(enforcementAgencyId ? { enforcementAgencyId } : {}),
      region: regionOf(procuratorateAgencyId) || regionOf(policeAgencyId),
      ...(config ? { config } : {}),
    };
    return {
      input,
      labels: {
        what: '审查起诉',
        ids: { prosecutionId },
        agencies: {
          police: policeAgencyId,
          procuratorate: procuratorateAgencyId,
          ...(enforcementAgencyId ? { enforcement: enforcementAgencyId } : {}),
        },
      },
    };
  },
});
