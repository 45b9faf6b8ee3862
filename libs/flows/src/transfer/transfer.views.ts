/**
 * Each agency's view of one transfer, and the audit's view of all of them, as pure folds:
 * `evolve(view, event) → view`. The apps' consumers, their command handlers (through the phases) and
 * the audit projector read the same functions, so an act means the same thing everywhere.
 *
 * Every phase change goes through `moveTo` (kit/later-act-wins): an act older than the one that set the
 * phase does not move it (events of one transfer come from several topics and may be learnt out of
 * order). Facts that only accumulate (a receipt number, a police case number, the review variant) are
 * recorded whatever the order. Each switch is exhaustive: a transfer event type without a case does
 * not compile. Pure: no framework, no I/O, no clock.
 */
import { agencyIdKind, AGENCY_ID_PATTERN, stillMissing, type SupervisionGround } from '@casebridge/contracts';
import { moveTo, unhandled, type FlowEvent, type Phased } from '../kit';
import {
  SUPERVISABLE_PHASES,
  type EnforcementTransferPhase,
  type PoliceTransferPhase,
  type ProcuratorateCopyPhase,
  type TransferEvent,
  type TransferEventPayloads,
} from './transfer.flow';

const isKind = (agencyId: string | undefined, kind: string): agencyId is string =>
  !!agencyId && AGENCY_ID_PATTERN.test(agencyId) && agencyIdKind(agencyId) === kind;

// ---- enforcement --------------------------------------------------------------------------------

/** The enforcement agency's view of one of its transfers. */
export interface EnforcementTransferView extends Phased<EnforcementTransferPhase> {
  transferId: string;
  caseId: string;
  /** the enforcement agency that owns the transfer */
  agencyId: string;
  policeAgencyId: string | null;
  procuratorateAgencyId: string | null;
  reviewVariant: string;
  policeCaseNumber: string | null;
  /** the police reasons of the latest refusal (not-filed, returned-for-penalty, upheld) */
  policeReasons: string | null;
  /** kinds the police asked for and not yet supplemented */
  missingMaterials: string[];
  /** the workflow reported transfer.filing-review missed: the agency shall ask for supervision (E17 art 12) */
  filingReviewOverdue: boolean;
  supervisionId: string | null;
}

/**
 * A new enforcement view: on its own crime-suspected, or on a procuratorate opinion about a case it
 * owns (whether it does is the caller's check: the app's case table, the audit's case facts).
 */
function openEnforcement(
  e:
    | FlowEvent<'transfer.crime-suspected', TransferEventPayloads['transfer.crime-suspected']>
    | FlowEvent<'transfer.procuratorate-opinion', TransferEventPayloads['transfer.procuratorate-opinion']>,
): EnforcementTransferView {
  const fromOpinion = e.type === 'transfer.procuratorate-opinion';
  return {
    transferId: e.payload.transferId,
    caseId: e.payload.caseId,
    phase: fromOpinion ? 'opinion-received' : 'suspected',
    phaseAt: e.occurredAt,
    agencyId: fromOpinion ? e.payload.enforcementAgencyId : e.producer.agencyId,
    policeAgencyId: null,
    procuratorateAgencyId: fromOpinion ? e.producer.agencyId : null,
    reviewVariant: 'standard',
    policeCaseNumber: null,
    policeReasons: null,
    missingMaterials: [],
    filingReviewOverdue: false,
    supervisionId: null,
  };
}

