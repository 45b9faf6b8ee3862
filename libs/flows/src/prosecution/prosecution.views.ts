/**
 * Each agency's view of one prosecution, and the audit's view of all of them, as pure folds:
 * `evolve(view, event) → view`. The police and procuratorate apps, the enforcement app (its notices) and
 * the audit projector read the same functions. Every phase change goes through `moveTo` (the later act
 * wins); facts that only accumulate (case file items, rounds) are recorded whatever the order. Each switch
 * is exhaustive. Pure: no framework, no I/O, no clock.
 */
import type { CaseFileItem } from '@casebridge/contracts';
import { moveTo, unhandled, type FlowEvent, type Phased } from '../kit';
import {
  ProsecutionRules,
  type EnforcementNoticePhase,
  type PoliceProsecutionPhase,
  type ProcuratorateProsecutionPhase,
  type ProsecutionEvent,
  type ProsecutionEventPayloads,
} from './prosecution.flow';

/** What the police and the procuratorate both have on file about one prosecution. */
export interface ProsecutionView<P extends string> extends Phased<P> {
  prosecutionId: string;
  /** the police transfer (立案) the case came from */
  transferId: string;
  policeAgencyId: string;
  procuratorateAgencyId: string;
  /** the enforcement agency that transferred the case to the police, if any (told of a non-prosecution) */
  enforcementAgencyId: string | null;
  policeCaseNumber: string;
  summary: string;
  /** the case file as sent, then the items added by each re-submission */
  caseFile: CaseFileItem[];
  /** rounds of supplementary investigation so far (0–2) */
  rounds: number;
  /** reasons of the latest return */
  returnReasons: string | null;
  reviewVariant: 'standard' | 'extended';
  extensionReasons: string | null;
  /** the workflow reported prosecution.review missed */
  reviewOverdue: boolean;
  courtAgencyId: string | null;
  decisionReasons: string | null;
  penaltyOpinion: string | null;
  /** ISO-8601: when enforcement was notified of a non-prosecution */
  notifiedAt: string | null;
}
export type ProcuratorateProsecutionView = ProsecutionView<ProcuratorateProsecutionPhase>;
export type PoliceProsecutionView = ProsecutionView<PoliceProsecutionPhase>;

type Transferred = FlowEvent<'prosecution.transferred', ProsecutionEventPayloads['prosecution.transferred']>;

/** A new view of either side, opened by the transfer for prosecution (phase under-review). */
function open<P extends string>(e: Transferred): ProsecutionView<P> {
  const p = e.payload;
  return {
    prosecutionId: p.prosecutionId,
    transferId: p.transferId,
    phase: 'under-review' as P,
    phaseAt: e.occurredAt,
    policeAgencyId: p.policeAgencyId,
    procuratorateAgencyId: p.procuratorateAgencyId,
    enforcementAgencyId: p.enforcementAgencyId ?? null,
    policeCaseNumber: p.policeCaseNumber,
    summary: p.summary,
    caseFile: [...p.caseFile],
    rounds: 0,
    returnReasons: null,
    reviewVariant: 'standard',
    extensionReasons: null,
    reviewOverdue: false,
    courtAgencyId: null,
    decisionReasons: null,
    penaltyOpinion: null,
    notifiedAt: null,
  };
}

