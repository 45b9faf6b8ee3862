/**
 * The transfer flow as the registry lists it (../registry.ts): its events, the transfer each is about,
 * the phases of each agency's view, and the audit's rows — each agency's view of one transfer, folded by
 * `transferViews.audit`. The row fields are the audit's answer (apps/audit response-schemas.ts).
 */
import { defineFlow } from '../kit';
import {
  ENFORCEMENT_TRANSFER_PHASES,
  isTransferEvent,
  POLICE_TRANSFER_PHASES,
  PROCURATORATE_COPY_PHASES,
  TRANSFER_EVENT_TYPES,
  transferIdOf,
} from './transfer.flow';
import { TRANSFER_EXPECTATIONS } from './transfer.expectations';
import { transferViews, type TransferAuditView } from './transfer.views';

/** The audit's rows of one transfer: enforcement's transfer, each police office's, the copy, the opinion. */
function auditRows(v: TransferAuditView) {
  const e = v.enforcement;
  const c = v.procuratorate;
  return {
    enforcement: {
      transfers: e
        ? [
            {
              transferId: e.transferId,
              caseId: e.caseId,
              agencyId: e.agencyId,
              phase: e.phase,
              since: e.phaseAt ?? '',
              policeAgencyId: e.policeAgencyId,
              procuratorateAgencyId: e.procuratorateAgencyId,
              reviewVariant: e.reviewVariant,
              policeCaseNumber: e.policeCaseNumber,
              missingMaterials: [...e.missingMaterials],
              filingReviewOverdue: e.filingReviewOverdue,
              supervisionId: e.supervisionId,
            },
          ]
        : [],
    },
    police: {
      transfers: [...v.police]
        .sort((a, b) => a.agencyId.localeCompare(b.agencyId))
        .map((t) => ({
          transferId: t.transferId,
          agencyId: t.agencyId,
          phase: t.phase,
          since: t.phaseAt ?? '',
          fromAgencyId: t.fromAgencyId,
          receiptNumber: t.receiptNumber,
          reviewVariant: t.reviewVariant,
          policeCaseNumber: t.policeCaseNumber,
        })),
    },
    procuratorate: {
      transferCopies: c
        ? [
            {
              transferId: c.transferId,
              agencyId: c.agencyId,
              status: c.phase,
              since: c.phaseAt ?? '',
              policeAgencyId: c.policeAgencyId,
              reviewVariant: c.reviewVariant,
              policeCaseNumber: c.policeCaseNumber,
              supervisionRequested: c.supervisionRequested,
              supervisionGround: c.supervisionGround,
              supervisionId: c.supervisionId,
            },
          ]
        : [],
      transferOpinions: v.opinion ? [{ ...v.opinion }] : [],
    },
  };
}

/** The transfer flow (案件移送, flows.md §1) for the registry. */
export const transferFlow = defineFlow({
  name: 'transfer',
  eventTypes: TRANSFER_EVENT_TYPES,
  isEvent: isTransferEvent,
  subjectOf: transferIdOf,
  phases: {
    enforcement: ENFORCEMENT_TRANSFER_PHASES,
    police: POLICE_TRANSFER_PHASES,
    procuratorate: PROCURATORATE_COPY_PHASES,
  },
  audit: {
    sections: {
      enforcement: ['transfers'],
      police: ['transfers'],
      procuratorate: ['transferCopies', 'transferOpinions'],
    },
    empty: transferViews.audit.empty,
    evolve: (v, e, ctx) =>
      transferViews.audit.evolve(v, e, {
        // enforcement opens a transfer on an opinion about a case it owns
        opinionAccepted: (o) =>
          !!ctx.case &&
          ctx.case.caseId === o.payload.caseId &&
          ctx.case.enforcementAgencyId === o.payload.enforcementAgencyId,
      }),
    rows: auditRows,
  },
  supervision: { expectations: TRANSFER_EXPECTATIONS },
});
