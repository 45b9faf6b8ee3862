/**
 * The filing-supervision flow as the registry lists it (../registry.ts): its events, the supervision each
 * is about, the phases of both sides, and the audit's rows — the procuratorate's record and the police
 * office's matter, folded by `filingSupervisionViews.audit`. The row fields are the audit's answer
 * (apps/audit response-schemas.ts).
 */
import { defineFlow } from '../kit';
import {
  FILING_SUPERVISION_EVENT_TYPES,
  FILING_SUPERVISION_PHASES,
  isFilingSupervisionEvent,
  POLICE_MATTER_PHASES,
  supervisionIdOf,
} from './filing-supervision.flow';
import { FILING_SUPERVISION_EXPECTATIONS } from './filing-supervision.expectations';
import { filingSupervisionViews, type FilingSupervisionAuditView } from './filing-supervision.views';

function auditRows({ procuratorate: s, police: m }: FilingSupervisionAuditView) {
  return {
    procuratorate: {
      filingSupervisions: s
        ? [
            {
              supervisionId: s.supervisionId,
              transferId: s.transferId,
              procuratorateAgencyId: s.procuratorateAgencyId,
              policeAgencyId: s.policeAgencyId,
              ground: s.ground,
              phase: s.phase,
              since: s.phaseAt ?? '',
              noticeNumber: s.noticeNumber,
              policeFileOverdue: s.policeFileOverdue,
              escalatedTo: s.escalatedTo,
              policeCaseNumber: s.policeCaseNumber,
            },
          ]
        : [],
    },
    police: {
      supervisions: m
        ? [
            {
              supervisionId: m.supervisionId,
              transferId: m.transferId,
              agencyId: m.agencyId,
              procuratorateAgencyId: m.procuratorateAgencyId,
              phase: m.phase,
              since: m.phaseAt ?? '',
              noticeNumber: m.noticeNumber,
              correctionIssued: m.correctionIssued,
            },
          ]
        : [],
    },
  };
}

/** The filing-supervision flow (立案监督, flows.md §2) for the registry. */
export const filingSupervisionFlow = defineFlow({
  name: 'filing-supervision',
  eventTypes: FILING_SUPERVISION_EVENT_TYPES,
  isEvent: isFilingSupervisionEvent,
  subjectOf: supervisionIdOf,
  phases: { procuratorate: FILING_SUPERVISION_PHASES, police: POLICE_MATTER_PHASES },
  audit: {
    sections: { procuratorate: ['filingSupervisions'], police: ['supervisions'] },
    empty: filingSupervisionViews.audit.empty,
    evolve: (v, e) => filingSupervisionViews.audit.evolve(v, e),
    rows: auditRows,
  },
  supervision: { expectations: FILING_SUPERVISION_EXPECTATIONS },
});
