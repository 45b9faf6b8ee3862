/**
 * Every flow, one registration each. The generic readers take their flows from here: the audit projector
 * folds each registered flow's events into its audit view by subject and lists its rows (apps/audit
 * case-state.projector.ts), supervision reads the steps a flow derives (apps/supervision). A new flow
 * (libs/flows/src/<flow>/: <flow>.flow.ts, <flow>.views.ts, <flow>.definition.ts, spec) is added to
 * them by one line in FLOWS.
 *
 * A definition (kit/flow-definition.ts, built with `defineFlow`):
 *   name        'transfer' — unique
 *   eventTypes  the event types its views fold (libs/contracts)
 *   subjectOf   event → the subject id it is about (transferId, supervisionId …) or null
 *   phases      { holder: phases } — each agency's view of a subject
 *   audit       { sections: { agencyKind: [section, …] }, empty, evolve(view, event, ctx), rows(view) }
 *   supervision { expectations } — reconciliation rules (kit/expectations.ts), optional
 * Sections are unique across flows (a test checks it): `police.supervisions` belongs to one flow.
 */
import type { ExpectationRule, RegisteredFlow } from './kit';
import { consultationDefinition } from './consultation';
import { edcDefinition } from './edc';
import { filingSupervisionFlow } from './filing-supervision';
import { jointSupervisionDefinition } from './joint-supervision';
import { notificationDefinition } from './notification';
import { pilAdministrativeDefinition } from './pil-administrative';
import { pilCivilDefinition } from './pil-civil';
import { prosecutionDefinition } from './prosecution';
import { transferFlow } from './transfer';

export const FLOWS: readonly RegisteredFlow[] = Object.freeze([
  transferFlow,
  filingSupervisionFlow,
  prosecutionDefinition,
  pilAdministrativeDefinition,
  pilCivilDefinition,
  edcDefinition,
  notificationDefinition,
  consultationDefinition,
  jointSupervisionDefinition,
]);

const BY_TYPE = new Map<string, RegisteredFlow[]>();
for (const flow of FLOWS) for (const type of flow.eventTypes) BY_TYPE.set(type, [...(BY_TYPE.get(type) ?? []), flow]);

/** The registered flows whose views fold events of `type` (in FLOWS order; empty when none). */
export function flowsOf(type: string): readonly RegisteredFlow[] {
  return BY_TYPE.get(type) ?? [];
}

/** Every event type some registered flow folds. */
export const FLOW_EVENT_TYPES: ReadonlySet<string> = new Set(BY_TYPE.keys());

/** Every audit section the flows fill, by agency kind: `{ police: ['transfers', 'supervisions'] }`. */
export function auditSections(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const flow of FLOWS)
    for (const [kind, sections] of Object.entries(flow.audit.sections)) out[kind] = [...(out[kind] ?? []), ...sections];
  return out;
}

/** Every flow's reconciliation expectations, in FLOWS order (supervision, GET /reconciliation). */
export const EXPECTATION_RULES: readonly ExpectationRule[] = Object.freeze(
  FLOWS.flatMap((f) => f.supervision.expectations),
);
