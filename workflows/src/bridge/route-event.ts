/**
 * Kafka → Temporal routing, pure (no Kafka, no Temporal client): which workflow an integration event
 * concerns and how to deliver it. The consumer decodes and upcasts each message with the contracts
 * registry first, then calls routeEvent and hands the routes to TemporalBridge.
 *
 * One event may concern two workflows: transfer.filing-decided carrying a supervisionId goes to the
 * transfer (which may still be running when supervision was asked because the review ran out) and to
 * the supervision (it closes supervision.police-file). Hence a list; empty = not for workflows.
 */
import { agencyDirectory } from '@casebridge/directory';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { CaseEventSignal, DeadlineConfig } from '../shared/deadline.contracts';
import { TaskQueues } from '../task-queues';
import {
  FILING_SUPERVISION_WORKFLOW_TYPE,
  SUPERVISION_WORKFLOW_EVENT_TYPES,
  SupervisionQueries,
  supervisionWorkflowId,
  type FilingSupervisionInput,
} from '../filing-supervision/filing-supervision.contracts';
import {
  PENALTY_WORKFLOW_EVENT_TYPES,
  PENALTY_WORKFLOW_TYPE,
  PenaltyQueries,
  penaltyWorkflowId,
  type PenaltyPeriodInput,
} from '../penalty/penalty.contracts';
import {
  TRANSFER_WORKFLOW_EVENT_TYPES,
  TRANSFER_WORKFLOW_TYPE,
  TransferQueries,
  transferWorkflowId,
  type CaseTransferInput,
} from '../transfer/transfer.contracts';

/**
 * REJECT_DUPLICATE: a closed transfer/supervision is never restarted by a late event (the late event is
 * logged and dropped by the bridge). ALLOW_DUPLICATE only for transfer.procuratorate-opinion, which may
 * legitimately reopen a transfer the head refused (E17 art 14).
 */
export type BridgeIdReusePolicy = 'REJECT_DUPLICATE' | 'ALLOW_DUPLICATE';

interface RouteBase {
  workflowType: typeof TRANSFER_WORKFLOW_TYPE | typeof FILING_SUPERVISION_WORKFLOW_TYPE | typeof PENALTY_WORKFLOW_TYPE;
  workflowId: string;
  /** Query of the workflow's state view, whose `events` list every event it applied (closed runs answer it too). */
  stateQuery: string;
  signal: 'caseEvent';
  signalArgs: [CaseEventSignal];
}

/** Start the workflow if it does not exist yet, and signal it (atomically). */
export interface SignalWithStartRoute extends RouteBase {
  kind: 'signalWithStart';
  taskQueue: string;
  startArgs: [CaseTransferInput] | [FilingSupervisionInput] | [PenaltyPeriodInput];
  workflowIdReusePolicy: BridgeIdReusePolicy;
  /** shown in the Temporal UI: the linked case and the agencies by official name (agency directory) */
  memo: Record<string, string>;
  staticSummary: string;
}

/** Signal a workflow that must already exist (the event cannot start one). */
export interface SignalRoute extends RouteBase {
  kind: 'signal';
  /**
   * The workflow may legitimately not exist: transfer.filing-decided under supervision also goes to
   * the transfer, which a supervision of the procuratorate's own motion may not have.
   */
  optional?: boolean;
}

export type BridgeRoute = SignalWithStartRoute | SignalRoute;

export interface RouteOptions {
  /** Default TaskQueues.cases. */
  taskQueue?: string;
  /** Deadline configuration of new workflows (warning lead, …). */
  config?: Partial<DeadlineConfig>;
}

const TRANSFER_TYPES: ReadonlySet<string> = new Set(TRANSFER_WORKFLOW_EVENT_TYPES);
const SUPERVISION_TYPES: ReadonlySet<string> = new Set(SUPERVISION_WORKFLOW_EVENT_TYPES);
const PENALTY_TYPES: ReadonlySet<string> = new Set(PENALTY_WORKFLOW_EVENT_TYPES);

/** The compact, workflow-safe form of an envelope (signal `caseEvent`). */
export function toCaseEventSignal(envelope: IntegrationEventEnvelope): CaseEventSignal {
  return {
    eventId: envelope.eventId,
    type: envelope.type,
    version: envelope.version,
    occurredAt: envelope.occurredAt,
    producerAgencyId: envelope.producer.agencyId,
    payload: { ...(envelope.payload as Record<string, unknown>) },
  };
}

function field(envelope: IntegrationEventEnvelope, name: string): string | undefined {
  const v = (envelope.payload as Record<string, unknown> | null)?.[name];
  return typeof v === 'string' && v.length ? v : undefined;
}

function regionOf(agencyId: string): string {
  return agencyId.split(':')[1] ?? '';
}

