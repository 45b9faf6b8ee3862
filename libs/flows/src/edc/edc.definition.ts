/**
 * The damage-compensation flow as the registry lists it (../registry.ts): its events, the compensation
 * case each is about, the claimant's phases, and the audit's rows — the claimant enforcement office's case,
 * folded by `edcViews.audit`. Rows are the view's fields with `since` for `phaseAt` (kit `phasedRows`).
 */
import { defineFlow, phasedRows } from '../kit';
import { CLAIMANT_EDC_PHASES, EDC_EVENT_TYPES, edcCaseIdOf, isEdcEvent } from './edc.flow';
import { edcViews, type EdcAuditView } from './edc.views';

/** The environmental damage compensation flow (生态环境损害赔偿, flows.md) for the registry. */
export const edcDefinition = defineFlow({
  name: 'edc',
  eventTypes: EDC_EVENT_TYPES,
  isEvent: isEdcEvent,
  subjectOf: edcCaseIdOf,
  phases: { enforcement: CLAIMANT_EDC_PHASES },
  audit: {
    sections: { enforcement: ['damageCompensations'] },
    empty: edcViews.audit.empty,
    evolve: (v, e) => edcViews.audit.evolve(v, e),
    rows: (v: EdcAuditView) => ({ enforcement: { damageCompensations: phasedRows(v.claimant) } }),
  },
});
