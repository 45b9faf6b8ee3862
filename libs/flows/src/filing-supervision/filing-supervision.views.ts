/**
 * The procuratorate's record and the police office's matter of one filing supervision, and the audit's
 * view of both, as pure folds: `evolve(view, event) → view`. The apps' consumers and the audit projector
 * read the same functions, so an act means the same thing everywhere.
 *
 * Every phase change goes through `moveTo` (kit/later-act-wins): an act older than the one that set the
 * phase does not move it (the procuratorate's, the police's and the workflow's events come from three
 * topics). Facts that only accumulate (the police reasons, a notice number, a police case number) are
 * recorded whatever the order. Each switch is exhaustive. Pure: no framework, no I/O, no clock.
 */
import type { SupervisionGround } from '@casebridge/contracts';
import { moveTo, unhandled, type FlowEvent, type Phased } from '../kit';
import {
  POLICE_MAY_FILE_IN,
  supervisionIdOf,
  type FilingSupervisionEvent,
  type FilingSupervisionEventPayloads,
  type FilingSupervisionPhase,
  type PoliceMatterPhase,
} from './filing-supervision.flow';

type Opened = FlowEvent<'filing-supervision.opened', FilingSupervisionEventPayloads['filing-supervision.opened']>;

/** Whether the event is about this supervision (a filing decision or a deadline may be about another one). */
const about = (supervisionId: string, e: FilingSupervisionEvent): boolean => supervisionIdOf(e) === supervisionId;

// ---- the supervising procuratorate --------------------------------------------------------------

/** The supervising procuratorate's record of one filing supervision. */
export interface FilingSupervisionView extends Phased<FilingSupervisionPhase> {
  supervisionId: string;
  transferId: string;
  /** the supervising procuratorate (producer of filing-supervision.opened) */
  procuratorateAgencyId: string;
  policeAgencyId: string;
  enforcementAgencyId: string;
  ground: SupervisionGround;
  /** what the police were asked to explain (supervision.police-explain) */
  question: string | null;
  /** the police reasons for not filing (filing-supervision.explained) */
  policeReasons: string | null;
  /** number of the 通知立案书 (supervision.police-file) */
  noticeNumber: string | null;
  /** the workflow reported supervision.police-file missed while the notice stood: a correction may follow */
  policeFileOverdue: boolean;
  /** the workflow reported supervision.police-explain missed while reasons were owed: a notice may follow */
  policeExplainOverdue: boolean;
  escalatedTo: string | null;
  policeCaseNumber: string | null;
}

/** The procuratorate's new record on its own filing-supervision.opened. */
function openSupervision(e: Opened): FilingSupervisionView {
  return {
    supervisionId: e.payload.supervisionId,
    transferId: e.payload.transferId,
    procuratorateAgencyId: e.producer.agencyId,
    policeAgencyId: e.payload.policeAgencyId,
    enforcementAgencyId: e.payload.enforcementAgencyId,
    ground: e.payload.ground,
    phase: 'opened',
    phaseAt: e.occurredAt,
    question: null,
    policeReasons: null,
    noticeNumber: null,
    policeFileOverdue: false,
    policeExplainOverdue: false,
    escalatedTo: null,
    policeCaseNumber: null,
  };
}

function evolveSupervision(v: FilingSupervisionView, e: FilingSupervisionEvent): FilingSupervisionView {
  if (!about(v.supervisionId, e)) return v;
  switch (e.type) {
    case 'filing-supervision.opened':
      return v; // opens the record (openSupervision), never changes one
    case 'filing-supervision.explanation-required':
      return moveTo({ ...v, question: e.payload.question }, e, 'explanation-required', { from: ['opened'] });
    case 'filing-supervision.explained':
      // reasons are kept in any phase; they move the record only while they were owed
      return moveTo({ ...v, policeReasons: e.payload.reasons }, e, 'explained', { from: ['explanation-required'] });
    case 'filing-supervision.reasons-accepted':
      return moveTo(v, e, 'reasons-accepted');
    case 'filing-supervision.filing-notice-issued':
      return moveTo({ ...v, noticeNumber: e.payload.noticeNumber }, e, 'notice-to-file', {
        with: { policeFileOverdue: false },
      });
    case 'filing-supervision.correction-issued':
      return moveTo({ ...v, escalatedTo: e.payload.escalatedTo ?? null }, e, 'correction-issued');
    case 'filing-supervision.chaser-issued':
      return moveTo(v, e, 'chaser-issued', { from: ['police-filed'] });
    case 'transfer.filing-decided':
      // the police filed: after the notice to file, after a correction, or of their own accord earlier
      return e.payload.outcome === 'filed'
        ? moveTo(v, e, 'police-filed', {
            from: POLICE_MAY_FILE_IN,
            with: { policeCaseNumber: e.payload.policeCaseNumber ?? v.policeCaseNumber },
          })
        : v;
    case 'deadline.missed':
      if (e.payload.ruleId === 'supervision.police-file' && v.phase === 'notice-to-file')
        return { ...v, policeFileOverdue: true };
      if (e.payload.ruleId === 'supervision.police-explain' && v.phase === 'explanation-required')
        return { ...v, policeExplainOverdue: true };
      return v;
    default:
      return unhandled(e);
  }
}

