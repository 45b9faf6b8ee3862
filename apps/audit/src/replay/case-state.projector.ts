/**
 * The state of one linked case — and of each agency's own view of it — as of any instant, folded from the
 * audit ledger. Pure: no I/O, no current time (asOf is an input); the legal-time engine it uses for the
 * penalty clock is pure as well.
 *
 * Time basis: an event counts at `asOf` when its **recordedAt ≤ asOf** — recorded time is what the
 * producing agency had on file at that instant. An agency's view of another agency's act is projected as
 * if the event had reached it when it was recorded (the few milliseconds of Kafka delivery are not in the
 * ledger). Events are folded in ledger order (caseSeq), which is the order the audit service received them.
 *
 * Transfers: each agency's view is folded by the transfer flow's own functions (libs/flows
 * `transferViews.audit`), the very ones the apps' consumers use — phases, the later-act rule and all.
 * Still mirrored from the apps (not yet in libs/flows): the filing-supervision phases of the police
 *   (apps/police/src/supervision/supervision-matter.entity.ts) and of the procuratorate
 *   (apps/procuratorate/src/filing-supervision/filing-supervision.machine.ts, FILING_SUPERVISION_PHASES).
 */
import {
  type CaseRegisteredV1,
  type DeadlineClosedV1,
  type DeadlineMissedV2,
  type DeadlineStartedV1,
  type DeadlineWarningV1,
  type EvidenceAttachedV1,
  type FilingSupervisionChaserIssuedV1,
  type FilingSupervisionCorrectionIssuedV1,
  type FilingSupervisionExplainedV1,
  type FilingSupervisionExplanationRequiredV1,
  type FilingSupervisionFilingNoticeIssuedV1,
  type FilingSupervisionOpenedV1,
  type FilingSupervisionReasonsAcceptedV1,
  type PenaltyClockChangedV1,
  type SupervisionEscalatedV1,
  type SupervisionJointListedV1,
  type SupervisionPressedV2,
  type TransferFilingDecidedV1,
  type TransferProcuratorateOpinionV1,
  type TransferSentV1,
} from '@casebridge/contracts';
import {
  ENFORCEMENT_TRANSFER_PHASES,
  isTransferEvent,
  POLICE_TRANSFER_PHASES,
  PROCURATORATE_COPY_PHASES,
  TRANSFER_EVENT_TYPES,
  transferIdOf,
  transferViews,
  type EnforcementTransferPhase,
  type PoliceTransferPhase,
  type ProcuratorateCopyPhase,
  type TransferAuditView,
} from '@casebridge/flows';
import type { DeadlineEngine } from '@casebridge/legal-time';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';

// ---- phases: the transfer flow's (libs/flows); filing supervision's still mirrored from the apps -----

export { ENFORCEMENT_TRANSFER_PHASES, POLICE_TRANSFER_PHASES, type EnforcementTransferPhase, type PoliceTransferPhase };
export const PROCURATORATE_COPY_STATUSES = PROCURATORATE_COPY_PHASES;
export type ProcuratorateCopyStatus = ProcuratorateCopyPhase;

export const POLICE_SUPERVISION_PHASES = [
  'opened',
  'explanation-required',
  'explained',
  'notice-to-file',
  'filed',
  'closed',
] as const;
export type PoliceSupervisionPhase = (typeof POLICE_SUPERVISION_PHASES)[number];

export const FILING_SUPERVISION_PHASES = [
  'opened',
  'explanation-required',
  'explained',
  'notice-to-file',
  'correction-issued',
  'police-filed',
  'chaser-issued',
  'reasons-accepted',
] as const;
export type FilingSupervisionPhase = (typeof FILING_SUPERVISION_PHASES)[number];

// ---- input and output ------------------------------------------------------------------------------

/** One ledger entry in its current (upcast) form. */
export interface ProjectedEvent {
  caseSeq: number;
  eventId: string;
  type: string;
  /** current version (after upcasting) */
  version: number;
  payload: Record<string, unknown>;
  producer: { agencyId: string; kind: string };
  actor: { officerId: string };
  occurredAt: string;
  recordedAt: string;
}

