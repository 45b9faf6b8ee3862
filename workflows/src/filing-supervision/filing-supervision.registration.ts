/**
 * How the bridge starts and signals filingSupervisionWorkflow (one per supervision, id `supervision-<supervisionId>`).
 * transfer.filing-decided reaches it only when it carries a supervisionId. Node code: listed in workflows/src/registry.ts.
 */
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import {
  FILING_SUPERVISION_WORKFLOW_TYPE,
  SUPERVISION_WORKFLOW_EVENT_TYPES,
  SupervisionQueries,
  supervisionWorkflowId,
  type FilingSupervisionInput,
} from './filing-supervision.contracts';

const START = 'filing-supervision.opened';

export const filingSupervisionRegistration = defineWorkflowRegistration<FilingSupervisionInput>({
  workflowType: FILING_SUPERVISION_WORKFLOW_TYPE,
  stateQuery: SupervisionQueries.supervisionState,
  startedBy: [START],
  signalledBy: SUPERVISION_WORKFLOW_EVENT_TYPES.filter((t) => t !== START),
  workflowId: workflowIdFromPayload('supervisionId', supervisionWorkflowId),
  start: (event, { config }) => {
    const supervisionId = payloadField(event, 'supervisionId');
    if (!supervisionId) return undefined;
    const enforcementAgencyId = payloadField(event, 'enforcementAgencyId') ?? '';
    const ground = payloadField(event, 'ground');
    const input: FilingSupervisionInput = {
      supervisionId,
      transferId: payloadField(event, 'transferId') ?? '',
      linkedCaseId: event.linkedCaseId,
      procuratorateAgencyId: event.producer.agencyId,
      policeAgencyId: payloadField(event, 'policeAgencyId') ?? '',
      enforcementAgencyId,
      region: regionOf(enforcementAgencyId) || regionOf(event.producer.agencyId),
      ...(ground ? { ground } : {}),
      ...(config ? { config } : {}),
    };
    return {
      input,
      labels: {
        what: '立案监督',
        ids: { supervisionId },
        agencies: {
          procuratorate: event.producer.agencyId,
          police: input.policeAgencyId,
          enforcement: enforcementAgencyId,
        },
      },
    };
  },
});
