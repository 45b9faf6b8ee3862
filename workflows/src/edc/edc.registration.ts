/**
 * How the bridge starts and signals edcConsultationWorkflow (one per compensation case, id `edc-<edcCaseId>`).
 * Node code: listed in workflows/src/registry.ts.
 */
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import {
  EDC_START_EVENT_TYPES,
  EDC_WORKFLOW_EVENT_TYPES,
  EDC_WORKFLOW_TYPE,
  EdcQueries,
  edcWorkflowId,
  type EdcConsultationInput,
} from './edc.contracts';

const STARTS: ReadonlySet<string> = new Set(EDC_START_EVENT_TYPES);

export const edcRegistration = defineWorkflowRegistration<EdcConsultationInput>({
  workflowType: EDC_WORKFLOW_TYPE,
  stateQuery: EdcQueries.edcState,
  startedBy: EDC_START_EVENT_TYPES,
  signalledBy: EDC_WORKFLOW_EVENT_TYPES.filter((t) => !STARTS.has(t)),
  workflowId: workflowIdFromPayload('edcCaseId', edcWorkflowId),
  start: (event, { config }) => {
    const edcCaseId = payloadField(event, 'edcCaseId');
    if (!edcCaseId) return undefined;
    const claimantAgencyId = event.producer.agencyId;
    const party = (event.payload as { liableParty?: { name?: unknown } }).liableParty;
    return {
      input: {
        edcCaseId,
        linkedCaseId: event.linkedCaseId,
        claimantAgencyId,
        ...(typeof party?.name === 'string' ? { liablePartyName: party.name } : {}),
        region: regionOf(claimantAgencyId),
        ...(config ? { config } : {}),
      },
      labels: { what: '生态环境损害赔偿磋商', ids: { edcCaseId }, agencies: { claimant: claimantAgencyId } },
    };
  },
});
