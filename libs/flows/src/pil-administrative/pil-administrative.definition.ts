/**
 * The administrative PIL flow as the registry lists it (../registry.ts): its events, the PIL case each is
 * about, the phases of both sides, and the audit's rows — the procuratorate's case and the respondent
 * administrative agency's recommendation (an enforcement office), folded by `pilAdministrativeViews.audit`.
 * Rows are the views' fields with `since` for `phaseAt` (kit `phasedRows`). A civil PIL case opens no view here.
 */
import { defineFlow, phasedRows } from '../kit';
import {
  AGENCY_PIL_PHASES,
  isPilAdminEvent,
  PIL_ADMIN_EVENT_TYPES,
  pilAdminCaseIdOf,
  PROCURATORATE_PIL_ADMIN_PHASES,
} from './pil-administrative.flow';
import { pilAdministrativeViews, type PilAdminAuditView } from './pil-administrative.views';

function auditRows(v: PilAdminAuditView) {
  return {
    enforcement: { pilRecommendations: phasedRows(v.agency) },
    procuratorate: { pilAdministrativeCases: phasedRows(v.procuratorate) },
  };
}

/** The administrative public-interest litigation flow (行政公益诉讼, flows.md) for the registry. */
export const pilAdministrativeDefinition = defineFlow({
  name: 'pil-administrative',
  eventTypes: PIL_ADMIN_EVENT_TYPES,
  isEvent: isPilAdminEvent,
  subjectOf: pilAdminCaseIdOf,
  phases: { procuratorate: PROCURATORATE_PIL_ADMIN_PHASES, enforcement: AGENCY_PIL_PHASES },
  audit: {
    sections: { enforcement: ['pilRecommendations'], procuratorate: ['pilAdministrativeCases'] },
    empty: pilAdministrativeViews.audit.empty,
    evolve: (v, e) => pilAdministrativeViews.audit.evolve(v, e),
    rows: auditRows,
  },
});