export interface CaseFacts {
  caseId: string;
  caseNumber: string;
  enforcementAgencyId: string;
  region: string;
  party: { name: string; creditCode: string };
  violation: string;
  discoveredAt: string;
  registeredAt: string;
  registeredBy: string;
  evidence: { evidenceId: string; kind: string; fileName: string; sha256: string; attachedAt: string }[];
}

export interface EnforcementTransferView {
  transferId: string;
  caseId: string;
  agencyId: string;
  phase: EnforcementTransferPhase;
  /** event time of the act that brought the transfer into this phase */
  since: string;
  policeAgencyId: string | null;
  procuratorateAgencyId: string | null;
  reviewVariant: string;
  policeCaseNumber: string | null;
  missingMaterials: string[];
  filingReviewOverdue: boolean;
  supervisionId: string | null;
}

export interface PoliceTransferView {
  transferId: string;
  /** the police office holding this row (one row per office the transfer was sent or forwarded to) */
  agencyId: string;
  phase: PoliceTransferPhase;
  since: string;
  fromAgencyId: string;
  receiptNumber: string | null;
  reviewVariant: string;
  policeCaseNumber: string | null;
}

export interface PoliceSupervisionView {
  supervisionId: string;
  transferId: string;
  agencyId: string;
  procuratorateAgencyId: string;
  phase: PoliceSupervisionPhase;
  since: string;
  noticeNumber: string | null;
  correctionIssued: boolean;
}

export interface TransferCopyView {
  transferId: string;
  agencyId: string;
  status: ProcuratorateCopyStatus;
  since: string;
  policeAgencyId: string;
  reviewVariant: string;
  policeCaseNumber: string | null;
  supervisionRequested: boolean;
  supervisionGround: string | null;
  supervisionId: string | null;
}

export interface FilingSupervisionView {
  supervisionId: string;
  transferId: string;
  procuratorateAgencyId: string;
  policeAgencyId: string;
  ground: string;
  phase: FilingSupervisionPhase;
  since: string;
  noticeNumber: string | null;
  policeFileOverdue: boolean;
  escalatedTo: string | null;
  policeCaseNumber: string | null;
}

export interface TransferOpinionView {
  transferId: string;
  caseId: string;
  procuratorateAgencyId: string;
  enforcementAgencyId: string;
  issuedAt: string;
  transferSentAt: string | null;
}

export interface SupervisionActView {
  type: string;
  at: string;
  by: string;
  stepId: string | null;
  owingAgencyId: string | null;
  message: string;
}

export interface PenaltyClockView {
  ruleId: 'penalty.decision-period';
  status: 'running' | 'suspended' | 'overdue' | 'unknown';
  registeredAt: string;
  dueAt: string | null;
  lastDay: string | null;
  /** true while suspended: dueAt assumes the clock resumed at asOf */
  projected: boolean;
  /** dueAt − asOf in ms (negative once overdue) */
  msLeft: number | null;
  remaining: string | null;
  suspensions: { from: string; to: string | null; reason: string }[];
  provisionalYears?: readonly number[];
  error?: string;
}

export type DeadlineStatus = 'running' | 'suspended' | 'missed' | 'closed';

export interface DeadlineView {
  stepId: string;
  subjectId: string;
  ruleId: string;
  variant: string;
  owingAgencyId: string;
  status: DeadlineStatus;
  startedAt: string | null;
  dueAt: string;
  lastDay: string | null;
  /** dueAt − asOf in ms, plain subtraction (negative once past) */
  msLeft: number;
  timeLeft: string;
  warned: boolean;
  outcome: string | null;
  /** event time of the last deadline event of the step */
  since: string;
}

export interface CaseStateView {
  linkedCaseId: string;
  asOf: string;
  basis: 'recordedAt <= asOf';
  /** false when nothing about the case had been recorded at asOf */
  exists: boolean;
  eventsApplied: number;
  /** entries of the case recorded after asOf (not applied) */
  eventsRecordedLater: number;
  lastApplied: { caseSeq: number; eventId: string; type: string; recordedAt: string } | null;
  case: CaseFacts | null;
  enforcement: { transfers: EnforcementTransferView[]; penaltyClock: PenaltyClockView | null };
  police: { transfers: PoliceTransferView[]; supervisions: PoliceSupervisionView[] };
  procuratorate: {
    transferCopies: TransferCopyView[];
    filingSupervisions: FilingSupervisionView[];
    transferOpinions: TransferOpinionView[];
  };
  supervision: { acts: SupervisionActView[] };
  otherActs: { type: string; at: string; by: string; payload: unknown }[];
  deadlines: { running: DeadlineView[]; suspended: DeadlineView[]; missed: DeadlineView[]; closed: DeadlineView[] };
  /** event types this projector does not know (a new contract): applied to nothing */
  unhandledTypes: string[];
}

