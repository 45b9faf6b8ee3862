/**
 * The claimant agency's view of one ecological damage compensation case and the audit's view, as pure folds.
 * Phase changes through `moveTo` (the later act wins); meetings accumulate whatever the order. Pure.
 */
import type { PartyRef } from '@casebridge/contracts';
import { moveTo, unhandled, type FlowEvent, type Phased } from '../kit';
import {
  CLAIMANT_EDC_ACT_RULES,
  EDC_RULES_IDS,
  MAX_CONSULTATION_MEETINGS,
  type ClaimantEdcPhase,
  type EdcEvent,
  type EdcEventPayloads,
} from './edc.flow';

export interface EdcMeeting {
  round: number;
  at: string;
  minutes: string;
}

/** The claimant agency's view of one of its compensation cases. */
export interface ClaimantEdcView extends Phased<ClaimantEdcPhase> {
  edcCaseId: string;
  /** the claimant agency (an enforcement office) */
  agencyId: string;
  liableParty: PartyRef;
  noticeNumber: string;
  damage: string;
  meetings: EdcMeeting[];
  agreementSummary: string | null;
  failureReasons: string | null;
  /** edc.consultation ran out (90 days) before an agreement or a failure was recorded */
  consultationOverdue: boolean;
  courtAgencyId: string | null;
}

/** Whether another meeting may be held (at most MAX_CONSULTATION_MEETINGS). */
export function mayHoldMeeting(v: Pick<ClaimantEdcView, 'meetings'>): boolean {
  return v.meetings.length < MAX_CONSULTATION_MEETINGS;
}

/**
 * What the claimant does next, from its view — not the phase alone: meetings do not move the phase, so once the
 * last allowed meeting is held the consultation cannot go on and only an agreement or a failure is left.
 */
export function claimantEdcNext(v: Pick<ClaimantEdcView, 'phase' | 'meetings'>): string | null {
  if (v.phase === 'consulting' && !mayHoldMeeting(v))
    return `${MAX_CONSULTATION_MEETINGS} meetings held, the most edc.consultation allows: record the agreement or the failure of the consultation`;
  return CLAIMANT_EDC_ACT_RULES.next[v.phase] ?? null;
}

function openClaimant(
  e: FlowEvent<'edc.consultation-opened', EdcEventPayloads['edc.consultation-opened']>,
): ClaimantEdcView {
  return {
    edcCaseId: e.payload.edcCaseId,
    phase: 'consulting',
    phaseAt: e.occurredAt,
    agencyId: e.producer.agencyId,
    liableParty: e.payload.liableParty,
    noticeNumber: e.payload.noticeNumber,
    damage: e.payload.damage,
    meetings: [],
    agreementSummary: null,
    failureReasons: null,
    consultationOverdue: false,
    courtAgencyId: null,
  };
}

function evolveClaimant(v: ClaimantEdcView, e: EdcEvent): ClaimantEdcView {
  switch (e.type) {
    case 'edc.consultation-opened':
      return v;
    case 'edc.meeting-held':
      if (v.meetings.some((m) => m.round === e.payload.round)) return v;
      return {
        ...v,
        meetings: [...v.meetings, { round: e.payload.round, at: e.occurredAt, minutes: e.payload.minutes }].sort(
          (a, b) => a.round - b.round,
        ),
      };
    case 'edc.consultation-agreed':
      return moveTo(v, e, 'agreed', { with: { agreementSummary: e.payload.agreementSummary } });
    case 'edc.consultation-failed':
      return moveTo(v, e, 'failed', { with: { failureReasons: e.payload.reasons } });
    case 'edc.confirmation-applied':
      return moveTo(v, e, 'confirmation-applied', { with: { courtAgencyId: e.payload.courtAgencyId } });
    case 'edc.suit-filed':
      return moveTo(v, e, 'sued', { with: { courtAgencyId: e.payload.courtAgencyId } });
    case 'deadline.missed':
      return e.payload.ruleId === EDC_RULES_IDS.consultation ? { ...v, consultationOverdue: true } : v;
    default:
      return unhandled(e);
  }
}

export interface EdcAuditView {
  claimant: ClaimantEdcView | null;
}
const EMPTY: EdcAuditView = { claimant: null };

function evolveAudit(v: EdcAuditView, e: EdcEvent): EdcAuditView {
  if (v.claimant) return { claimant: evolveClaimant(v.claimant, e) };
  return e.type === 'edc.consultation-opened' ? { claimant: openClaimant(e) } : v;
}

export const edcViews = {
  claimant: { open: openClaimant, evolve: evolveClaimant },
  audit: { empty: EMPTY, evolve: evolveAudit },
} as const;
