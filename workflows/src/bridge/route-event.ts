/**
 * Kafka → Temporal routing, pure (no Kafka, no Temporal client): which workflows an integration event
 * concerns and how to deliver it. The consumer decodes and upcasts each message with the contracts
 * registry first, then calls routeEvent and hands the routes to TemporalBridge.
 *
 * Nothing here knows a particular workflow: each is described by its registration (workflow-registration.ts),
 * listed in workflows/src/registry.ts. One event may concern several workflows (transfer.filing-decided under
 * supervision goes to the transfer and to the supervision): hence a list, in registry order; empty = not for
 * workflows.
 */
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { CaseEventSignal, DeadlineConfig } from '../shared/deadline.contracts';
import { TaskQueues } from '../task-queues';
import { WORKFLOW_REGISTRY } from '../registry';
import { temporalLabels, type BridgeIdReusePolicy, type WorkflowRegistration } from './workflow-registration';

export type { BridgeIdReusePolicy } from './workflow-registration';

interface RouteBase {
  workflowType: string;
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
  startArgs: [unknown];
  workflowIdReusePolicy: BridgeIdReusePolicy;
  /** shown in the Temporal UI: the linked case and the agencies by official name (agency directory) */
  memo: Record<string, string>;
  staticSummary: string;
}

/** Signal a workflow that must already exist (the event cannot start one). */
export interface SignalRoute extends RouteBase {
  kind: 'signal';
  /** The workflow may legitimately not exist (WorkflowRegistration.signalOptional): skipped, not parked. */
  optional?: boolean;
}

export type BridgeRoute = SignalWithStartRoute | SignalRoute;

export interface RouteOptions {
  /** Default TaskQueues.cases. */
  taskQueue?: string;
  /** Deadline configuration of new workflows (warning lead, …). */
  config?: Partial<DeadlineConfig>;
  /** The workflows to route to. Default WORKFLOW_REGISTRY (tests pass their own). */
  registrations?: readonly WorkflowRegistration[];
}

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

/** The route of one event to one registered workflow, or null when the event does not concern it. */
function routeTo(
  registration: WorkflowRegistration,
  envelope: IntegrationEventEnvelope,
  signalArgs: [CaseEventSignal],
  options: RouteOptions,
): BridgeRoute | null {
  const starts = registration.startedBy.includes(envelope.type);
  if (!starts && !registration.signalledBy.includes(envelope.type)) return null;
  const workflowId = registration.workflowId(envelope);
  if (workflowId === undefined) return null;
  const base = {
    workflowType: registration.workflowType,
    workflowId,
    stateQuery: registration.stateQuery,
    signal: 'caseEvent',
    signalArgs,
  } as const;
  const start = starts ? registration.start(envelope, options.config ? { config: options.config } : {}) : undefined;
  if (start) {
    return {
      ...base,
      kind: 'signalWithStart',
      taskQueue: options.taskQueue ?? TaskQueues.cases,
      startArgs: [start.input],
      workflowIdReusePolicy: start.idReusePolicy ?? 'REJECT_DUPLICATE',
      ...temporalLabels(start.labels, envelope.linkedCaseId),
    };
  }
  return { ...base, kind: 'signal', ...(registration.signalOptional?.(envelope) ? { optional: true } : {}) };
}

/** Every delivery an event needs, one per registered workflow it concerns, in registry order. */
export function routeEvent(envelope: IntegrationEventEnvelope, options: RouteOptions = {}): BridgeRoute[] {
  const signalArgs: [CaseEventSignal] = [toCaseEventSignal(envelope)];
  const routes: BridgeRoute[] = [];
  for (const registration of options.registrations ?? WORKFLOW_REGISTRY) {
    const route = routeTo(registration, envelope, signalArgs, options);
    if (route) routes.push(route);
  }
  return routes;
}