// ---- the fold --------------------------------------------------------------------------------------

type Handler = (s: CaseStateFold, e: ProjectedEvent) => void;

const PENALTY_RULE = 'penalty.decision-period';
let sharedEngine: DeadlineEngine | undefined;
function engine(): DeadlineEngine {
  sharedEngine ??= serviceDeadlineEngine();
  return sharedEngine;
}

const p = <T>(e: ProjectedEvent): T => e.payload as unknown as T;

/**
 * The fold of one linked case. `apply` mutates only this object's own state (so a rebuild of a million
 * events does not copy maps a million times); `view(asOf)` derives the clocks as of an instant.
 * `projectCaseState` is the pure entry point.
 */
export class CaseStateFold {
  applied = 0;
  last: CaseStateView['lastApplied'] = null;
  caseFacts: CaseFacts | null = null;
  readonly penaltyChanges: { at: string; state: 'suspended' | 'running'; reason: string }[] = [];
  /** every agency's view of each transfer (libs/flows transferViews.audit), by transfer id */
  readonly transfers = new Map<string, TransferAuditView>();
  readonly policeSupervisions = new Map<string, PoliceSupervisionView>();
  readonly supervisions = new Map<string, FilingSupervisionView>();
  readonly opinions = new Map<string, TransferOpinionView>();
  readonly supervisionActs: SupervisionActView[] = [];
  /** Acts of the flows after the transfer (prosecution, PIL, court, sharing): listed in order, not yet folded into views. */
  readonly otherActs: { type: string; at: string; by: string; payload: unknown }[] = [];
  readonly deadlines = new Map<string, Omit<DeadlineView, 'msLeft' | 'timeLeft'>>();
  readonly unhandled = new Set<string>();

  constructor(readonly linkedCaseId: string) {}

  apply(e: ProjectedEvent): void {
    const handler = HANDLERS[e.type];
    if (handler) handler(this, e);
    else this.unhandled.add(e.type);
    this.applied++;
    this.last = { caseSeq: e.caseSeq, eventId: e.eventId, type: e.type, recordedAt: e.recordedAt };
  }

  // -- helpers used by the handlers
  /** A transfer event folded into every agency's view of its transfer by the flow's own functions. */
  foldTransfer(e: ProjectedEvent): void {
    if (!isTransferEvent(e)) return;
    const transferId = transferIdOf(e);
    if (!transferId) return;
    const next = transferViews.audit.evolve(this.transfers.get(transferId) ?? transferViews.audit.empty, e, {
      // enforcement opens a transfer on an opinion about a case it owns
      opinionAccepted: (o) =>
        !!this.caseFacts &&
        this.caseFacts.caseId === o.payload.caseId &&
        this.caseFacts.enforcementAgencyId === o.payload.enforcementAgencyId,
    });
    if (next.enforcement || next.police.length > 0 || next.procuratorate) this.transfers.set(transferId, next);
  }

  sup(
    e: ProjectedEvent,
    supervisionId: string,
    phase?: FilingSupervisionPhase | null,
    change?: Partial<FilingSupervisionView>,
  ): void {
    const s = this.supervisions.get(supervisionId);
    if (!s) return;
    if (phase) Object.assign(s, { phase, since: e.occurredAt });
    if (change) Object.assign(s, change);
  }

  polSup(
    e: ProjectedEvent,
    supervisionId: string,
    phase?: PoliceSupervisionPhase,
    change?: Partial<PoliceSupervisionView>,
  ): void {
    const m = this.policeSupervisions.get(supervisionId);
    if (!m) return;
    if (phase) Object.assign(m, { phase, since: e.occurredAt });
    if (change) Object.assign(m, change);
  }

