/**
 * The public-interest litigation paths as a pure decider (flows.md §4 and §6; rule ids of deadlines.md
 * "Public-interest litigation"): given the PIL case's model and one integration event, which statutory steps
 * open, close, stop or run again. No Temporal, no I/O, no clock: pil.workflow.ts executes the actions.
 *
 * Administrative: the recommendation served opens pil.recommendation-filing (procuratorate, 5 days) and
 * pil.agency-reply (the respondent agency, 2 months / 15 days urgent); the reply — or its running out — opens
 * pil.admin-suit-decision; a decision not to sue opens its closing-notice variant as the keyed step
 * `pil.admin-suit-decision@closing-notice` (7 days to serve the closing decision).
 * Civil: the announcement opens pil.civil-announcement (a minimum period, followed by the procuratorate for the
 * organisations that may come forward); its end, or an eligible organisation, opens pil.civil-suit-decision.
 * While a damage consultation on the same conduct is open (pil.clock-changed) the civil clock stands still.
 */
import type { AgencyRole, CaseEventSignal, StepOwner } from '../shared/deadline.contracts';
import {
  apply,
  defer,
  ignore,
  payloadString,
  type CaseDecider,
  type Decision,
  type StepAction,
  type StepContext,
} from '../shared/step-actions';
import type { PilKind, PilOutcome, PilPhase } from './pil.contracts';

export const PilRules = {
  recommendationFiling: 'pil.recommendation-filing',
  agencyReply: 'pil.agency-reply',
  adminSuitDecision: 'pil.admin-suit-decision',
  civilAnnouncement: 'pil.civil-announcement',
  civilSuitDecision: 'pil.civil-suit-decision',
} as const;

/** Key of the closing-notice round of pil.admin-suit-decision (the closing decision owed to the agency). */
export const CLOSING_NOTICE_KEY = 'closing-notice';

export interface PilModel {
  kind: PilKind | null;
  phase: PilPhase;
  outcome: PilOutcome | null;
  respondentAgencyId: string | null;
  /** a damage consultation on the same conduct is open: the civil clock stands still */
  suspended: boolean;
}

export function initialPilModel(): PilModel {
  return { kind: null, phase: 'new', outcome: null, respondentAgencyId: null, suspended: false };
}

const R = PilRules;
const ORGANISATIONS: StepOwner = { kind: 'party', role: 'eligible-organisation' };
/** The steps of the civil path whose clock the consultation stops. */
const CIVIL_CLOCKS = [R.civilAnnouncement, R.civilSuitDecision] as const;

/** The path is over: the step the last act met is closed, every other open step becomes moot. */
function finish(model: PilModel, outcome: PilOutcome, at: string, met: StepAction): Decision<PilModel> {
  return apply({ ...model, phase: outcome, outcome }, met, { kind: 'close-all', at });
}

function isCivil(model: PilModel): boolean {
  return model.kind === 'civil' || model.kind === 'criminal-incidental-civil';
}

