/**
 * The one act guard of every agency app (issue #9 item 9, issue #10 item 2): the verdict comes from the
 * flow model (libs/flows `judgeAct` over a flow's act rules, e.g. `ENFORCEMENT_ACT_RULES`); this turns it
 * into the DomainError (409) an officer reads:
 *   already-done → `<DOMAIN>.ALREADY_DONE`, closed → `CASE.CLOSED`, out-of-order → `<DOMAIN>.OUT_OF_ORDER`.
 * Every message says where the record stands and what the officer can do (or wait for) now.
 */
import { DomainError, ErrorCodes } from '@casebridge/contracts';
import { judgeAct, mayAct, type ActRules, type PhaseHistory } from '@casebridge/flows';

export { judgeAct, type ActRules, type ActVerdict, type PhaseHistory } from '@casebridge/flows';

/**
 * Refuses a caller the flow's act spec does not allow (libs/flows `mayAct`: agency kind and one of the roles):
 * 403 `rules.codes.notAllowed`, whatever the route's @Roles let through. Nothing when the rules name no actors.
 * @throws DomainError forbidden
 */
export function assertActor<P extends string, A extends string>(
  rules: ActRules<P, A>,
  act: A,
  actor: { agencyKind: string; roles: readonly string[] },
): void {
  const spec = rules.actors?.[act];
  if (!spec || mayAct(spec, actor)) return;
  throw new DomainError(
    rules.codes.notAllowed ?? ErrorCodes.actNotAllowed,
    'forbidden',
    `You may not ${rules.text[act]}: only ${spec.roles.join(' or ')} of ${spec.by === 'enforcement' ? 'an' : 'a'} ${spec.by} agency may (you: ${actor.roles.join(', ') || 'no role'} of ${actor.agencyKind}).`,
    { act, allowedAgencyKind: spec.by, allowedRoles: spec.roles },
  );
}

/**
 * Throws the DomainError of judgeAct's verdict (nothing when allowed). `hint` adds act-specific advice. `next` is what
 * the record's own state says comes next (e.g. a PIL case whose recommendation is already filed upward); without it,
 * the rules' text for the phase.
 */
export function assertAct<P extends string, A extends string>(
  rules: ActRules<P, A>,
  act: A,
  history: PhaseHistory<P>,
  hint?: string,
  next: string | null | undefined = rules.next[history.phase],
): void {
  const verdict = judgeAct(rules, act, history);
  if (verdict === 'allowed') return;
  const { phase } = history;
  const now = next ? ` Now: ${next}.` : '';
  const extra = hint ? ` ${hint}` : '';
  const details = {
    phase,
    allowedPhases: rules.allowed[act],
    ...(next ? { next } : {}),
  };
  switch (verdict) {
    case 'already-done':
      throw new DomainError(
        rules.codes.alreadyDone,
        'conflict',
        `Already done: you cannot ${rules.text[act]} again — the ${rules.subject} is "${phase}".${now}${extra}`,
        details,
      );
    case 'closed':
      throw new DomainError(
        rules.codes.closed,
        'conflict',
        `This ${rules.subject} is closed ("${phase}"); you cannot ${rules.text[act]} any more.${extra}`,
        details,
      );
    default:
      throw new DomainError(
        rules.codes.outOfOrder,
        'conflict',
        `You cannot ${rules.text[act]} now: the ${rules.subject} is "${phase}" (possible when ${rules.allowed[act].join(' or ')}).${now}${extra}`,
        details,
      );
  }
}