export function routeEvent(envelope: IntegrationEventEnvelope, options: RouteOptions = {}): BridgeRoute[] {
  const taskQueue = options.taskQueue ?? TaskQueues.cases;
  const signalArgs: [CaseEventSignal] = [toCaseEventSignal(envelope)];
  const routes: BridgeRoute[] = [];

  const transferId = field(envelope, 'transferId');
  if (TRANSFER_TYPES.has(envelope.type) && transferId) {
    const workflowId = transferWorkflowId(transferId);
    const base = { workflowType: TRANSFER_WORKFLOW_TYPE, workflowId, stateQuery: TransferQueries.transferState, signal: 'caseEvent', signalArgs } as const;
    const enforcementAgencyId =
      envelope.type === 'transfer.crime-suspected' ? envelope.producer.agencyId
        : envelope.type === 'transfer.procuratorate-opinion' ? field(envelope, 'enforcementAgencyId')
          : undefined;
    if (enforcementAgencyId) {
      const input: CaseTransferInput = {
        transferId,
        linkedCaseId: envelope.linkedCaseId,
        enforcementAgencyId,
        region: regionOf(enforcementAgencyId),
        ...(options.config ? { config: options.config } : {}),
      };
      routes.push({
        ...base,
        kind: 'signalWithStart',
        taskQueue,
        startArgs: [input],
        workflowIdReusePolicy: envelope.type === 'transfer.procuratorate-opinion' ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
        ...temporalLabels('案件移送', envelope.linkedCaseId, { transferId }, { enforcement: enforcementAgencyId }),
      });
    } else {
      // Supervision events and decisions under supervision reach the transfer only when it waits for them;
      // an own-motion supervision may concern a transfer without a workflow.
      const underSupervision = envelope.type.startsWith('filing-supervision.') ? envelope.type !== 'filing-supervision.requested'
        : envelope.type === 'transfer.filing-decided' && field(envelope, 'supervisionId') !== undefined;
      routes.push({ ...base, kind: 'signal', ...(underSupervision ? { optional: true } : {}) });
    }
  }

  const supervisionId = field(envelope, 'supervisionId');
  if (SUPERVISION_TYPES.has(envelope.type) && supervisionId) {
    const workflowId = supervisionWorkflowId(supervisionId);
    const base = { workflowType: FILING_SUPERVISION_WORKFLOW_TYPE, workflowId, stateQuery: SupervisionQueries.supervisionState, signal: 'caseEvent', signalArgs } as const;
    if (envelope.type === 'filing-supervision.opened') {
      const enforcementAgencyId = field(envelope, 'enforcementAgencyId') ?? '';
      const input: FilingSupervisionInput = {
        supervisionId,
        transferId: field(envelope, 'transferId') ?? '',
        linkedCaseId: envelope.linkedCaseId,
        procuratorateAgencyId: envelope.producer.agencyId,
        policeAgencyId: field(envelope, 'policeAgencyId') ?? '',
        enforcementAgencyId,
        region: regionOf(enforcementAgencyId) || regionOf(envelope.producer.agencyId),
        ...(field(envelope, 'ground') ? { ground: field(envelope, 'ground') } : {}),
        ...(options.config ? { config: options.config } : {}),
      };
      routes.push({
        ...base, kind: 'signalWithStart', taskQueue, startArgs: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...temporalLabels('立案监督', envelope.linkedCaseId, { supervisionId }, { procuratorate: envelope.producer.agencyId, police: input.policeAgencyId, enforcement: enforcementAgencyId }),
      });
    } else {
      routes.push({ ...base, kind: 'signal' });
    }
  }

  const caseId = field(envelope, 'caseId');
  if (PENALTY_TYPES.has(envelope.type) && caseId) {
    const workflowId = penaltyWorkflowId(caseId);
    const base = { workflowType: PENALTY_WORKFLOW_TYPE, workflowId, stateQuery: PenaltyQueries.penaltyState, signal: 'caseEvent', signalArgs } as const;
    if (envelope.type === 'case.registered') {
      const input: PenaltyPeriodInput = {
        caseId,
        linkedCaseId: envelope.linkedCaseId,
        enforcementAgencyId: envelope.producer.agencyId,
        region: field(envelope, 'region') ?? regionOf(envelope.producer.agencyId),
        ...(options.config ? { config: options.config } : {}),
      };
      routes.push({
        ...base, kind: 'signalWithStart', taskQueue, startArgs: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...temporalLabels('行政处罚期限', envelope.linkedCaseId, { caseId }, { enforcement: input.enforcementAgencyId }),
      });
    } else {
      // Cases registered before the penalty clock moved into a workflow have none: nothing to suspend there.
      routes.push({ ...base, kind: 'signal', optional: true });
    }
  }
  return routes;
}

/** Memo and static summary of a workflow for the Temporal UI: what it is, the linked case, the agencies by official name. */
function temporalLabels(what: string, linkedCaseId: string, ids: Record<string, string>, agencies: Record<string, string>): { memo: Record<string, string>; staticSummary: string } {
  const dir = agencyDirectory();
  const names = Object.fromEntries(Object.entries(agencies).filter(([, id]) => id).map(([k, id]) => [`${k}Agency`, `${dir.name(id, 'zh')} (${id})`]));
  const first = Object.values(agencies).find(Boolean);
  return { memo: { linkedCaseId, ...ids, ...names }, staticSummary: `${what} · ${first ? dir.name(first, 'zh') : ''} · ${linkedCaseId}` };
}