function decideAdministrative(model: PilModel, event: CaseEventSignal, ctx: StepContext): Decision<PilModel> {
  const at = event.occurredAt;
  switch (event.type) {
    case 'pil.recommendation-served': {
      if (model.phase !== 'opened') return ignore(`the recommendation is already served (${model.phase})`);
      const agencyId = payloadString(event, 'agencyId');
      const variant = payloadString(event, 'variant') ?? 'standard';
      return apply(
        { ...model, phase: 'recommended', respondentAgencyId: agencyId ?? model.respondentAgencyId },
        { kind: 'open', ruleId: R.recommendationFiling, role: 'procuratorate', from: at },
        {
          kind: 'open',
          ruleId: R.agencyReply,
          role: 'enforcement',
          from: at,
          variant,
          ...(agencyId ? { owner: { kind: 'agency' as const, agencyId } } : {}),
        },
      );
    }
    case 'pil.recommendation-filed':
      if (model.phase === 'opened') return defer('waiting for pil.recommendation-served');
      if (!ctx.isOpen(R.recommendationFiling)) return ignore('the recommendation is already filed upward');
      return apply(model, { kind: 'close', ruleId: R.recommendationFiling, at });
    case 'pil.agency-action-recorded':
      if (model.phase === 'opened') return defer('waiting for pil.recommendation-served');
      return apply(model);
    case 'pil.agency-replied': {
      if (model.phase === 'opened') return defer('waiting for pil.recommendation-served');
      if (model.phase !== 'recommended' && model.phase !== 'reply-overdue')
        return ignore(`the agency already replied (${model.phase})`);
      const actions: StepAction[] = [{ kind: 'close', ruleId: R.agencyReply, at }];
      // a late reply: the decision clock already runs from the end of pil.agency-reply
      if (!ctx.isOpen(R.adminSuitDecision))
        actions.push({ kind: 'open', ruleId: R.adminSuitDecision, role: 'procuratorate', from: at });
      return apply({ ...model, phase: 'replied' }, ...actions);
    }
    case 'pil.closing-decided':
      if (model.phase !== 'replied' && model.phase !== 'reply-overdue')
        return model.phase === 'recommended'
          ? defer('waiting for the reply or its end')
          : ignore(`not now (${model.phase})`);
      return apply(
        { ...model, phase: 'closing' },
        { kind: 'close', ruleId: R.adminSuitDecision, at },
        {
          kind: 'open',
          ruleId: R.adminSuitDecision,
          key: CLOSING_NOTICE_KEY,
          variant: 'closing-notice',
          role: 'procuratorate',
          from: at,
        },
      );
    case 'pil.closing-decision-served':
      if (model.phase !== 'closing') return defer('waiting for pil.closing-decided');
      return finish(model, 'closed', at, { kind: 'close', ruleId: R.adminSuitDecision, key: CLOSING_NOTICE_KEY, at });
    case 'pil.suit-filed':
      if (model.phase === 'opened' || model.phase === 'recommended') {
        // suing needs the reply or its end (ALL art 25(4)); the procuratorate app refuses it earlier
        return defer('waiting for the reply or its end');
      }
      if (model.phase !== 'replied' && model.phase !== 'reply-overdue') return ignore(`not now (${model.phase})`);
      return finish(model, 'sued', at, { kind: 'close', ruleId: R.adminSuitDecision, at });
    default:
      return ignore(`not an administrative PIL event: ${event.type}`);
  }
}

/** Stop or restart whichever civil clock is open. */
function civilClock(kind: 'suspend' | 'resume', at: string, ctx: StepContext, reason?: string): StepAction[] {
  return CIVIL_CLOCKS.filter((r) => ctx.isOpen(r)).map((ruleId) =>
    kind === 'suspend' ? { kind, ruleId, at, ...(reason ? { reason } : {}) } : { kind, ruleId, at },
  );
}

