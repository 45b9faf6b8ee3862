/**
 * One rule for "acting twice" and "out of order" in every agency app (issue #9 item 9). Pure.
 *
 * Given the record's phase and the phase it came from (its phase history, as far as the rule needs it):
 *   1. the act is allowed in the current phase → ok;
 *   2. the act was already done and nothing changed since — the record is in a phase the act leads to, and
 *      it got there from a phase in which the act is allowed (or the previous phase is not known) →
 *      `<DOMAIN>.ALREADY_DONE` (409), whether or not that phase closes the record;
 *   3. the record is closed → `CASE.CLOSED` (409);
 *   4. otherwise → `<DOMAIN>.OUT_OF_ORDER` (409).
 * Every message says where the record stands and what the officer can do (or wait for) now.
 */
import { DomainError } from '@casebridge/contracts';

export interface ActRules<P extends string, A extends string> {
  /** what the record is called in messages: 'transfer', 'supervision' */
  subject: string;
  codes: { alreadyDone: string; outOfOrder: string; closed: string };
  /** phases in which each act is allowed */
  allowed: Readonly<Record<A, readonly P[]>>;
  /** phases each act leads to (the record stays there until someone acts again) */
  leadsTo: Readonly<Record<A, readonly P[]>>;
  closed: readonly P[];
  /** the act in words, after "you cannot …": 'sign the receipt' */
  text: Readonly<Record<A, string>>;
  /** what can be done or is awaited in a phase: 'wait for the police receipt (transfer.receipt)' */
  next: Readonly<Partial<Record<P, string>>>;
}

export interface PhaseHistory<P extends string> {
  phase: P;
  /** the phase before the last change; null/undefined when not known (then the current phase decides) */
  previousPhase?: P | null;
}

export type ActVerdict = 'allowed' | 'already-done' | 'closed' | 'out-of-order';

export function judgeAct<P extends string, A extends string>(rules: ActRules<P, A>, act: A, history: PhaseHistory<P>): ActVerdict {
  const { phase, previousPhase } = history;
  if (rules.allowed[act].includes(phase)) return 'allowed';
  const doneJustNow = rules.leadsTo[act].includes(phase) && (previousPhase == null || rules.allowed[act].includes(previousPhase));
  if (doneJustNow) return 'already-done';
  if (rules.closed.includes(phase)) return 'closed';
  return 'out-of-order';
}

/** Throws the DomainError of judgeAct's verdict (nothing when allowed). `hint` adds act-specific advice. */
export function assertAct<P extends string, A extends string>(rules: ActRules<P, A>, act: A, history: PhaseHistory<P>, hint?: string): void {
  const verdict = judgeAct(rules, act, history);
  if (verdict === 'allowed') return;
  const { phase } = history;
  const now = rules.next[phase] ? ` Now: ${rules.next[phase]}.` : '';
  const extra = hint ? ` ${hint}` : '';
  const details = { phase, allowedPhases: rules.allowed[act], ...(rules.next[phase] ? { next: rules.next[phase] } : {}) };
  switch (verdict) {
    case 'already-done':
      throw new DomainError(rules.codes.alreadyDone, 'conflict',
        `Already done: you cannot ${rules.text[act]} again — the ${rules.subject} is "${phase}".${now}${extra}`, details);
    case 'closed':
      throw new DomainError(rules.codes.closed, 'conflict',
        `This ${rules.subject} is closed ("${phase}"); you cannot ${rules.text[act]} any more.${extra}`, details);
    default:
      throw new DomainError(rules.codes.outOfOrder, 'conflict',
        `You cannot ${rules.text[act]} now: the ${rules.subject} is "${phase}" (possible when ${rules.allowed[act].join(' or ')}).${now}${extra}`, details);
  }
}
