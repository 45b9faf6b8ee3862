/**
 * The prosecution flow as the registry lists it (../registry.ts): its events, the prosecution each is
 * about, the phases of each agency's view, and the audit's rows — the police's and the procuratorate's
 * view of one prosecution and enforcement's notice of a non-prosecution, folded by `prosecutionViews.audit`.
 * Rows are the views' fields with `since` for `phaseAt` (kit `phasedRows`).
 */
import { defineFlow, phasedRows } from '../kit';
import {
  ENFORCEMENT_NOTICE_PHASES,
  isProsecutionEvent,
  POLICE_PROSECUTION_PHASES,
  PROCURATORATE_PROSECUTION_PHASES,
  PROSECUTION_EVENT_TYPES,
  prosecutionIdOf,
} from './prosecution.flow';
import { prosecutionViews, type ProsecutionAuditView } from './prosecution.views';

function auditRows(v: ProsecutionAuditView) {
  return {
    enforcement: { nonProsecutionNotices: phasedRows(v.enforcement) },
    police: { prosecutions: phasedRows(v.police) },
    procuratorate: { prosecutions: phasedRows(v.procuratorate) },
  };
}

/** The prosecution flow (审查起诉, flows.md) for the registry. */
export const prosecutionDefinition = defineFlow({
  name: 'prosecution',
  eventTypes: PROSECUTION_EVENT_TYPES,
  isEvent: isProsecutionEvent,
  subjectOf: prosecutionIdOf,
  phases: {
    enforcement: ENFORCEMENT_NOTICE_PHASES,
    police: POLICE_PROSECUTION_PHASES,
    procuratorate: PROCURATORATE_PROSECUTION_PHASES,
  },
  audit: {
    sections: {
      enforcement: ['nonProsecutionNotices'],
      police: ['prosecutions'],
      procuratorate: ['prosecutions'],
    },
    empty: prosecutionViews.audit.empty,
    evolve: (v, e) => prosecutionViews.audit.evolve(v, e),
    rows: auditRows,
  },
});
