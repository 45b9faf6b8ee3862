/**
 * The procuratorate's and the respondent agency's view of one administrative PIL case, and the audit's view of
 * both, as pure folds `evolve(view, event) → view`. Phase changes go through `moveTo` (the later act wins);
 * facts that only accumulate (findings, actions, the filing upward) are recorded whatever the order. Each switch
 * is exhaustive. Pure: no framework, no I/O, no clock.
 */
import { moveTo, overdue, unhandled, type FlowEvent, type Phased } from '../kit';
import {
  PIL_ADMIN_RULES,
  PROCURATORATE_PIL_ADMIN_ACT_RULES,
  PROCURATORATE_PIL_ADMIN_ACTS,
  type AgencyPilPhase,
  type PilAdminEvent,
  type PilAdminEventPayloads,
  type ProcuratoratePilAdminPhase,
} from './pil-administrative.flow';

type Opened = FlowEvent<'pil.case-opened', PilAdminEventPayloads['pil.case-opened']>;
type Served = FlowEvent<'pil.recommendation-served', PilAdminEventPayloads['pil.recommendation-served']>;

/** One act of the agency on the recommendation, as the views list it. */
export interface PilAgencyAction {
  at: string;
  action: string;
}

// ---- procuratorate --------------------------------------------------------------------------------

/** The procuratorate's view of one of its administrative PIL cases. */
export interface ProcuratoratePilAdminView extends Phased<ProcuratoratePilAdminPhase> {
  pilCaseId: string;
  /** the procuratorate that owns the case */
  agencyId: string;
  /** the administrative agency that failed its duty */
  respondentAgencyId: string | null;
  facts: string;
  findings: string | null;
  documentNumber: string | null;
  /** standard (2 months) or urgent (15 days): pil.agency-reply */
  variant: 'standard' | 'urgent' | null;
  /** when the recommendation was filed with the next-level procuratorate (pil.recommendation-filing), or null */
  filedUpwardAt: string | null;
  agencyActions: PilAgencyAction[];
  replyOutcome: 'corrected' | 'partly-corrected' | 'not-corrected' | null;
  reply: string | null;
  closingReasons: string | null;
  courtAgencyId: string | null;
}

/**
 * What the procuratorate does next, from its view — not the phase alone: filing the recommendation upward
 * (pil.recommendation-filing) does not move the phase, so `filedUpwardAt` decides whether filing is still owed.
 */
export function procuratoratePilAdminNext(
  v: Pick<ProcuratoratePilAdminView, 'phase' | 'filedUpwardAt'>,
): string | null {
  const next = PROCURATORATE_PIL_ADMIN_ACT_RULES.next[v.phase] ?? null;
  const filingOwed =
    PROCURATORATE_PIL_ADMIN_ACTS['file-recommendation'].allowedIn.includes(v.phase) && !v.filedUpwardAt;
  if (v.phase === 'recommended')
    return filingOwed
      ? next
      : 'wait for the agency’s reply (pil.agency-reply); the recommendation is filed upward (pil.recommendation-filing)';
  return filingOwed ? `${next}; the recommendation is still to be filed upward (pil.recommendation-filing)` : next;
}

function openProcuratorate(e: Opened): ProcuratoratePilAdminView | null {
  if (e.payload.kind !== 'administrative') return null;
  return {
    pilCaseId: e.payload.pilCaseId,
    phase: 'opened',
    phaseAt: e.occurredAt,
    agencyId: e.producer.agencyId,
    respondentAgencyId: e.payload.respondentAgencyId ?? null,
    facts: e.payload.facts,
    findings: null,
    documentNumber: null,
    variant: null,
    filedUpwardAt: null,
    agencyActions: [],
    replyOutcome: null,
    reply: null,
    closingReasons: null,
    courtAgencyId: null,
  };
}

