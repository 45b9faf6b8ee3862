/**
 * Reconciliation rules (GET /reconciliation), as data.
 *
 * (a) Expectations: one agency's act that obliges another agency to acknowledge or act. An event
 *     OPENS an expectation on a subject (a transfer, a supervision matter); a later act FULFILS it. It is
 *     outstanding when it was opened, not fulfilled since (by event time, so the order in which the
 *     topics are consumed does not matter), and its window ran out (counted with the legal-time
 *     engine from the opening event's time), or the matching statutory step was reported missed.
 * (b) References: an event that refers to something the projection must have seen first (a police
 *     event refers to a transfer that was sent; a deadline event to a started step). It is an orphan
 *     when that thing is still unknown after a grace period (cross-topic lag).
 */
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { EXPECTATION_RULES, stringField as str, type ExpectationRule, type OwedByRole } from '@casebridge/flows';

// The expectations are each flow's data (libs/flows <flow>.expectations.ts), listed by the flow registry.
export { EXPECTATION_RULES, type ExpectationRule, type OwedByRole };

export interface ExpectationDelta {
  key: string;
  rule: ExpectationRule;
  subjectId: string;
  action: 'open' | 'fulfil';
  at: Date;
  eventId: string;
  owedByAgencyId?: string;
  owedByRole?: OwedByRole;
}

/** What one event does to the expectations (an event may fulfil one and open another). */
export function expectationDeltas(
  e: Pick<IntegrationEventEnvelope, 'type' | 'eventId' | 'occurredAt' | 'payload'>,
): ExpectationDelta[] {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const out: ExpectationDelta[] = [];
  for (const rule of EXPECTATION_RULES) {
    const subjectId = str(p[rule.subject]);
    if (!subjectId) continue;
    const base = { key: `${rule.id}:${subjectId}`, rule, subjectId, at: new Date(e.occurredAt), eventId: e.eventId };
    for (const f of rule.fulfils)
      if (f.type === e.type && (!f.when || f.when(p))) out.push({ ...base, action: 'fulfil' });
    for (const o of rule.opens) {
      if (o.type !== e.type || (o.when && !o.when(p))) continue;
      out.push({
        ...base,
        action: 'open',
        ...(typeof o.owedBy === 'string' ? { owedByRole: o.owedBy } : { owedByAgencyId: o.owedBy(p) }),
      });
    }
  }
  // fulfil before open: an event that does both (a forward) leaves the expectation open for the new owner
  return out.sort((a, b) => (a.action === b.action ? 0 : a.action === 'fulfil' ? -1 : 1));
}

export interface ExpectationState {
  openedAt: Date | null;
  fulfilledAt: Date | null;
  dueAt: Date | null;
}

/** Outstanding: opened, not fulfilled since, and the window ran out (or the statutory step was reported missed). */
export function isOutstanding(s: ExpectationState, now: Date, stepMissed = false): boolean {
  if (!s.openedAt) return false;
  if (s.fulfilledAt && s.fulfilledAt.getTime() >= s.openedAt.getTime()) return false;
  return stepMissed || (s.dueAt !== null && s.dueAt.getTime() <= now.getTime());
}

/** Folds deltas the way the projection's upserts do (latest open and latest fulfil win, whatever the order). */
export function foldExpectation(s: ExpectationState, d: ExpectationDelta): ExpectationState {
  if (d.action === 'fulfil') {
    return { ...s, fulfilledAt: !s.fulfilledAt || d.at > s.fulfilledAt ? d.at : s.fulfilledAt };
  }
  return !s.openedAt || d.at > s.openedAt ? { ...s, openedAt: d.at } : s;
}

// ---- (b) references and orphans -----------------------------------------------------------------

export type KnownKind = 'case' | 'case-owner' | 'transfer' | 'transfer-sent' | 'supervision' | 'step';
export interface Fact {
  kind: KnownKind;
  id: string;
}
export interface Reference extends Fact {
  what: { en: string; zh: string };
}

const POLICE_ON_TRANSFER = [
  'transfer.receipt-signed',
  'transfer.forwarded',
  'transfer.materials-requested',
  'transfer.review-extended',
  'transfer.filing-decided',
  'transfer.reconsideration-decided',
];
const AFTER_SENT = [
  'transfer.materials-supplemented',
  'transfer.reconsideration-requested',
  'transfer.items-handed-over',
  'filing-supervision.requested',
  'filing-supervision.opened',
];
const SUPERVISION_ACTS = [
  'filing-supervision.explanation-required',
  'filing-supervision.explained',
  'filing-supervision.reasons-accepted',
  'filing-supervision.filing-notice-issued',
  'filing-supervision.correction-issued',
  'filing-supervision.chaser-issued',
];

