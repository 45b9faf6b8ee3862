/**
 * What a case decider may ask of the deadline tracker. Pure data, dependency-free: the deciders
 * (transfer.decider.ts, filing-supervision.decider.ts) are plain functions tested without Temporal.
 */
import type { CasePeriodInput } from '../activities/case-activities.contracts';
import type { AgencyRole, CaseEventSignal, StepOwner } from './deadline.contracts';

/**
 * Which step of a rule an action means. A rule may run several steps at once, one per key (one acknowledgement per
 * recipient, one consultation per question, one sharing entry per decision): `key` names it. Absent: the rule's
 * single (unkeyed) step — what every step was before keys existed. A key is 1–100 of `A–Z a–z 0–9 : . _ -` (an agency
 * id, a uuid): it becomes part of the step id (`…/<ruleId>@<key>`), which supervision's routes accept in that shape.
 */
export interface StepRef {
  ruleId: string;
  key?: string;
}

/**
 * Who owes an opened step. `role`: the case's agency in that role answers for it (its inbox holds it). `owner`, when
 * given, names the owner instead: any agency by id (it then holds the step itself), or a party (the court, an eligible
 * organisation, the liable party), whose step the `role`'s agency follows.
 */
export interface StepOwnerSpec {
  role: AgencyRole;
  owner?: StepOwner;
}

export type StepAction =
  /** Start the clock of a rule at `from` (the triggering event's occurredAt). */
  | ({
      kind: 'open';
      from: string;
      variant?: string;
      /** The period of a rule set per case (joint-supervision's review interval); absent for every other rule. */
      casePeriod?: CasePeriodInput;
    } & StepRef &
      StepOwnerSpec)
  /**
   * Close the open step of a rule: met/late by comparing `at` with its due instant, unless `outcome`
   * says otherwise (moot: the step no longer matters; met: the act itself is the closing event).
   * No-op when the rule has no open step.
   */
  | ({ kind: 'close'; at: string; outcome?: 'moot' | 'met' } & StepRef)
  /**
   * A step that opens and closes at once: simultaneous acts (copy to the procuratorate), acts met by the
   * event itself (decision notice), or periods checked afterwards (forward-or-return, materials notice:
   * due counted from `from`, closed met/late at `at`).
   */
  | ({
      kind: 'instant';
      from: string;
      at: string;
      /** The office that owed the step when it is not the role's current owner (e.g. the office that forwarded a transfer). */
      owingAgencyId?: string;
    } & StepRef &
      StepOwnerSpec)
  /** Extend the open step of a rule to another variant, counted from the same start. */
  | ({ kind: 'extend'; variant: string; approvedBy?: string; at: string } & StepRef)
  /** Close every open step as moot (the path is over). */
  | { kind: 'close-all'; at: string }
  /** Stop the clock of the open step of a rule (e.g. penalty.decision-period while the case is with the police, E17 art 16). */
  | ({ kind: 'suspend'; at: string; reason?: string } & StepRef)
  /** Let the suspended clock of a rule run again; the due date moves by the time it stood still. */
  | ({ kind: 'resume'; at: string } & StepRef);

export type Decision<M> =
  | { kind: 'apply'; model: M; actions: StepAction[] }
  /** The event needs an earlier one that has not arrived yet (e.g. a receipt before the transfer): retried after each applied event. */
  | { kind: 'defer'; reason: string }
  /** The event does not change anything (stale, already done, not for this path). */
  | { kind: 'ignore'; reason: string };

/** What a decider may know of the tracker. */
export interface StepContext {
  /** Whether the rule has an open step: the one of `key` when given, any of the rule's steps otherwise. */
  isOpen(ruleId: string, key?: string): boolean;
  /**
   * Temporal's patched(): true in runs that take a changed path, false when replaying a history recorded
   * before the change (keeps running workflows replayable). Ask only at the point where behaviour differs.
   */
  patched(patchId: string): boolean;
}

export interface CaseDecider<M> {
  decide(model: M, event: CaseEventSignal, ctx: StepContext): Decision<M>;
  /** Consequence of a step running out (e.g. the reconsideration right lapses), or null. `key`: the step's key, if any. */
  onMissed(model: M, ruleId: string, at: string, ctx: StepContext, key?: string): Decision<M> | null;
  isFinished(model: M): boolean;
}

export function apply<M>(model: M, ...actions: StepAction[]): Decision<M> {
  return { kind: 'apply', model, actions };
}
export function defer<M>(reason: string): Decision<M> {
  return { kind: 'defer', reason };
}
export function ignore<M>(reason: string): Decision<M> {
  return { kind: 'ignore', reason };
}

/** Reads a string field of an event payload (payloads are validated upstream by the contracts registry). */
export function payloadString(event: CaseEventSignal, field: string): string | undefined {
  const v = event.payload[field];
  return typeof v === 'string' ? v : undefined;
}