// ---- the police office --------------------------------------------------------------------------

/** A filing supervision of one of our transfers, as the police office concerned holds it. */
export interface PoliceMatterView extends Phased<PoliceMatterPhase> {
  supervisionId: string;
  transferId: string;
  /** the police office concerned (policeAgencyId of filing-supervision.opened) */
  agencyId: string;
  procuratorateAgencyId: string;
  question: string | null;
  noticeNumber: string | null;
  correctionIssued: boolean;
}

/** The police office's new matter when the procuratorate opens supervision of its transfer. */
function openMatter(e: Opened): PoliceMatterView {
  return {
    supervisionId: e.payload.supervisionId,
    transferId: e.payload.transferId,
    agencyId: e.payload.policeAgencyId,
    procuratorateAgencyId: e.producer.agencyId,
    phase: 'opened',
    phaseAt: e.occurredAt,
    question: null,
    noticeNumber: null,
    correctionIssued: false,
  };
}

function evolveMatter(v: PoliceMatterView, e: FilingSupervisionEvent): PoliceMatterView {
  if (!about(v.supervisionId, e)) return v;
  switch (e.type) {
    case 'filing-supervision.explanation-required':
      return moveTo({ ...v, question: e.payload.question }, e, 'explanation-required');
    case 'filing-supervision.explained':
      return moveTo(v, e, 'explained');
    case 'filing-supervision.reasons-accepted':
      return moveTo(v, e, 'closed');
    case 'filing-supervision.filing-notice-issued':
      return moveTo({ ...v, noticeNumber: e.payload.noticeNumber }, e, 'notice-to-file');
    case 'filing-supervision.correction-issued':
      return { ...v, correctionIssued: true };
    case 'transfer.filing-decided':
      return e.payload.outcome === 'filed' ? moveTo(v, e, 'filed') : v;
    case 'filing-supervision.opened': // opens the matter (openMatter), never changes one
    case 'filing-supervision.chaser-issued': // on the timeline only
    case 'deadline.missed': // the procuratorate's record says it
      return v;
    default:
      return unhandled(e);
  }
}

// ---- audit: both sides of one supervision -------------------------------------------------------

/** What the procuratorate and the police office had on file about one supervision (the audit's replay). */
export interface FilingSupervisionAuditView {
  procuratorate: FilingSupervisionView | null;
  police: PoliceMatterView | null;
}

const EMPTY: FilingSupervisionAuditView = { procuratorate: null, police: null };

/** The audit's fold: each side evolved by the same functions the apps use, opened where the apps open it. */
function evolveAudit(v: FilingSupervisionAuditView, e: FilingSupervisionEvent): FilingSupervisionAuditView {
  let procuratorate = v.procuratorate ? evolveSupervision(v.procuratorate, e) : null;
  let police = v.police ? evolveMatter(v.police, e) : null;
  if (e.type === 'filing-supervision.opened') {
    procuratorate ??= openSupervision(e);
    police ??= openMatter(e);
  }
  return { procuratorate, police };
}

/** The views of the filing-supervision flow: evolve for each agency and for audit, and where each view opens. */
export const filingSupervisionViews = {
  procuratorate: { open: openSupervision, evolve: evolveSupervision },
  police: { open: openMatter, evolve: evolveMatter },
  audit: { empty: EMPTY, evolve: evolveAudit },
} as const;
