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
 * Flows: every registered flow (libs/flows registry.ts, FLOWS) folds its own events into its audit view of
 * each subject (a transfer, a supervision …) with the very functions the apps' consumers use — phases,
 * the later-act rule and all — and gives the rows each agency had on file (`enforcement.transfers`,
 * `police.supervisions` …). Nothing here names a flow: a flow added to the registry shows up here. What the
 * projector itself folds is the case (registration, evidence, the penalty clock), the workflow's
 * deadlines and the supervision console's acts; other contract events are listed as acts of the case.
 */
import {
  eventRegistry,
  type CaseRegisteredV1,
  type DeadlineClosedV1,
  type DeadlineMissedV2,
  type DeadlineStartedV1,
  type DeadlineWarningV1,
  type EvidenceAttachedV1,
  type PenaltyClockChangedV1,
  type SupervisionEscalatedV1,
  type SupervisionJointListedV1,
  type SupervisionPressedV2,
} from '@casebridge/contracts';
import { auditSections, FLOWS, flowsOf, type AuditCaseContext, type AuditRow } from '@casebridge/flows';
import type { DeadlineEngine } from '@casebridge/legal-time';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';

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

/** An agency's sections of the flows' rows: `{ transfers: [row, …], supervisions: [row, …] }` (libs/flows FLOWS). */
export type AgencySections = Record<string, AuditRow[]>;

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
  /** each agency's rows of every registered flow, by section; enforcement also its penalty clock */
  enforcement: AgencySections & { penaltyClock: PenaltyClockView | null };
  police: AgencySections;
  procuratorate: AgencySections;
  /** present once a registered flow fills a court section */
  court?: AgencySections;
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
  /** each registered flow's audit view of each of its subjects (libs/flows FLOWS), by flow name, then subject id */
  readonly flowViews = new Map<string, Map<string, unknown>>(FLOWS.map((f) => [f.name, new Map<string, unknown>()]));
  readonly supervisionActs: SupervisionActView[] = [];
  /** Contract events no registered flow and no handler here folds: listed in order as acts of the case. */
  readonly otherActs: { type: string; at: string; by: string; payload: unknown }[] = [];
  readonly deadlines = new Map<string, Omit<DeadlineView, 'msLeft' | 'timeLeft'>>();
  readonly unhandled = new Set<string>();

  constructor(readonly linkedCaseId: string) {}

  apply(e: ProjectedEvent): void {
    const flows = flowsOf(e.type);
    for (const flow of flows) this.foldFlow(flow, e);
    const handler = HANDLERS[e.type];
    if (handler) handler(this, e);
    else if (flows.length > 0) {
      // folded by its flows only
    } else if (CONTRACT_TYPES.has(e.type)) this.otherActs.push(otherAct(e));
    else this.unhandled.add(e.type);
    this.applied++;
    this.last = { caseSeq: e.caseSeq, eventId: e.eventId, type: e.type, recordedAt: e.recordedAt };
  }

  /** An event folded into the audit view of its subject by one registered flow's own functions. */
  private foldFlow(flow: (typeof FLOWS)[number], e: ProjectedEvent): void {
    const subject = flow.subjectOf(e);
    if (!subject) return;
    const views = this.flowViews.get(flow.name)!;
    views.set(subject, flow.audit.evolve(views.get(subject) ?? flow.audit.empty, e, this.context()));
  }

  private context(): AuditCaseContext {
    return { case: this.caseFacts };
  }

  /** Every flow's rows, by agency kind and section (each declared section present), subjects in id order. */
  private sections(): Record<string, AgencySections> {
    const out: Record<string, AgencySections> = {};
    for (const [kind, sections] of Object.entries(auditSections()))
      out[kind] = Object.fromEntries(sections.map((section) => [section, [] as AuditRow[]]));
    for (const flow of FLOWS) {
      const views = [...this.flowViews.get(flow.name)!.entries()].sort(([a], [b]) => a.localeCompare(b));
      for (const [, view] of views)
        for (const [kind, sections] of Object.entries(flow.audit.rows(view)))
          for (const [section, rows] of Object.entries(sections)) out[kind]![section]!.push(...rows);
    }
    return out;
  }

  view(asOf: string, eventsRecordedLater = 0): CaseStateView {
    const asOfMs = Date.parse(asOf);
    const deadlines = [...this.deadlines.values()].map((d) => {
      const msLeft = Date.parse(d.dueAt) - asOfMs;
      return { ...d, msLeft, timeLeft: describeMs(msLeft) };
    });
    const by = (status: DeadlineStatus) =>
      deadlines.filter((d) => d.status === status).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const sections = this.sections();
    return {
      linkedCaseId: this.linkedCaseId,
      asOf: new Date(asOfMs).toISOString(),
      basis: 'recordedAt <= asOf',
      exists: this.applied > 0,
      eventsApplied: this.applied,
      eventsRecordedLater,
      lastApplied: this.last,
      case: this.caseFacts ? { ...this.caseFacts, evidence: [...this.caseFacts.evidence] } : null,
      // the penalty clock sits beside the flows' sections (a section is a list, never named penaltyClock)
      enforcement: {
        ...(sections.enforcement ?? {}),
        penaltyClock: this.penaltyClock(asOf),
      } as CaseStateView['enforcement'],
      police: sections.police ?? {},
      procuratorate: sections.procuratorate ?? {},
      ...(sections.court ? { court: sections.court } : {}),
      supervision: { acts: this.supervisionActs.map((a) => ({ ...a })) },
      otherActs: this.otherActs.map((a) => ({ ...a })),
      deadlines: { running: by('running'), suspended: by('suspended'), missed: by('missed'), closed: by('closed') },
      unhandledTypes: [...this.unhandled].sort(),
    };
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

/** What the projector itself folds: the case, the deadlines, the supervision console (the flows fold the rest). */
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

/** Every event type of the contracts (one not among them is unhandled: a contract this build does not know). */
const CONTRACT_TYPES: ReadonlySet<string> = new Set(eventRegistry.definitions().map((d) => d.type));

function otherAct(e: ProjectedEvent): CaseStateView['otherActs'][number] {
  return { type: e.type, at: e.occurredAt, by: `${e.producer.agencyId}/${e.actor.officerId}`, payload: e.payload };
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