function decideCivil(model: PilModel, event: CaseEventSignal, ctx: StepContext): Decision<PilModel> {
  const at = event.occurredAt;
  switch (event.type) {
    case 'pil.announcement-published': {
      if (model.phase !== 'opened') return ignore(`the announcement is already published (${model.phase})`);
      const actions: StepAction[] = [
        { kind: 'open', ruleId: R.civilAnnouncement, role: 'procuratorate', owner: ORGANISATIONS, from: at },
      ];
      if (model.suspended)
        actions.push({ kind: 'suspend', ruleId: R.civilAnnouncement, at, reason: 'a damage consultation is open' });
      return apply({ ...model, phase: 'announced' }, ...actions);
    }
    case 'pil.organisation-assessed': {
      if (model.phase === 'opened') return defer('waiting for pil.announcement-published');
      if (event.payload.eligible !== true) return apply(model); // refused with reasons: the announcement goes on
      if (model.phase !== 'announced' && model.phase !== 'announcement-ended')
        return ignore(`an eligible organisation is already on file (${model.phase})`);
      const actions: StepAction[] = [{ kind: 'close', ruleId: R.civilAnnouncement, at, outcome: 'met' }];
      if (!ctx.isOpen(R.civilSuitDecision))
        actions.push({ kind: 'open', ruleId: R.civilSuitDecision, role: 'procuratorate', from: at });
      return apply({ ...model, phase: 'organisation-forward' }, ...actions);
    }
    case 'pil.clock-changed': {
      const state = payloadString(event, 'state');
      if (state === 'suspended') {
        if (model.suspended) return ignore('the clock already stands still');
        return apply({ ...model, suspended: true }, ...civilClock('suspend', at, ctx, payloadString(event, 'reason')));
      }
      if (state === 'running') {
        if (!model.suspended) return ignore('the clock already runs');
        return apply({ ...model, suspended: false }, ...civilClock('resume', at, ctx));
      }
      return ignore(`unknown clock state ${String(state)}`);
    }
    case 'pil.suit-supported':
      if (model.phase !== 'organisation-forward') return defer('waiting for an eligible organisation');
      return finish(model, 'supported', at, { kind: 'close', ruleId: R.civilSuitDecision, at });
    case 'pil.suit-filed':
      if (model.phase === 'opened' || model.phase === 'announced')
        return defer('waiting for the end of the announcement');
      if (model.phase !== 'announcement-ended' && model.phase !== 'organisation-forward')
        return ignore(`not now (${model.phase})`);
      return finish(model, 'sued', at, { kind: 'close', ruleId: R.civilSuitDecision, at });
    default:
      return ignore(`not a civil PIL event: ${event.type}`);
  }
}

export function decidePil(model: PilModel, event: CaseEventSignal, ctx: StepContext): Decision<PilModel> {
  if (event.type === 'pil.case-opened') {
    if (model.phase !== 'new') return ignore('the case is already open');
    const kind = payloadString(event, 'kind') as PilKind | undefined;
    if (!kind) return ignore('pil.case-opened without a kind');
    return apply({
      ...model,
      kind,
      phase: 'opened',
      respondentAgencyId: payloadString(event, 'respondentAgencyId') ?? null,
    });
  }
  if (model.phase === 'new') return defer('waiting for pil.case-opened');
  if (model.outcome) return ignore(`the case is over (${model.outcome})`);
  // the consultation may stop the clock before the civil case is announced; the investigation is facts only
  if (event.type === 'pil.investigation-recorded') return apply(model);
  return isCivil(model) ? decideCivil(model, event, ctx) : decideAdministrative(model, event, ctx);
}

/** What the end of a period means for the path. */
export function pilOnMissed(model: PilModel, ruleId: string, at: string, ctx: StepContext): Decision<PilModel> | null {
  if (ruleId === R.agencyReply && model.phase === 'recommended')
    return apply(
      { ...model, phase: 'reply-overdue' },
      ...(ctx.isOpen(R.adminSuitDecision)
        ? []
        : [{ kind: 'open' as const, ruleId: R.adminSuitDecision, role: 'procuratorate' as const, from: at }]),
    );
  // the announcement has run its 30 days with no eligible organisation: the procuratorate may sue
  if (ruleId === R.civilAnnouncement && model.phase === 'announced')
    return apply(
      { ...model, phase: 'announcement-ended' },
      { kind: 'open', ruleId: R.civilSuitDecision, role: 'procuratorate', from: at },
    );
  return null;
}

export const pilDecider: CaseDecider<PilModel> = {
  decide: decidePil,
  onMissed: (model, ruleId, at, ctx) => pilOnMissed(model, ruleId, at, ctx),
  isFinished: (model) => model.outcome !== null,
};

/** Who the roles are in a PIL case: the procuratorate that owns it, the respondent agency (enforcement). */
export function pilOwners(
  model: PilModel,
  input: { procuratorateAgencyId: string; respondentAgencyId?: string; region: string },
): Record<AgencyRole, string> {
  return {
    procuratorate: input.procuratorateAgencyId,
    enforcement: model.respondentAgencyId ?? input.respondentAgencyId ?? `enforcement:${input.region}`,
    police: `police:${input.region}`,
  };
}
