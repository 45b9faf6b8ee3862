/**
 * The consultation flow as the registry lists it (../registry.ts): its events, the consultation each is
 * about, the phases, and the audit's rows — the one view both parties fold (`evolveConsultation`), listed
 * for the asking and the consulted agency in the `consultations` section of its agency kind (the agency
 * id's prefix, `police:210100`), with the party's `agencyId` and `role`.
 */
import { defineFlow, partyRows } from '../kit';
import {
  CONSULTATION_EVENT_TYPES,
  CONSULTATION_PHASES,
  evolveConsultation,
  isConsultationEvent,
  type ConsultationView,
} from './consultation.flow';

const KINDS = ['enforcement', 'police', 'procuratorate'] as const;

/** Both parties' rows of one consultation, by agency kind (no rows before the question). */
function auditRows(v: ConsultationView | null) {
  if (!v) return partyRows('consultations', KINDS, null, []);
  const { phaseAt, linkedCaseId: _linked, ...rest } = v;
  return partyRows('consultations', KINDS, { ...rest, since: phaseAt ?? '' }, [
    { agencyId: v.askingAgencyId, role: 'asking' },
    { agencyId: v.consultedAgencyId, role: 'consulted' },
  ]);
}

/** The consultation flow (征求意见/咨询, flows.md) for the registry. */
export const consultationDefinition = defineFlow({
  name: 'consultation',
  eventTypes: CONSULTATION_EVENT_TYPES,
  isEvent: isConsultationEvent,
  subjectOf: (e) => e.payload.consultationId,
  phases: { asking: CONSULTATION_PHASES, consulted: CONSULTATION_PHASES },
  audit: {
    sections: Object.fromEntries(KINDS.map((k) => [k, ['consultations']])),
    empty: null as ConsultationView | null,
    evolve: (v, e) => evolveConsultation(v, e),
    rows: auditRows,
  },
});
