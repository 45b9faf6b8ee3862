/**
 * Prosecution (审查起诉, flows.md §3; rule ids of deadlines.md "Prosecution") as a pure decider: which steps
 * open and close on each event. No Temporal, no I/O, no clock.
 *
 *   prosecution.transferred                → prosecution.review (procuratorate, 1 month)
 *   prosecution.review-extended            → the review extended to 1 month + 15 days (major/complex, CPL art 172)
 *   prosecution.returned-for-investigation → review met; prosecution.supplementary-investigation (police, 1 month;
 *                                            each round its own step `…#2`, at most 2 rounds, CPL art 175)
 *   prosecution.resubmitted                → investigation met; a new prosecution.review (`…/prosecution.review#2`)
 *   prosecution.decided indicted           → review met; the path ends (the court takes over)
 *   prosecution.decided not-prosecuted     → review met; prosecution.nonprosecution-notice (procuratorate, 3 days)
 *   prosecution.nonprosecution-notified    → notice met; the path ends
 */
import type {
  ProsecutionDecidedV1,
  ProsecutionResubmittedV1,
  ProsecutionReturnedForInvestigationV1,
  ProsecutionReviewExtendedV1,
} from '@casebridge/contracts';
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import { apply, defer, ignore, type CaseDecider, type Decision, type StepContext } from '../shared/step-actions';
import type { ProsecutionOutcome, ProsecutionPhase } from './prosecution.contracts';

export const ProsecutionRules = {
  review: 'prosecution.review',
  supplementaryInvestigation: 'prosecution.supplementary-investigation',
  nonprosecutionNotice: 'prosecution.nonprosecution-notice',
} as const;

/** At most 2 rounds of supplementary investigation (CPL art 175). */
export const MAX_ROUNDS = 2;

export interface ProsecutionModel {
  phase: ProsecutionPhase;
  outcome: ProsecutionOutcome | null;
  rounds: number;
  courtAgencyId: string | null;
}

export function initialProsecutionModel(): ProsecutionModel {
  return { phase: 'new', outcome: null, rounds: 0, courtAgencyId: null };
}

const R = ProsecutionRules;

function payloadOf<P>(event: CaseEventSignal): P {
  return event.payload as unknown as P;
}

export function decideProsecution(
  model: ProsecutionModel,
  event: CaseEventSignal,
  ctx: StepContext,
): Decision<ProsecutionModel> {
  const at = event.occurredAt;
  const { phase } = model;
  if (model.outcome !== null && event.type !== 'prosecution.transferred') return ignore('the prosecution is over');
  switch (event.type) {
    case 'prosecution.transferred':
      if (phase !== 'new') return ignore('the case was already transferred for prosecution');
      return apply(
        { ...model, phase: 'under-review' },
        { kind: 'open', ruleId: R.review, role: 'procuratorate', from: at },
      );

    case 'prosecution.review-extended': {
      if (phase === 'new') return defer('waiting for prosecution.transferred');
      if (!ctx.isOpen(R.review)) return ignore('no review is running');
      const p = payloadOf<ProsecutionReviewExtendedV1>(event);
      return apply(model, { kind: 'extend', ruleId: R.review, variant: p.variant, approvedBy: p.approvedBy, at });
    }

    case 'prosecution.returned-for-investigation': {
      if (phase === 'new') return defer('waiting for prosecution.transferred');
      const p = payloadOf<ProsecutionReturnedForInvestigationV1>(event);
      if (p.round <= model.rounds) return ignore(`round ${p.round} was already returned`);
      if (p.round > MAX_ROUNDS) return ignore(`at most ${MAX_ROUNDS} rounds of supplementary investigation`);
      if (p.round > model.rounds + 1) return defer(`waiting for round ${model.rounds + 1}`);
      if (phase === 'returned') return defer('waiting for the re-submission of the previous round');
      if (phase !== 'under-review') return ignore(`return in phase ${phase}`);
      return apply(
        { ...model, phase: 'returned', rounds: p.round },
        { kind: 'close', ruleId: R.review, at, outcome: 'met' },
        { kind: 'open', ruleId: R.supplementaryInvestigation, role: 'police', from: at },
      );
    }

    case 'prosecution.resubmitted': {
      if (phase === 'new') return defer('waiting for prosecution.transferred');
      const p = payloadOf<ProsecutionResubmittedV1>(event);
      if (p.round > model.rounds) return defer(`waiting for the return of round ${p.round}`);
      if (phase !== 'returned' || p.round < model.rounds) return ignore(`round ${p.round} was already re-submitted`);
      // the review period starts again when the case comes back (CPL art 175): a new step, round #2, #3
      return apply(
        { ...model, phase: 'under-review' },
        { kind: 'close', ruleId: R.supplementaryInvestigation, at },
        { kind: 'open', ruleId: R.review, role: 'procuratorate', from: at },
      );
    }

    case 'prosecution.decided': {
      if (phase === 'new') return defer('waiting for prosecution.transferred');
      if (phase === 'returned') return defer('waiting for the re-submission');
      if (phase !== 'under-review') return ignore('already decided');
      const p = payloadOf<ProsecutionDecidedV1>(event);
      if (p.outcome === 'indicted') {
        return apply(
          { ...model, phase: 'indicted', outcome: 'indicted', courtAgencyId: p.courtAgencyId ?? null },
          { kind: 'close', ruleId: R.review, at, outcome: 'met' },
          { kind: 'close-all', at },
        );
      }
      return apply(
        { ...model, phase: 'not-prosecuted' },
        { kind: 'close', ruleId: R.review, at, outcome: 'met' },
        { kind: 'open', ruleId: R.nonprosecutionNotice, role: 'procuratorate', from: at },
      );
    }

    case 'prosecution.nonprosecution-notified':
      if (phase === 'not-prosecuted') {
        return apply(
          { ...model, phase: 'enforcement-notified', outcome: 'enforcement-notified' },
          { kind: 'close', ruleId: R.nonprosecutionNotice, at },
          { kind: 'close-all', at },
        );
      }
      if (phase === 'new' || phase === 'under-review' || phase === 'returned')
        return defer('waiting for the non-prosecution decision');
      return ignore(`notice in phase ${phase}`);

    default:
      return ignore(`not a prosecution event: ${event.type}`);
  }
}

export const prosecutionDecider: CaseDecider<ProsecutionModel> = {
  decide: decideProsecution,
  onMissed: () => null,
  isFinished: (model) => model.outcome !== null,
};

export function prosecutionOwners(input: {
  policeAgencyId: string;
  procuratorateAgencyId: string;
  enforcementAgencyId?: string;
  region: string;
}): Record<AgencyRole, string> {
  return {
    enforcement: input.enforcementAgencyId ?? `enforcement:${input.region}`,
    police: input.policeAgencyId,
    procuratorate: input.procuratorateAgencyId,
  };
}
