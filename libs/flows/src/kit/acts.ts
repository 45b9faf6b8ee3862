/**
 * The acts of a flow as data: who may do each (agency kind and role), in which phases, where it leads
 * and how it is said to an officer. `actRules` turns them into the rules the one act guard judges
 * (libs/platform assertAct: ALREADY_DONE vs OUT_OF_ORDER vs CASE.CLOSED). Pure.
 */
import type { AgencyKind } from '@casebridge/contracts';

/** The roles that act in a case (libs/auth Role, the acting part of it). */
export type ActorRole = 'officer' | 'head';

export interface ActSpec<P extends string> {
  /** the agency kind that does it */
  by: AgencyKind;
  /** the roles that may do it (the route says the same with @Roles) */
  roles: readonly ActorRole[];
  /** phases of the actor's view in which it is allowed */
  allowedIn: readonly P[];
  /** phases the act leads to (straight after it, acting again is "twice": ALREADY_DONE) */
  leadsTo: readonly P[];
  /** the integration event it emits (libs/contracts type string) */
  emits: string;
  /** the act in words, after "you cannot …": 'sign the receipt' */
  text: string;
}

/** What the act guard needs (libs/platform assertAct). */
export interface ActRules<P extends string, A extends string> {
  /** what the record is called in messages: 'transfer', 'supervision' */
  subject: string;
  codes: {
    alreadyDone: string;
    outOfOrder: string;
    closed: string;
    /** 403 when the caller may not do the act at all (its `actors` spec); needed when `actors` is given */
    notAllowed?: string;
  };
  /** phases in which each act is allowed */
  allowed: Readonly<Record<A, readonly P[]>>;
  /** phases each act leads to (the record stays there until someone acts again) */
  leadsTo: Readonly<Record<A, readonly P[]>>;
  closed: readonly P[];
  /** the act in words, after "you cannot …": 'sign the receipt' */
  text: Readonly<Record<A, string>>;
  /** what can be done or is awaited in a phase: 'wait for the police receipt (transfer.receipt)' */
  next: Readonly<Partial<Record<P, string>>>;
  /**
   * who may do each act (agency kind, roles), from the flow's act specs; when given, the one unit of work refuses
   * any other caller (403 `codes.notAllowed`) whatever the route's @Roles let through (`mayAct`)
   */
  actors?: Readonly<Record<A, Pick<ActSpec<P>, 'by' | 'roles'>>>;
}

/** The guard's rules of one agency's acts. */
export function actRules<P extends string, A extends string>(
  acts: Readonly<Record<A, ActSpec<P>>>,
  meta: Pick<ActRules<P, A>, 'subject' | 'codes' | 'closed' | 'next'>,
): ActRules<P, A> {
  const pick = <K extends keyof ActSpec<P>>(key: K) =>
    Object.fromEntries(Object.entries<ActSpec<P>>(acts).map(([act, spec]) => [act, spec[key]])) as Record<
      A,
      ActSpec<P>[K]
    >;
  const actors = Object.fromEntries(
    Object.entries<ActSpec<P>>(acts).map(([act, { by, roles }]) => [act, { by, roles }]),
  ) as Record<A, Pick<ActSpec<P>, 'by' | 'roles'>>;
  return { ...meta, allowed: pick('allowedIn'), leadsTo: pick('leadsTo'), text: pick('text'), actors };
}

/** Whether an officer of `kind` with `roles` may do the act (agency kind and one of its roles). */
export function mayAct(
  spec: Pick<ActSpec<string>, 'by' | 'roles'>,
  actor: { agencyKind: string; roles: readonly string[] },
): boolean {
  return actor.agencyKind === spec.by && spec.roles.some((r) => actor.roles.includes(r));
}

export interface PhaseHistory<P extends string> {
  phase: P;
  /** the phase before the last change; null/undefined when not known (then the current phase decides) */
  previousPhase?: P | null;
}

export type ActVerdict = 'allowed' | 'already-done' | 'closed' | 'out-of-order';

/**
 * One rule for "acting twice" and "out of order" (issue #9 item 9): given the record's phase and the
 * phase it came from,
 *   1. the act is allowed in the current phase → allowed;
 *   2. the record is in a phase the act leads to and got there from a phase in which the act is allowed
 *      (or the previous phase is not known) → already-done, whether or not that phase closes the record;
 *   3. the record is closed → closed;
 *   4. otherwise → out-of-order.
 * libs/platform `assertAct` turns the verdict into the DomainError (409) an officer reads.
 */
export function judgeAct<P extends string, A extends string>(
  rules: ActRules<P, A>,
  act: A,
  history: PhaseHistory<P>,
): ActVerdict {
  const { phase, previousPhase } = history;
  if (rules.allowed[act].includes(phase)) return 'allowed';
  const doneJustNow =
    rules.leadsTo[act].includes(phase) && (previousPhase == null || rules.allowed[act].includes(previousPhase));
  if (doneJustNow) return 'already-done';
  if (rules.closed.includes(phase)) return 'closed';
  return 'out-of-order';
}
