/**
 * How the bridge starts and signals courtCaseWorkflow (one per court case, id `court-case-<courtCaseId>`).
 * Node code: listed in workflows/src/registry.ts, never imported by workflow code.
 */
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import {
  COURT_START_EVENT,
  COURT_WORKFLOW_EVENT_TYPES,
  COURT_WORKFLOW_TYPE,
  CourtQueries,
  courtWorkflowId,
  type CourtCaseInput,
  type CourtSource,
  type CourtTrack,
} from './court.contracts';

export const courtRegistration = defineWorkflowRegistration<CourtCaseInput>({
  workflowType: COURT_WORKFLOW_TYPE,
  stateQuery: CourtQueries.courtState,
  startedBy: [COURT_START_EVENT],
  signalledBy: COURT_WORKFLOW_EVENT_TYPES.filter((t) => t !== COURT_START_EVENT),
  workflowId: workflowIdFromPayload('courtCaseId', courtWorkflowId),
  start: (event, { config }) => {
    const courtCaseId = payloadField(event, 'courtCaseId');
    const plaintiffAgencyId = payloadField(event, 'plaintiffAgencyId');
    const source = payloadField(event, 'source') as CourtSource | undefined;
    const track = payloadField(event, 'track') as CourtTrack | undefined;
    if (!courtCaseId || !plaintiffAgencyId || !source || !track) return undefined;
    const pilKind = payloadField(event, 'pilKind') as CourtCaseInput['pilKind'];
    const courtAgencyId = event.producer.agencyId;
    return {
      input: {
        courtCaseId,
        linkedCaseId: event.linkedCaseId,
        courtAgencyId,
        plaintiffAgencyId,
        source,
        track,
        ...(pilKind ? { pilKind } : {}),
        region: regionOf(courtAgencyId),
        ...(config ? { config } : {}),
      },
      labels: {
        what: '法院案件',
        ids: { courtCaseId },
        agencies: { court: courtAgencyId, plaintiff: plaintiffAgencyId },
      },
    };
  },
});