/** The facts every side records, and the phase it moves to (null: no phase change). */
function facts<P extends string>(
  v: ProsecutionView<P>,
  e: ProsecutionEvent,
  notifiedPhase: P | null,
): ProsecutionView<P> {
  switch (e.type) {
    case 'prosecution.transferred':
      return v; // opens a view (open), never changes one
    case 'prosecution.review-extended':
      return { ...v, reviewVariant: 'extended', extensionReasons: e.payload.reasons };
    case 'prosecution.returned-for-investigation':
      return moveTo({ ...v, rounds: Math.max(v.rounds, e.payload.round) }, e, 'returned' as P, {
        with: { returnReasons: e.payload.reasons, reviewOverdue: false } as Partial<ProsecutionView<P>>,
      });
    case 'prosecution.resubmitted': {
      const known = new Set(v.caseFile.map((i) => i.sha256));
      const added = e.payload.caseFile.filter((i) => !known.has(i.sha256));
      // a new review clock starts (CPL art 175): the standard variant again
      return moveTo({ ...v, caseFile: [...v.caseFile, ...added], summary: e.payload.summary }, e, 'under-review' as P, {
        from: ['returned' as P],
        with: { reviewVariant: 'standard', extensionReasons: null } as Partial<ProsecutionView<P>>,
      });
    }
    case 'prosecution.decided':
      return moveTo(v, e, e.payload.outcome as P, {
        with: {
          courtAgencyId: e.payload.courtAgencyId ?? null,
          decisionReasons: e.payload.reasons ?? null,
          penaltyOpinion: e.payload.penaltyOpinion ?? null,
          reviewOverdue: false,
        } as Partial<ProsecutionView<P>>,
      });
    case 'prosecution.nonprosecution-notified': {
      const w = { ...v, notifiedAt: e.occurredAt, penaltyOpinion: e.payload.penaltyOpinion ?? v.penaltyOpinion };
      return notifiedPhase ? moveTo(w, e, notifiedPhase) : w;
    }
    case 'deadline.missed':
      return e.payload.ruleId === ProsecutionRules.review && v.phase === 'under-review'
        ? { ...v, reviewOverdue: true }
        : v;
    default:
      return unhandled(e);
  }
}

function evolveProcuratorate(v: ProcuratorateProsecutionView, e: ProsecutionEvent): ProcuratorateProsecutionView {
  return facts(v, e, 'enforcement-notified');
}

function evolvePolice(v: PoliceProsecutionView, e: ProsecutionEvent): PoliceProsecutionView {
  return facts(v, e, null);
}

// ---- enforcement: the notice of a non-prosecution --------------------------------------------------

/** The enforcement agency's notice of a non-prosecution (E17 art 18). */
export interface EnforcementNoticeView extends Phased<EnforcementNoticePhase> {
  prosecutionId: string;
  transferId: string;
  enforcementAgencyId: string;
  procuratorateAgencyId: string;
  reasons: string;
  /** 检察意见 proposing an administrative penalty, if any */
  penaltyOpinion: string | null;
  /** ISO-8601 */
  notifiedAt: string;
}

function openNotice(
  e: FlowEvent<'prosecution.nonprosecution-notified', ProsecutionEventPayloads['prosecution.nonprosecution-notified']>,
): EnforcementNoticeView {
  return {
    prosecutionId: e.payload.prosecutionId,
    transferId: e.payload.transferId,
    enforcementAgencyId: e.payload.enforcementAgencyId,
    procuratorateAgencyId: e.producer.agencyId,
    reasons: e.payload.reasons,
    penaltyOpinion: e.payload.penaltyOpinion ?? null,
    notifiedAt: e.occurredAt,
    phase: 'notified',
    phaseAt: e.occurredAt,
  };
}

// ---- audit ------------------------------------------------------------------------------------------

/** What each agency had on file about one prosecution (the audit's replay). */
export interface ProsecutionAuditView {
  police: PoliceProsecutionView | null;
  procuratorate: ProcuratorateProsecutionView | null;
  enforcement: EnforcementNoticeView | null;
}

const EMPTY: ProsecutionAuditView = { police: null, procuratorate: null, enforcement: null };

function evolveAudit(v: ProsecutionAuditView, e: ProsecutionEvent): ProsecutionAuditView {
  if (e.type === 'prosecution.transferred') {
    return {
      police: v.police ?? open<PoliceProsecutionPhase>(e),
      procuratorate: v.procuratorate ?? open<ProcuratorateProsecutionPhase>(e),
      enforcement: v.enforcement,
    };
  }
  return {
    police: v.police ? evolvePolice(v.police, e) : null,
    procuratorate: v.procuratorate ? evolveProcuratorate(v.procuratorate, e) : null,
    enforcement: v.enforcement ?? (e.type === 'prosecution.nonprosecution-notified' ? openNotice(e) : v.enforcement),
  };
}

/** The views of the prosecution flow: where each opens and how it evolves, per agency and for audit. */
export const prosecutionViews = {
  police: { open: (e: Transferred) => open<PoliceProsecutionPhase>(e), evolve: evolvePolice },
  procuratorate: { open: (e: Transferred) => open<ProcuratorateProsecutionPhase>(e), evolve: evolveProcuratorate },
  enforcement: { open: openNotice },
  audit: { empty: EMPTY, evolve: evolveAudit },
} as const;
