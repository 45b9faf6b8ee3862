/**
 * How the bridge starts and signals sharingWorkflow (one per linked case, id `sharing-<linkedCaseId>`): every event
 * it receives may start it (the first decision of a case opens its shared record).
 * Node code: listed in workflows/src/registry.ts.
 */
import { defineWorkflowRegistration, regionOf } from '../bridge/workflow-registration';
import {
  SHARING_WORKFLOW_EVENT_TYPES,
  SHARING_WORKFLOW_TYPE,
  SharingQueries,
  sharingWorkflowId,
  type SharingInput,
} from './sharing.contracts';

export const sharingRegistration = defineWorkflowRegistration<SharingInput>({
  workflowType: SHARING_WORKFLOW_TYPE,
  stateQuery: SharingQueries.sharingState,
  startedBy: SHARING_WORKFLOW_EVENT_TYPES,
  signalledBy: [],
  workflowId: (event) => sharingWorkflowId(event.linkedCaseId),
  start: (event, { config }) => ({
    input: {
      linkedCaseId: event.linkedCaseId,
      region: regionOf(event.producer.agencyId),
      ...(config ? { config } : {}),
    },
    labels: { what: '信息共享', ids: { linkedCaseId: event.linkedCaseId }, agencies: {} },
  }),
});