function addAction(list: readonly PilAgencyAction[], at: string, action: string): PilAgencyAction[] {
  return [...list, { at, action }].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function evolveProcuratorate(v: ProcuratoratePilAdminView, e: PilAdminEvent): ProcuratoratePilAdminView {
  switch (e.type) {
    case 'pil.case-opened':
      return v; // opens a view (openProcuratorate), never changes one
    case 'pil.investigation-recorded':
      return moveTo({ ...v, findings: e.payload.findings }, e, 'investigated', { from: ['opened', 'investigated'] });
    case 'pil.recommendation-served':
      return moveTo(v, e, 'recommended', {
        with: {
          respondentAgencyId: e.payload.agencyId,
          documentNumber: e.payload.documentNumber,
          variant: e.payload.variant,
        },
      });
    case 'pil.recommendation-filed':
      return { ...v, filedUpwardAt: v.filedUpwardAt ?? e.occurredAt };
    case 'pil.agency-action-recorded':
      return { ...v, agencyActions: addAction(v.agencyActions, e.occurredAt, e.payload.action) };
    case 'pil.agency-replied':
      return moveTo(v, e, 'replied', {
        from: ['recommended', 'reply-overdue'],
        with: { replyOutcome: e.payload.outcome, reply: e.payload.reply },
      });
    case 'pil.closing-decided':
      return moveTo(v, e, 'closing', { with: { closingReasons: e.payload.reasons } });
    case 'pil.closing-decision-served':
      return moveTo(v, e, 'closed');
    case 'pil.suit-filed':
      return moveTo(v, e, 'sued', { with: { courtAgencyId: e.payload.courtAgencyId } });
    case 'deadline.missed':
      return e.payload.ruleId === PIL_ADMIN_RULES.agencyReply ? overdue(v, 'reply-overdue', ['recommended']) : v;
    default:
      return unhandled(e);
  }
}

// ---- the respondent agency ------------------------------------------------------------------------

/** The respondent agency's view of a recommendation served on it. */
export interface AgencyPilView extends Phased<AgencyPilPhase> {
  pilCaseId: string;
  /** the agency the recommendation was served on */
  agencyId: string;
  procuratorateAgencyId: string;
  documentNumber: string;
  variant: 'standard' | 'urgent';
  actions: PilAgencyAction[];
  /** pil.agency-reply ran out before the reply */
  replyOverdue: boolean;
  replyOutcome: 'corrected' | 'partly-corrected' | 'not-corrected' | null;
  closingDocumentNumber: string | null;
  courtAgencyId: string | null;
}

function openAgency(e: Served): AgencyPilView {
  return {
    pilCaseId: e.payload.pilCaseId,
    phase: 'awaiting-reply',
    phaseAt: e.occurredAt,
    agencyId: e.payload.agencyId,
    procuratorateAgencyId: e.producer.agencyId,
    documentNumber: e.payload.documentNumber,
    variant: e.payload.variant,
    actions: [],
    replyOverdue: false,
    replyOutcome: null,
    closingDocumentNumber: null,
    courtAgencyId: null,
  };
}

function evolveAgency(v: AgencyPilView, e: PilAdminEvent): AgencyPilView {
  switch (e.type) {
    case 'pil.case-opened':
    case 'pil.investigation-recorded':
    case 'pil.recommendation-served':
    case 'pil.recommendation-filed':
    case 'pil.closing-decided':
      return v; // the procuratorate's own file: not the agency's to know (served opens the view)
    case 'pil.agency-action-recorded':
      return { ...v, actions: addAction(v.actions, e.occurredAt, e.payload.action) };
    case 'pil.agency-replied':
      return moveTo(v, e, 'replied', { from: ['awaiting-reply'], with: { replyOutcome: e.payload.outcome } });
    case 'pil.closing-decision-served':
      return moveTo(v, e, 'closed', { with: { closingDocumentNumber: e.payload.documentNumber } });
    case 'pil.suit-filed':
      return moveTo(v, e, 'sued', { with: { courtAgencyId: e.payload.courtAgencyId } });
    case 'deadline.missed':
      return e.payload.ruleId === PIL_ADMIN_RULES.agencyReply ? { ...v, replyOverdue: true } : v;
    default:
      return unhandled(e);
  }
}

// ---- audit ----------------------------------------------------------------------------------------

/** What each agency had on file about one administrative PIL case. */
export interface PilAdminAuditView {
  procuratorate: ProcuratoratePilAdminView | null;
  agency: AgencyPilView | null;
}

const EMPTY: PilAdminAuditView = { procuratorate: null, agency: null };

function evolveAudit(v: PilAdminAuditView, e: PilAdminEvent): PilAdminAuditView {
  let procuratorate = v.procuratorate ? evolveProcuratorate(v.procuratorate, e) : null;
  let agency = v.agency ? evolveAgency(v.agency, e) : null;
  if (e.type === 'pil.case-opened') procuratorate ??= openProcuratorate(e);
  if (e.type === 'pil.recommendation-served') agency ??= openAgency(e);
  return { procuratorate, agency };
}

/** The views of the administrative PIL flow: evolve for each agency and for audit, and where each view opens. */
export const pilAdministrativeViews = {
  procuratorate: { open: openProcuratorate, evolve: evolveProcuratorate },
  agency: { open: openAgency, evolve: evolveAgency },
  audit: { empty: EMPTY, evolve: evolveAudit },
} as const;