function evolveEnforcement(v: EnforcementTransferView, e: TransferEvent): EnforcementTransferView {
  switch (e.type) {
    case 'transfer.crime-suspected':
    case 'transfer.procuratorate-opinion':
      return v; // they open a view (openEnforcement), never change one
    case 'transfer.team-reported':
      return moveTo(v, e, 'reported');
    case 'transfer.head-decided':
      return moveTo(v, e, e.payload.decision === 'approved' ? 'approved' : 'refused');
    case 'transfer.sent':
      return moveTo(v, e, 'sent', {
        with: { policeAgencyId: e.payload.toAgencyId, procuratorateAgencyId: e.payload.copyToAgencyId },
      });
    case 'transfer.materials-supplemented': {
      // a partial supplement leaves the request open (transfer.materials-supplement)
      const w = { ...v, missingMaterials: stillMissing(v.missingMaterials, e.payload.items) };
      return w.missingMaterials.length > 0 ? w : moveTo(w, e, 'received', { from: ['materials-requested'] });
    }
    case 'transfer.reconsideration-requested':
      return moveTo(v, e, 'reconsideration-requested');
    case 'transfer.items-handed-over':
      return moveTo(v, e, 'items-handed-over');
    case 'filing-supervision.requested':
      return moveTo(v, e, 'supervision-requested');
    case 'transfer.receipt-signed':
      return moveTo(v, e, 'received', { from: ['sent'] });
    case 'transfer.forwarded':
      return e.payload.mode === 'forwarded'
        ? moveTo(v, e, 'sent', { with: { policeAgencyId: e.payload.toAgencyId ?? v.policeAgencyId } })
        : moveTo(v, e, 'returned-not-competent');
    case 'transfer.materials-requested':
      return moveTo(v, e, 'materials-requested', { with: { missingMaterials: [...e.payload.missing] } });
    case 'transfer.review-extended':
      return { ...v, reviewVariant: e.payload.variant };
    case 'transfer.filing-decided':
      return moveTo(
        { ...v, policeCaseNumber: e.payload.policeCaseNumber ?? v.policeCaseNumber },
        e,
        e.payload.outcome,
        { with: { policeReasons: e.payload.reasons ?? null } },
      );
    case 'transfer.reconsideration-decided': {
      const w = { ...v, policeCaseNumber: e.payload.policeCaseNumber ?? v.policeCaseNumber };
      return e.payload.outcome === 'upheld'
        ? moveTo(w, e, 'upheld', { with: { policeReasons: e.payload.reasons } })
        : moveTo(w, e, 'filed');
    }
    case 'filing-supervision.opened':
      return moveTo(v, e, 'under-supervision', {
        from: SUPERVISABLE_PHASES,
        with: { supervisionId: e.payload.supervisionId },
      });
    case 'filing-supervision.reasons-accepted':
      return moveTo(v, e, 'non-filing-final');
    case 'deadline.missed':
      return e.payload.ruleId === 'transfer.filing-review' && e.payload.subjectId === v.transferId
        ? { ...v, filingReviewOverdue: true }
        : v;
    default:
      return unhandled(e);
  }
}

// ---- police -------------------------------------------------------------------------------------

/** One police office's view of a transfer sent or forwarded to it. */
export interface PoliceTransferView extends Phased<PoliceTransferPhase> {
  transferId: string;
  /** the police office holding this view */
  agencyId: string;
  fromAgencyId: string;
  receiptNumber: string | null;
  reviewVariant: string;
  policeCaseNumber: string | null;
  decisionReasons: string | null;
  missingMaterials: string[];
}

/** The police office's new view when a transfer is sent to it; null when the addressee is not a police office. */
function openPolice(e: FlowEvent<'transfer.sent', TransferEventPayloads['transfer.sent']>): PoliceTransferView | null {
  if (!isKind(e.payload.toAgencyId, 'police')) return null;
  return {
    transferId: e.payload.transferId,
    agencyId: e.payload.toAgencyId,
    fromAgencyId: e.payload.fromAgencyId,
    phase: 'awaiting-receipt',
    phaseAt: e.occurredAt,
    receiptNumber: null,
    reviewVariant: 'standard',
    policeCaseNumber: null,
    decisionReasons: null,
    missingMaterials: [],
  };
}

/** The competent office's new view when another office forwards the transfer to it (flows.md §1 step 4); null on a return. */
function openForwarded(
  from: PoliceTransferView,
  e: FlowEvent<'transfer.forwarded', TransferEventPayloads['transfer.forwarded']>,
): PoliceTransferView | null {
  if (e.payload.mode !== 'forwarded' || !e.payload.toAgencyId) return null;
  return {
    ...from,
    agencyId: e.payload.toAgencyId,
    phase: 'awaiting-receipt',
    phaseAt: e.occurredAt,
    receiptNumber: null,
    reviewVariant: 'standard',
  };
}

/**
 * A police act changes the acting office's own view; an enforcement act changes the view of the office
 * that holds the transfer now (not one that forwarded it).
 */
