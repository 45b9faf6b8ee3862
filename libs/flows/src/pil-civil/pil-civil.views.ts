/**
 * The procuratorate's view of one civil PIL case and the audit's view, as pure folds. Phase changes go
 * through `moveTo` (the later act wins); organisations that came forward and the waiting for a damage
 * consultation accumulate whatever the order. Exhaustive switch. Pure.
 */
import type { PilOrganisationFacts } from '@casebridge/contracts';
import { moveTo, overdue, unhandled, type FlowEvent, type Phased } from '../kit';
import {
  PIL_CIVIL_RULES,
  type PilCivilEvent,
  type PilCivilEventPayloads,
  type ProcuratoratePilCivilPhase,
} from './pil-civil.flow';

/** An organisation that came forward, with the verdict on its eligibility. */
export interface PilOrganisationEntry {
  at: string;
  organisation: PilOrganisationFacts;
  eligible: boolean;
  reasons: string[];
}

/** The procuratorate's view of one of its civil PIL cases. */
export interface ProcuratoratePilCivilView extends Phased<ProcuratoratePilCivilPhase> {
  pilCaseId: string;
  agencyId: string;
  kind: 'civil' | 'criminal-incidental-civil';
  facts: string;
  findings: string | null;
  announcedAt: string | null;
  channel: string | null;
  organisations: PilOrganisationEntry[];
  /** the eligible organisation the procuratorate may support, or null */
  plaintiff: string | null;
  /** the damage consultation on the same conduct the case waits for (its clock suspended), or null */
  waitingForEdcCaseId: string | null;
  waiting: boolean;
  courtAgencyId: string | null;
}

type Opened = FlowEvent<'pil.case-opened', PilCivilEventPayloads['pil.case-opened']>;

function openProcuratorate(e: Opened): ProcuratoratePilCivilView | null {
  if (e.payload.kind === 'administrative') return null;
  return {
    pilCaseId: e.payload.pilCaseId,
    phase: 'opened',
    phaseAt: e.occurredAt,
    agencyId: e.producer.agencyId,
    kind: e.payload.kind,
    facts: e.payload.facts,
    findings: null,
    announcedAt: null,
    channel: null,
    organisations: [],
    plaintiff: null,
    waitingForEdcCaseId: null,
    waiting: false,
    courtAgencyId: null,
  };
}

function evolveProcuratorate(v: ProcuratoratePilCivilView, e: PilCivilEvent): ProcuratoratePilCivilView {
  switch (e.type) {
    case 'pil.case-opened':
      return v;
    case 'pil.investigation-recorded':
      return moveTo({ ...v, findings: e.payload.findings }, e, 'investigated', { from: ['opened', 'investigated'] });
    case 'pil.announcement-published':
      return moveTo(v, e, 'announced', { with: { announcedAt: e.occurredAt, channel: e.payload.channel } });
    case 'pil.organisation-assessed': {
      const entry: PilOrganisationEntry = {
        at: e.occurredAt,
        organisation: e.payload.organisation,
        eligible: e.payload.eligible,
        reasons: e.payload.reasons,
      };
      const w = {
        ...v,
        organisations: [...v.organisations, entry].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
      };
      return e.payload.eligible
        ? moveTo(w, e, 'organisation-forward', {
            from: ['announced', 'announcement-ended'],
            with: { plaintiff: e.payload.organisation.name },
          })
        : w;
    }
    case 'pil.clock-changed':
      return e.payload.state === 'suspended'
        ? { ...v, waiting: true, waitingForEdcCaseId: e.payload.edcCaseId ?? v.waitingForEdcCaseId }
        : { ...v, waiting: false, waitingForEdcCaseId: null };
    case 'pil.suit-supported':
      return moveTo(v, e, 'supported', { with: { courtAgencyId: e.payload.courtAgencyId } });
    case 'pil.suit-filed':
      return moveTo(v, e, 'sued', { with: { courtAgencyId: e.payload.courtAgencyId } });
    case 'deadline.missed':
      // a minimum period: "missed" = the 30 days have run; the procuratorate may now sue
      return e.payload.ruleId === PIL_CIVIL_RULES.announcement ? overdue(v, 'announcement-ended', ['announced']) : v;
    default:
      return unhandled(e);
  }
}

/** The audit's view of a civil PIL case (only the procuratorate keeps a file on it). */
export interface PilCivilAuditView {
  procuratorate: ProcuratoratePilCivilView | null;
}

const EMPTY: PilCivilAuditView = { procuratorate: null };

function evolveAudit(v: PilCivilAuditView, e: PilCivilEvent): PilCivilAuditView {
  if (v.procuratorate) return { procuratorate: evolveProcuratorate(v.procuratorate, e) };
  return e.type === 'pil.case-opened' ? { procuratorate: openProcuratorate(e) } : v;
}

export const pilCivilViews = {
  procuratorate: { open: openProcuratorate, evolve: evolveProcuratorate },
  audit: { empty: EMPTY, evolve: evolveAudit },
} as const;