  view(asOf: string, eventsRecordedLater = 0): CaseStateView {
    const asOfMs = Date.parse(asOf);
    const deadlines = [...this.deadlines.values()].map((d) => {
      const msLeft = Date.parse(d.dueAt) - asOfMs;
      return { ...d, msLeft, timeLeft: describeMs(msLeft) };
    });
    const by = (status: DeadlineStatus) =>
      deadlines.filter((d) => d.status === status).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const sortBy = <T>(rows: Iterable<T>, key: (t: T) => string) =>
      [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    return {
      linkedCaseId: this.linkedCaseId,
      asOf: new Date(asOfMs).toISOString(),
      basis: 'recordedAt <= asOf',
      exists: this.applied > 0,
      eventsApplied: this.applied,
      eventsRecordedLater,
      lastApplied: this.last,
      case: this.caseFacts ? { ...this.caseFacts, evidence: [...this.caseFacts.evidence] } : null,
      enforcement: {
        transfers: sortBy(
          this.transferViews((v) => (v.enforcement ? [v.enforcement] : [])),
          (t) => t.transferId,
        ).map((t) => ({
          transferId: t.transferId,
          caseId: t.caseId,
          agencyId: t.agencyId,
          phase: t.phase,
          since: t.phaseAt ?? '',
          policeAgencyId: t.policeAgencyId,
          procuratorateAgencyId: t.procuratorateAgencyId,
          reviewVariant: t.reviewVariant,
          policeCaseNumber: t.policeCaseNumber,
          missingMaterials: [...t.missingMaterials],
          filingReviewOverdue: t.filingReviewOverdue,
          supervisionId: t.supervisionId,
        })),
        penaltyClock: this.penaltyClock(asOf),
      },
      police: {
        transfers: sortBy(
          this.transferViews((v) => v.police),
          (t) => `${t.transferId}|${t.agencyId}`,
        ).map((t) => ({
          transferId: t.transferId,
          agencyId: t.agencyId,
          phase: t.phase,
          since: t.phaseAt ?? '',
          fromAgencyId: t.fromAgencyId,
          receiptNumber: t.receiptNumber,
          reviewVariant: t.reviewVariant,
          policeCaseNumber: t.policeCaseNumber,
        })),
        supervisions: sortBy(this.policeSupervisions.values(), (s) => s.supervisionId).map((s) => ({ ...s })),
      },
      procuratorate: {
        transferCopies: sortBy(
          this.transferViews((v) => (v.procuratorate ? [v.procuratorate] : [])),
          (c) => c.transferId,
        ).map((c) => ({
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
        })),
        filingSupervisions: sortBy(this.supervisions.values(), (s) => s.supervisionId).map((s) => ({ ...s })),
        transferOpinions: sortBy(this.opinions.values(), (o) => o.transferId).map((o) => ({ ...o })),
      },
      supervision: { acts: this.supervisionActs.map((a) => ({ ...a })) },
      otherActs: this.otherActs.map((a) => ({ ...a })),
      deadlines: { running: by('running'), suspended: by('suspended'), missed: by('missed'), closed: by('closed') },
      unhandledTypes: [...this.unhandled].sort(),
    };
  }

  private transferViews<T>(of: (v: TransferAuditView) => T[]): T[] {
    return [...this.transfers.values()].flatMap(of);
  }

  private penaltyClock(asOf: string): PenaltyClockView | null {
    if (!this.caseFacts) return null;
    const registeredAt = this.caseFacts.registeredAt;
    const suspensions: PenaltyClockView['suspensions'] = [];
    for (const c of this.penaltyChanges) {
      const open = suspensions.find((s) => s.to === null);
      if (c.state === 'suspended' && !open) suspensions.push({ from: c.at, to: null, reason: c.reason });
      else if (c.state === 'running' && open) open.to = c.at;
    }
    const base = { ruleId: PENALTY_RULE, registeredAt, suspensions } as const;
    try {
      let clock = engine().startClock({ rule: PENALTY_RULE, at: registeredAt });
      for (const s of suspensions) {
        clock = clock.suspend(s.from, s.reason);
        if (s.to) clock = clock.resume(s.to);
      }
      const remaining = clock.remaining(asOf);
      const status = clock.status(asOf);
      const deadline = remaining.projected ? clock.projectedDeadline(asOf) : clock.deadline();
      return {
        ...base,
        status: status === 'elapsed' ? 'overdue' : status,
        dueAt: deadline.dueAt,
        lastDay: deadline.lastDay,
        projected: remaining.projected,
        msLeft: remaining.ms,
        remaining: remaining.text,
        ...(deadline.provisionalYears ? { provisionalYears: deadline.provisionalYears } : {}),
      };
    } catch (err) {
      return {
        ...base,
        status: 'unknown',
        dueAt: null,
        lastDay: null,
        projected: false,
        msLeft: null,
        remaining: null,
        error: (err as Error).message,
      };
    }
  }
}

function describeMs(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  return ms >= 0 ? `${d}d ${h}h ${m}m left` : `overdue by ${d}d ${h}h ${m}m`;
}

function deadlineFrom(
  s: CaseStateFold,
  e: ProjectedEvent,
  d: { stepId: string; subjectId: string; ruleId: string; variant?: string; owingAgencyId: string; dueAt: string },
) {
  const cur = s.deadlines.get(d.stepId);
  const next = {
    stepId: d.stepId,
    subjectId: d.subjectId,
    ruleId: d.ruleId,
    variant: d.variant ?? cur?.variant ?? 'standard',
    owingAgencyId: d.owingAgencyId,
    status: cur?.status ?? ('running' as DeadlineStatus),
    startedAt: cur?.startedAt ?? null,
    dueAt: d.dueAt,
    lastDay: cur?.lastDay ?? null,
    warned: cur?.warned ?? false,
    outcome: cur?.outcome ?? null,
    since: e.occurredAt,
  };
  s.deadlines.set(d.stepId, next);
  return next;
}

/** What each event does to each view. Every contract type has an entry (unit-tested against the registry). */
export const HANDLERS: Record<string, Handler> = {
  // ---- the administrative case (enforcement)
  'case.registered': (s, e) => {
    const x = p<CaseRegisteredV1>(e);
    s.caseFacts ??= {
      caseId: x.caseId,
      caseNumber: x.caseNumber,
      enforcementAgencyId: e.producer.agencyId,
      region: x.region,
      party: { name: x.party.name, creditCode: x.party.creditCode },
      violation: x.violation,
      discoveredAt: x.discoveredAt,
      registeredAt: e.occurredAt,
      registeredBy: e.actor.officerId,
      evidence: [],
    };
  },
  'evidence.attached': (s, e) => {
    const x = p<EvidenceAttachedV1>(e);
    s.caseFacts?.evidence.push({
      evidenceId: x.evidenceId,
      kind: x.kind,
      fileName: x.fileName,
      sha256: x.sha256,
      attachedAt: e.occurredAt,
    });
  },
  'penalty.clock-changed': (s, e) => {
    const x = p<PenaltyClockChangedV1>(e);
    s.penaltyChanges.push({ at: e.occurredAt, state: x.state, reason: x.reason });
  },

  // ---- transfer: every agency's view is the flow's (foldTransfer, run first for each transfer event type below);
  // here only what the audit adds — the supervisions' side of a filing on a notice to file
  'transfer.sent': (s, e) => {
    const x = p<TransferSentV1>(e);
    const opinion = s.opinions.get(x.transferId);
    if (opinion && !opinion.transferSentAt) opinion.transferSentAt = e.occurredAt;
  },
  'transfer.filing-decided': (s, e) => {
    const x = p<TransferFilingDecidedV1>(e);
    if (x.supervisionId) {
      if (x.outcome === 'filed') s.polSup(e, x.supervisionId, 'filed');
      const sv = s.supervisions.get(x.supervisionId);
      if (
        sv &&
        x.outcome === 'filed' &&
        ['opened', 'explanation-required', 'explained', 'notice-to-file', 'correction-issued'].includes(sv.phase)
      ) {
        s.sup(e, x.supervisionId, 'police-filed', { policeCaseNumber: x.policeCaseNumber ?? sv.policeCaseNumber });
      }
    }
  },

  // ---- procuratorate
  'transfer.procuratorate-opinion': (s, e) => {
    const x = p<TransferProcuratorateOpinionV1>(e);
    if (!s.opinions.has(x.transferId)) {
      s.opinions.set(x.transferId, {
        transferId: x.transferId,
        caseId: x.caseId,
        procuratorateAgencyId: e.producer.agencyId,
        enforcementAgencyId: x.enforcementAgencyId,
        issuedAt: e.occurredAt,
        transferSentAt: null,
      });
    }
  },
  'filing-supervision.opened': (s, e) => {
    const x = p<FilingSupervisionOpenedV1>(e);
    if (!s.supervisions.has(x.supervisionId)) {
      s.supervisions.set(x.supervisionId, {
        supervisionId: x.supervisionId,
        transferId: x.transferId,
        procuratorateAgencyId: e.producer.agencyId,
        policeAgencyId: x.policeAgencyId,
        ground: x.ground,
        phase: 'opened',
        since: e.occurredAt,
        noticeNumber: null,
        policeFileOverdue: false,
        escalatedTo: null,
        policeCaseNumber: null,
      });
    }
    if (!s.policeSupervisions.has(x.supervisionId)) {
      s.policeSupervisions.set(x.supervisionId, {
        supervisionId: x.supervisionId,
        transferId: x.transferId,
        agencyId: x.policeAgencyId,
        procuratorateAgencyId: e.producer.agencyId,
        phase: 'opened',
        since: e.occurredAt,
        noticeNumber: null,
        correctionIssued: false,
      });
    }
  },
  'filing-supervision.explanation-required': (s, e) => {
    const x = p<FilingSupervisionExplanationRequiredV1>(e);
    s.sup(e, x.supervisionId, 'explanation-required');
    s.polSup(e, x.supervisionId, 'explanation-required');
  },
  'filing-supervision.explained': (s, e) => {
    const x = p<FilingSupervisionExplainedV1>(e);
    if (s.supervisions.get(x.supervisionId)?.phase === 'explanation-required') s.sup(e, x.supervisionId, 'explained');
    s.polSup(e, x.supervisionId, 'explained');
  },
  'filing-supervision.reasons-accepted': (s, e) => {
    const x = p<FilingSupervisionReasonsAcceptedV1>(e);
    s.sup(e, x.supervisionId, 'reasons-accepted');
    s.polSup(e, x.supervisionId, 'closed');
  },
  'filing-supervision.filing-notice-issued': (s, e) => {
    const x = p<FilingSupervisionFilingNoticeIssuedV1>(e);
    s.sup(e, x.supervisionId, 'notice-to-file', { noticeNumber: x.noticeNumber });
    s.polSup(e, x.supervisionId, 'notice-to-file', { noticeNumber: x.noticeNumber });
  },
  'filing-supervision.correction-issued': (s, e) => {
    const x = p<FilingSupervisionCorrectionIssuedV1>(e);
    s.sup(e, x.supervisionId, 'correction-issued', { escalatedTo: x.escalatedTo ?? null });
    s.polSup(e, x.supervisionId, undefined, { correctionIssued: true });
  },
  'filing-supervision.chaser-issued': (s, e) => {
    s.sup(e, p<FilingSupervisionChaserIssuedV1>(e).supervisionId, 'chaser-issued');
  },

  // ---- statutory deadlines (workflow)
  'deadline.started': (s, e) => {
    const x = p<DeadlineStartedV1>(e);
    const d = deadlineFrom(s, e, x);
    Object.assign(d, {
      status: 'running',
      startedAt: d.startedAt ?? x.startedAt,
      lastDay: x.lastDay,
      outcome: null,
      variant: x.variant,
    });
  },
  'deadline.warning': (s, e) => {
    const x = p<DeadlineWarningV1>(e);
    const cur = s.deadlines.get(x.stepId);
    if (cur) Object.assign(cur, { warned: true, since: e.occurredAt });
    else Object.assign(deadlineFrom(s, e, x), { warned: true });
  },
  'deadline.missed': (s, e) => {
    const x = p<DeadlineMissedV2>(e);
    Object.assign(deadlineFrom(s, e, x), { status: 'missed' });
    if (x.ruleId === 'supervision.police-file' && s.supervisions.get(x.subjectId)?.phase === 'notice-to-file') {
      s.sup(e, x.subjectId, undefined, { policeFileOverdue: true });
    }
  },
  'deadline.closed': (s, e) => {
    const x = p<DeadlineClosedV1>(e);
    const cur = s.deadlines.get(x.stepId);
    if (!cur) return; // closing a step never seen started: nothing to show a due date for
    Object.assign(cur, {
      status: x.outcome === 'suspended' ? 'suspended' : 'closed',
      outcome: x.outcome,
      since: e.occurredAt,
    });
  },

  // ---- supervision console
  'supervision.pressed': (s, e) => {
    const x = p<SupervisionPressedV2>(e);
    s.supervisionActs.push({
      type: e.type,
      at: e.occurredAt,
      by: `${x.pressingAgencyId ?? e.producer.agencyId}/${e.actor.officerId}`,
      stepId: x.stepId,
      owingAgencyId: x.owingAgencyId,
      message: x.message,
    });
  },
  'supervision.escalated': (s, e) => {
    const x = p<SupervisionEscalatedV1>(e);
    s.supervisionActs.push({
      type: e.type,
      at: e.occurredAt,
      by: `${e.producer.agencyId}/${e.actor.officerId}`,
      stepId: x.stepId ?? null,
      owingAgencyId: null,
      message: `to ${x.toLevel}: ${x.message}`,
    });
  },
  'supervision.joint-listed': (s, e) => {
    const x = p<SupervisionJointListedV1>(e);
    s.supervisionActs.push({
      type: e.type,
      at: e.occurredAt,
      by: `${e.producer.agencyId}/${e.actor.officerId}`,
      stepId: null,
      owingAgencyId: null,
      message: `joint supervision (review ${x.reviewInterval}): ${x.reason}`,
    });
  },
};

// Each transfer event first folds every agency's view of its transfer (libs/flows), then does what the audit adds.
for (const type of TRANSFER_EVENT_TYPES) {
  const extra = HANDLERS[type];
  HANDLERS[type] = (s, e) => {
    s.foldTransfer(e);
    extra?.(s, e);
  };
}

// Prosecution, public-interest litigation, court and information-sharing events: recorded as acts of the
// case until their own views exist.
for (const type of [
  'prosecution.transferred',
  'prosecution.review-extended',
  'prosecution.returned-for-investigation',
  'prosecution.resubmitted',
  'prosecution.decided',
  'prosecution.nonprosecution-notified',
  'pil.case-opened',
  'pil.recommendation-served',
  'pil.agency-replied',
  'pil.announcement-published',
  'pil.suit-filed',
  'court.case-docketed',
  'court.hearing-scheduled',
  'court.judgment-rendered',
  'sharing.information-shared',
  'sharing.decision-recorded',
  'sharing.content-delivered',
  'sharing.data-read',
  'notification.case-notified',
  'notification.acknowledged',
  'consultation.requested',
  'consultation.replied',
  'edc.confirmation-applied',
  'edc.suit-filed',
]) {
  HANDLERS[type] = (s, e) => {
    s.otherActs.push({
      type: e.type,
      at: e.occurredAt,
      by: `${e.producer.agencyId}/${e.actor.officerId}`,
      payload: e.payload,
    });
  };
}

/**
 * The state of a linked case as of `asOf`: the events recorded at or before it (recordedAt ≤ asOf),
 * folded in ledger order. Pure.
 */
export function projectCaseState(
  linkedCaseId: string,
  events: readonly ProjectedEvent[],
  asOf: string | Date,
): CaseStateView {
  const asOfIso = typeof asOf === 'string' ? asOf : asOf.toISOString();
  const asOfMs = Date.parse(asOfIso);
  if (Number.isNaN(asOfMs)) throw new RangeError(`asOf is not an instant: ${asOfIso}`);
  const fold = new CaseStateFold(linkedCaseId);
  let later = 0;
  for (const e of [...events].sort((a, b) => a.caseSeq - b.caseSeq)) {
    if (Date.parse(e.recordedAt) <= asOfMs) fold.apply(e);
    else later++;
  }
  return fold.view(new Date(asOfMs).toISOString(), later);
}
