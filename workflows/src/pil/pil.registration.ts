/**
 * How the bridge starts and signals pilCaseWorkflow (one per PIL case, id `pil-<pilCaseId>`).
 * Node code: listed in workflows/src/registry.ts, never imported by workflow code.
 */
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import {
  PIL_START_EVENT_TYPES,
  PIL_WORKFLOW_EVENT_TYPES,
  PIL_WORKFLOW_TYPE,
  PilQueries,
  pilWorkflowId,
  type PilCaseInput,
  type PilKind,
} from './pil.contracts';

const STARTS: ReadonlySet<string> = new Set(PIL_START_EVENT_TYPES);
const KIND_NAMES: Record<PilKind, string> = {
  administrative: '行政公益诉讼',
  civil: '民事公益诉讼',
  'criminal-incidental-civil': '刑事附带民事公益诉讼',
};

export const pilRegistration = defineWorkflowRegistration<PilCaseInput>({
  workflowType: PIL_WORKFLOW_TYPE,
  stateQuery: PilQueries.pilState,
  startedBy: PIL_START_EVENT_TYPES,
  signalledBy: PIL_WORKFLOW_EVENT_TYPES.filter((t) => !STARTS.has(t)),
  workflowId: workflowIdFromPayload('pilCaseId', pilWorkflowId),
  start: (event, { config }) => {
    const pilCaseId = payloadField(event, 'pilCaseId');
    const kind = payloadField(event, 'kind') as PilKind | undefined;
    if (!pilCaseId || !kind) return undefined;
    const procuratorateAgencyId = event.producer.agencyId;
    const respondentAgencyId = payloadField(event, 'respondentAgencyId');
    return {
      input: {
        pilCaseId,
        linkedCaseId: event.linkedCaseId,
        kind,
        procuratorateAgencyId,
        ...(respondentAgencyId ? { respondentAgencyId } : {}),
        region: regionOf(procuratorateAgencyId),
        ...(config ? { config } : {}),
      },
      labels: {
        what: KIND_NAMES[kind] ?? '公益诉讼',
        ids: { pilCaseId },
        agencies: {
          procuratorate: procuratorateAgencyId,
          ...(respondentAgencyId ? { respondent: respondentAgencyId } : {}),
        },
      },
    };
  },
});