function evolvePolice(v: PoliceTransferView, e: TransferEvent): PoliceTransferView {
  const own = e.producer.agencyId === v.agencyId;
  const active = v.phase !== 'forwarded';
  switch (e.type) {
    case 'transfer.receipt-signed':
      return own ? moveTo(v, e, 'received', { with: { receiptNumber: e.payload.receiptNumber } }) : v;
    case 'transfer.forwarded':
      return own ? moveTo(v, e, e.payload.mode === 'forwarded' ? 'forwarded' : 'returned') : v;
    case 'transfer.materials-requested':
      return own ? moveTo(v, e, 'materials-requested', { with: { missingMaterials: [...e.payload.missing] } }) : v;
    case 'transfer.review-extended':
      return own ? { ...v, reviewVariant: e.payload.variant } : v;
    case 'transfer.filing-decided':
      return own
        ? moveTo(v, e, e.payload.outcome, {
            with: { policeCaseNumber: e.payload.policeCaseNumber ?? null, decisionReasons: e.payload.reasons ?? null },
          })
        : v;
    case 'transfer.reconsideration-decided':
      return own
        ? moveTo(v, e, e.payload.outcome === 'upheld' ? 'upheld' : 'filed', {
            with: { policeCaseNumber: e.payload.policeCaseNumber ?? v.policeCaseNumber },
          })
        : v;
    case 'transfer.materials-supplemented': {
      if (!active) return v;
      const w = { ...v, missingMaterials: stillMissing(v.missingMaterials, e.payload.items) };
      return w.missingMaterials.length > 0 ? w : moveTo(w, e, 'received', { from: ['materials-requested'] });
    }
    case 'transfer.reconsideration-requested':
      return active ? moveTo(v, e, 'reconsidering', { from: ['not-filed'] }) : v;
    case 'transfer.crime-suspected':
    case 'transfer.procuratorate-opinion':
    case 'transfer.team-reported':
    case 'transfer.head-decided':
    case 'transfer.sent': // opens a view (openPolice), never changes one
    case 'transfer.items-handed-over': // on the timeline only
    case 'filing-supervision.requested':
    case 'filing-supervision.opened': // the police keep supervision matters apart (filing-supervision flow)
    case 'filing-supervision.reasons-accepted':
    case 'deadline.missed':
      return v;
    default:
      return unhandled(e);
  }
}

// ---- procuratorate ------------------------------------------------------------------------------

/** The procuratorate's copy of a transfer: where it stands on the police side, as the copies tell it. */
export interface ProcuratorateCopyView extends Phased<ProcuratorateCopyPhase> {
  transferId: string;
  /** the procuratorate holding the copy (copyToAgencyId of transfer.sent) */
  agencyId: string;
  policeAgencyId: string;
  receiptNumber: string | null;
  reviewVariant: string;
  policeCaseNumber: string | null;
  policeReasons: string | null;
  missingMaterials: string[];
  /** a request for filing supervision is pending (not yet acted on) */
  supervisionRequested: boolean;
  supervisionGround: Exclude<SupervisionGround, 'own-motion'> | null;
  supervisionReasons: string | null;
  supervisionId: string | null;
}

/** The copy (transfer.copy-to-procuratorate); null when the copy is not addressed to a procuratorate. */
function openCopy(e: FlowEvent<'transfer.sent', TransferEventPayloads['transfer.sent']>): ProcuratorateCopyView | null {
  if (!isKind(e.payload.copyToAgencyId, 'procuratorate')) return null;
  return {
    transferId: e.payload.transferId,
    agencyId: e.payload.copyToAgencyId,
    policeAgencyId: e.payload.toAgencyId,
    phase: 'sent',
    phaseAt: e.occurredAt,
    receiptNumber: null,
    reviewVariant: 'standard',
    policeCaseNumber: null,
    policeReasons: null,
    missingMaterials: [],
    supervisionRequested: false,
    supervisionGround: null,
    supervisionReasons: null,
    supervisionId: null,
  };
}

function evolveCopy(v: ProcuratorateCopyView, e: TransferEvent): ProcuratorateCopyView {
  switch (e.type) {
    case 'transfer.receipt-signed':
      return moveTo({ ...v, receiptNumber: e.payload.receiptNumber }, e, 'received', { from: ['sent'] });
    case 'transfer.forwarded':
      return e.payload.mode === 'forwarded'
        ? moveTo(v, e, 'sent', { with: { policeAgencyId: e.payload.toAgencyId ?? v.policeAgencyId } })
        : moveTo(v, e, 'returned-not-competent');
    case 'transfer.materials-requested':
      return moveTo(v, e, 'materials-requested', { with: { missingMaterials: [...e.payload.missing] } });
    case 'transfer.materials-supplemented': {
      const w = { ...v, missingMaterials: stillMissing(v.missingMaterials, e.payload.items) };
      return w.missingMaterials.length > 0 ? w : moveTo(w, e, 'received', { from: ['materials-requested'] });
    }
    case 'transfer.review-extended':
      return { ...v, reviewVariant: e.payload.variant };
    case 'transfer.filing-decided':
      return moveTo(
        { ...v, policeCaseNumber: e.payload.policeCaseNumber ?? v.policeCaseNumber },
        e,
        e.payload.outcome,
        { with: { policeReasons: e.payload.reasons ?? null } },
      );
    case 'transfer.reconsideration-requested':
      return moveTo(v, e, 'reconsideration-requested');
    case 'transfer.reconsideration-decided': {
      const w = { ...v, policeCaseNumber: e.payload.policeCaseNumber ?? v.policeCaseNumber };
      return e.payload.outcome === 'upheld'
        ? moveTo(w, e, 'upheld', { with: { policeReasons: e.payload.reasons } })
        : moveTo(w, e, 'filed');
    }
    case 'transfer.items-handed-over':
      return moveTo(v, e, 'items-handed-over');
    case 'filing-supervision.requested':
      // addressed to another procuratorate: not this copy's request
      return e.payload.procuratorateAgencyId === v.agencyId
        ? {
            ...v,
            supervisionRequested: true,
            supervisionGround: e.payload.ground,
            supervisionReasons: e.payload.reasons,
          }
        : v;
    case 'filing-supervision.opened':
      return { ...v, supervisionRequested: false, supervisionId: e.payload.supervisionId };
    case 'transfer.crime-suspected':
    case 'transfer.procuratorate-opinion':
    case 'transfer.team-reported':
    case 'transfer.head-decided':
    case 'transfer.sent': // opens the copy (openCopy), never changes it
    case 'filing-supervision.reasons-accepted': // the procuratorate's supervision record says it
    case 'deadline.missed':
      return v;
    default:
      return unhandled(e);
  }
}

