/**
 * The civil PIL flow as the registry lists it (../registry.ts): its events, the PIL case each is about,
 * the procuratorate's phases, and the audit's rows — the procuratorate's case (the only file kept on it),
 * folded by `pilCivilViews.audit`. Rows are the view's fields with `since` for `phaseAt` (kit `phasedRows`).
 * An administrative PIL case opens no view here.
 */
import { defineFlow, phasedRows } from '../kit';
import {
  isPilCivilEvent,
  PIL_CIVIL_EVENT_TYPES,
  pilCivilCaseIdOf,
  PROCURATORATE_PIL_CIVIL_PHASES,
} from './pil-civil.flow';
import { pilCivilViews, type PilCivilAuditView } from './pil-civil.views';

/** The civil public-interest litigation flow (民事公益诉讼, flows.md) for the registry. */
export const pilCivilDefinition = defineFlow({
  name: 'pil-civil',
  eventTypes: PIL_CIVIL_EVENT_TYPES,
  isEvent: isPilCivilEvent,
  subjectOf: pilCivilCaseIdOf,
  phases: { procuratorate: PROCURATORATE_PIL_CIVIL_PHASES },
  audit: {
    sections: { procuratorate: ['pilCivilCases'] },
    empty: pilCivilViews.audit.empty,
    evolve: (v, e) => pilCivilViews.audit.evolve(v, e),
    rows: (v: PilCivilAuditView) => ({ procuratorate: { pilCivilCases: phasedRows(v.procuratorate) } }),
  },
});
