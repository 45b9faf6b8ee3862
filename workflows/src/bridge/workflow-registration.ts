/**
 * What the Kafka → Temporal bridge needs to know of one workflow type, declared once next to the workflow
 * (workflows/src/<flow>/<flow>.registration.ts) and listed in workflows/src/registry.ts. route-event.ts reads
 * registrations only: adding a workflow never touches the bridge.
 *
 * Node code (the labels use the agency directory): never import it from workflow code.
 */
import { agencyDirectory } from '@casebridge/directory';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { DeadlineConfig } from '../shared/deadline.contracts';

/**
 * REJECT_DUPLICATE: a closed workflow is never restarted by a late event (the bridge logs and drops it).
 * ALLOW_DUPLICATE: the event may legitimately start a new run after a closed one (e.g.
 * transfer.procuratorate-opinion reopens a transfer the head refused, E17 art 14); the bridge first asks the
 * closed run (state query) whether it already applied the event.
 */
export type BridgeIdReusePolicy = 'REJECT_DUPLICATE' | 'ALLOW_DUPLICATE';

/** How the Temporal UI names a workflow: what it is, its subject ids, the agencies concerned (ids, named by the directory). */
export interface WorkflowLabels {
  /** e.g. 案件移送 */
  what: string;
  /** subject ids shown in the memo, e.g. { transferId } */
  ids: Record<string, string>;
  /** role → agency id, e.g. { enforcement: 'enforcement:210100' }; empty ids are left out */
  agencies: Record<string, string>;
}

/** How an event starts its workflow. */
export interface WorkflowStart<I> {
  /** The workflow function's single argument. */
  input: I;
  /** Default REJECT_DUPLICATE. */
  idReusePolicy?: BridgeIdReusePolicy;
  labels: WorkflowLabels;
}

export interface StartContext {
  /** Deadline configuration of new workflows (warning lead, …), from the bridge options. */
  config?: Partial<DeadlineConfig>;
}

/**
 * One workflow type as the bridge sees it. Every event it receives is delivered as signal `caseEvent`
 * (CaseEventSignal), deduplicated by eventId in the workflow.
 */
export interface WorkflowRegistration<I = unknown> {
  /** The workflow function's name (what the worker registers), e.g. `caseTransferWorkflow`. */
  workflowType: string;
  /** Query of the workflow's state view, whose `events` list holds every event it applied (closed runs answer it too). */
  stateQuery: string;
  /** Event types that may start the workflow (signal-with-start). */
  startedBy: readonly string[];
  /** Event types that only signal a workflow that must already exist. */
  signalledBy: readonly string[];
  /** The id of the workflow an event concerns; undefined: this event concerns no workflow of this type (e.g. it lacks the subject id). */
  workflowId(event: IntegrationEventEnvelope): string | undefined;
  /**
   * For an event of `startedBy`: the start input, id-reuse policy and UI labels. undefined when the event lacks what
   * a start needs: it is then delivered as a plain signal.
   */
  start(event: IntegrationEventEnvelope, context: StartContext): WorkflowStart<I> | undefined;
  /**
   * For a plain signal: true when the workflow may legitimately not exist (the bridge then skips the event instead
   * of parking it until the workflow starts). Default: never.
   */
  signalOptional?(event: IntegrationEventEnvelope): boolean;
}

/** Identity helper that keeps the input type of a registration checked. */
export function defineWorkflowRegistration<I>(registration: WorkflowRegistration<I>): WorkflowRegistration<I> {
  return Object.freeze(registration);
}

/** Every event type the registrations receive (deduplicated, in registration order). */
export function registeredEventTypes(registrations: readonly WorkflowRegistration[]): string[] {
  return [...new Set(registrations.flatMap((r) => [...r.startedBy, ...r.signalledBy]))];
}

/** A non-empty string field of an event payload, or undefined. */
export function payloadField(envelope: IntegrationEventEnvelope, name: string): string | undefined {
  const v = (envelope.payload as Record<string, unknown> | null)?.[name];
  return typeof v === 'string' && v.length ? v : undefined;
}

/** `workflowId` of a registration whose workflow is named after one payload field (e.g. transferId → `transfer-<id>`). */
export function workflowIdFromPayload(
  field: string,
  toWorkflowId: (value: string) => string,
): (event: IntegrationEventEnvelope) => string | undefined {
  return (event) => {
    const value = payloadField(event, field);
    return value === undefined ? undefined : toWorkflowId(value);
  };
}

/** The division code of an agency id (`police:210100` → `210100`; '' when it has none). */
export function regionOf(agencyId: string): string {
  return agencyId.split(':')[1] ?? '';
}

/** Memo and static summary of a workflow for the Temporal UI: what it is, the linked case, the agencies by official name. */
export function temporalLabels(
  labels: WorkflowLabels,
  linkedCaseId: string,
): { memo: Record<string, string>; staticSummary: string } {
  const dir = agencyDirectory();
  const present = Object.entries(labels.agencies).filter(([, id]) => id);
  const names = Object.fromEntries(present.map(([k, id]) => [`${k}Agency`, `${dir.name(id, 'zh')} (${id})`]));
  const first = present[0]?.[1];
  return {
    memo: { linkedCaseId, ...labels.ids, ...names },
    staticSummary: `${labels.what} · ${first ? dir.name(first, 'zh') : ''} · ${linkedCaseId}`,
  };
}