/** Events the facts and references read: the owner and the linked case matter for 'case-owner'. */
export type ReconciledEvent = Pick<IntegrationEventEnvelope, 'type' | 'payload'> &
  Partial<Pick<IntegrationEventEnvelope, 'linkedCaseId' | 'producer'>>;

/**
 * A case as owned: the agency that registered it, the linked case it lies in, its id. An act of one agency
 * about another's case (a procuratorial opinion) must name all three as they are, else it is an orphan.
 */
export function caseOwnerKey(agencyId: unknown, linkedCaseId: unknown, caseId: unknown): string | undefined {
  return [agencyId, linkedCaseId, caseId].every((x) => typeof x === 'string')
    ? `${String(agencyId)}/${String(linkedCaseId)}/${String(caseId)}`
    : undefined;
}

/** What an event establishes as known. */
export function factsOf(e: ReconciledEvent): Fact[] {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const f: Fact[] = [];
  const add = (kind: KnownKind, id: unknown): void => {
    if (typeof id === 'string') f.push({ kind, id });
  };
  switch (e.type) {
    case 'case.registered':
      add('case', p.caseId);
      add('case-owner', caseOwnerKey(e.producer?.agencyId, e.linkedCaseId, p.caseId));
      break;
    case 'transfer.crime-suspected':
      add('transfer', p.transferId);
      break;
    case 'transfer.procuratorate-opinion':
      add('transfer', p.transferId);
      break;
    case 'transfer.sent':
      add('transfer-sent', p.transferId);
      break;
    case 'filing-supervision.opened':
      add('supervision', p.supervisionId);
      break;
    case 'deadline.started':
      add('step', p.stepId);
      break;
  }
  return f;
}

/** What an event refers to and must have been seen before. */
export function referencesOf(e: ReconciledEvent): Reference[] {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const r: Reference[] = [];
  const ref = (kind: KnownKind, id: unknown, en: string, zh: string): void => {
    if (typeof id === 'string') r.push({ kind, id, what: { en, zh } });
  };
  if (POLICE_ON_TRANSFER.includes(e.type) || AFTER_SENT.includes(e.type)) {
    ref(
      'transfer-sent',
      p.transferId,
      `transfer ${String(p.transferId)} that was never sent`,
      `未见移送的案件 ${String(p.transferId)}`,
    );
  }
  if (SUPERVISION_ACTS.includes(e.type) || (e.type === 'transfer.filing-decided' && p.supervisionId)) {
    ref(
      'supervision',
      p.supervisionId,
      `filing supervision ${String(p.supervisionId)} that was never opened`,
      `未见受理的立案监督 ${String(p.supervisionId)}`,
    );
  }
  if (['transfer.team-reported', 'transfer.head-decided', 'transfer.sent'].includes(e.type)) {
    ref(
      'transfer',
      p.transferId,
      `transfer ${String(p.transferId)} that was never opened`,
      `未见启动的移送 ${String(p.transferId)}`,
    );
  }
  if (['transfer.crime-suspected', 'evidence.attached', 'penalty.clock-changed'].includes(e.type)) {
    ref(
      'case',
      p.caseId,
      `administrative case ${String(p.caseId)} that was never registered`,
      `未见立案的行政案件 ${String(p.caseId)}`,
    );
  }
  if (e.type === 'transfer.procuratorate-opinion') {
    // addressed to the case's owner under its own linked case, else the owner refuses it
    ref(
      'case-owner',
      caseOwnerKey(p.enforcementAgencyId, e.linkedCaseId, p.caseId),
      `administrative case ${String(p.caseId)} of ${String(p.enforcementAgencyId)} in this linked case, which that agency never registered`,
      `${String(p.enforcementAgencyId)} 未在本联动案件中立案的行政案件 ${String(p.caseId)}`,
    );
  }
  if (['deadline.warning', 'deadline.missed', 'deadline.closed'].includes(e.type)) {
    ref(
      'step',
      p.stepId,
      `deadline step ${String(p.stepId)} that was never started`,
      `未见开始的期限环节 ${String(p.stepId)}`,
    );
  }
  return r;
}

/** Orphans of a set of events (reference semantics for the tests; the projection does the same in SQL). */
export function orphansOf(
  events: (ReconciledEvent & Pick<IntegrationEventEnvelope, 'eventId'>)[],
): { eventId: string; ref: Reference }[] {
  const known = new Set(events.flatMap((e) => factsOf(e).map((f) => `${f.kind}:${f.id}`)));
  return events.flatMap((e) =>
    referencesOf(e)
      .filter((x) => !known.has(`${x.kind}:${x.id}`))
      .map((ref) => ({ eventId: e.eventId, ref })),
  );
}