// ---- audit: every agency's view of one transfer -------------------------------------------------

/** The procuratorial opinion (检察意见, E17 art 14) that told an enforcement agency to transfer a case. */
export interface TransferOpinionView {
  transferId: string;
  caseId: string;
  procuratorateAgencyId: string;
  enforcementAgencyId: string;
  issuedAt: string;
  /** event time of the transfer.sent that followed it (transfer.after-procuratorate-opinion met) */
  transferSentAt: string | null;
}

/** What each agency had on file about one transfer (the audit's replay of the case). */
export interface TransferAuditView {
  enforcement: EnforcementTransferView | null;
  /** one view per police office the transfer was sent or forwarded to, in the order they got it */
  police: PoliceTransferView[];
  procuratorate: ProcuratorateCopyView | null;
  /** the procuratorate's opinion the transfer answers, when it began with one */
  opinion: TransferOpinionView | null;
}

export interface AuditContext {
  /** whether the enforcement agency named by a procuratorate opinion owns its case (then it opens a transfer on it) */
  opinionAccepted: (
    e: FlowEvent<'transfer.procuratorate-opinion', TransferEventPayloads['transfer.procuratorate-opinion']>,
  ) => boolean;
}

const EMPTY: TransferAuditView = { enforcement: null, police: [], procuratorate: null, opinion: null };

/** The audit's fold: each agency's view evolved by the same functions the agency's app uses, views opened where the apps open them. */
function evolveAudit(v: TransferAuditView, e: TransferEvent, ctx: AuditContext): TransferAuditView {
  let enforcement = v.enforcement ? evolveEnforcement(v.enforcement, e) : null;
  let police = v.police.map((row) => evolvePolice(row, e));
  let procuratorate = v.procuratorate ? evolveCopy(v.procuratorate, e) : null;
  if (
    e.type === 'transfer.crime-suspected' ||
    (e.type === 'transfer.procuratorate-opinion' && ctx.opinionAccepted(e))
  ) {
    enforcement ??= openEnforcement(e);
  }
  let opinion = v.opinion;
  if (e.type === 'transfer.procuratorate-opinion') {
    opinion ??= {
      transferId: e.payload.transferId,
      caseId: e.payload.caseId,
      procuratorateAgencyId: e.producer.agencyId,
      enforcementAgencyId: e.payload.enforcementAgencyId,
      issuedAt: e.occurredAt,
      transferSentAt: null,
    };
  }
  if (e.type === 'transfer.sent') {
    if (opinion && !opinion.transferSentAt) opinion = { ...opinion, transferSentAt: e.occurredAt };
    const row = openPolice(e);
    if (row && !police.some((r) => r.agencyId === row.agencyId)) police = [...police, row];
    procuratorate ??= openCopy(e);
  }
  if (e.type === 'transfer.forwarded') {
    const from = v.police.find((r) => r.agencyId === e.producer.agencyId);
    const row = from ? openForwarded(from, e) : null;
    if (row && !police.some((r) => r.agencyId === row.agencyId)) police = [...police, row];
  }
  return { enforcement, police, procuratorate, opinion };
}

/** The views of the transfer flow: evolve for each agency and for audit, and where each view opens. */
export const transferViews = {
  enforcement: { open: openEnforcement, evolve: evolveEnforcement },
  police: { open: openPolice, openForwarded, evolve: evolvePolice },
  procuratorate: { open: openCopy, evolve: evolveCopy },
  audit: { empty: EMPTY, evolve: evolveAudit },
} as const;
