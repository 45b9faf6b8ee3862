/**
 * How the bridge starts and signals caseTransferWorkflow (one per transfer, id `transfer-<transferId>`).
 * Node code: listed in workflows/src/registry.ts, never imported by workflow code.
 */
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import {
  defineWorkflowRegistration,
  payloadField,
  regionOf,
  workflowIdFromPayload,
} from '../bridge/workflow-registration';
import {
  TRANSFER_START_EVENT_TYPES,
  TRANSFER_WORKFLOW_EVENT_TYPES,
  TRANSFER_WORKFLOW_TYPE,
  TransferQueries,
  transferWorkflowId,
  type CaseTransferInput,
} from './transfer.contracts';

const STARTS: ReadonlySet<string> = new Set(TRANSFER_START_EVENT_TYPES);

/** The enforcement agency a starting event names: the producer of transfer.crime-suspected, the payload of an opinion. */
function enforcementOf(event: IntegrationEventEnvelope): string | undefined {
  if (event.type === 'transfer.crime-suspected') return event.producer.agencyId;
  if (event.type === 'transfer.procuratorate-opinion') return payloadField(event, 'enforcementAgencyId');
  return undefined;
}

export const transferRegistration = defineWorkflowRegistration<CaseTransferInput>({
  workflowType: TRANSFER_WORKFLOW_TYPE,
  stateQuery: TransferQueries.transferState,
  startedBy: TRANSFER_START_EVENT_TYPES,
  signalledBy: TRANSFER_WORKFLOW_EVENT_TYPES.filter((t) => !STARTS.has(t)),
  workflowId: workflowIdFromPayload('transferId', transferWorkflowId),
  start: (event, { config }) => {
    const enforcementAgencyId = enforcementOf(event);
    const transferId = payloadField(event, 'transferId');
    if (!enforcementAgencyId || !transferId) return undefined;
    return {
      input: {
        transferId,
        linkedCaseId: event.linkedCaseId,
        enforcementAgencyId,
        region: regionOf(enforcementAgencyId),
        ...(config ? { config } : {}),
      },
      // an opinion may reopen a transfer the head refused (E17 art 14); nothing else restarts a closed transfer
      idReusePolicy: event.type === 'transfer.procuratorate-opinion' ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
      labels: { what: '案件移送', ids: { transferId }, agencies: { enforcement: enforcementAgencyId } },
    };
  },
  // Supervision events and decisions under supervision reach the transfer only when it waits for them;
  // an own-motion supervision may concern a transfer without a workflow.
  signalOptional: (event) =>
    event.type.startsWith('filing-supervision.')
      ? event.type !== 'filing-supervision.requested'
      : event.type === 'transfer.filing-decided' && payloadField(event, 'supervisionId') !== undefined,
});
