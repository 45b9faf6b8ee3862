/**
 * The court case (flows.md §3–4, §6; rule ids of deadlines.md "Court" and edc.confirmation-announcement) as a pure
 * decider: which steps open and close on each court event. No Temporal, no I/O, no clock.
 *
 *   received → docketed → (served, agency notified, co-plaintiff window, hearings, settlement) → judged | settled
 *   received → not-accepted
 *   received (confirmation application) → announced → confirmed
 *
 * The court's own steps are owned by the court office (`owner: agency`: its inbox holds them); the co-plaintiff
 * window is owed by the eligible organisations (a party) and followed by the plaintiff; the procuratorate's answer
 * to a hearing notice is the procuratorate's.
 */
import type { DeadlineOwner } from '@casebridge/contracts';
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
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
import type { CourtOutcome, CourtSource, CourtTrack, CourtWorkflowPhase } from './court.contracts';

export const CourtRules = {
  docket: 'court.docket',
  serveComplaint: 'court.serve-complaint',
  notifyAgency: 'court.notify-agency',
  coPlaintiffWindow: 'court.co-plaintiff-window',
  hearingNotice: 'court.hearing-notice',
  settlementAnnouncement: 'court.settlement-announcement',
  trialCivil: 'court.trial-civil',
  trialAdministrative: 'court.trial-administrative',
  trialCriminal: 'court.trial-criminal',
  confirmationAnnouncement: 'edc.confirmation-announcement',
  /** a period the judgment sets (status 'ordered', not a row of deadlines.md) */
  restorationOrder: 'court.restoration-order',
} as const;

/** patched() ids of the court path (runs recorded before a change replay the old path). */
export const CourtPatches = {
  /** a judgment with a restoration order keeps the case open on court.restoration-order until verified */
  restorationStep: 'court-restoration-order-step',
  /** court.restoration-order is owed by the defendant: the defendant agency of an administrative PIL, else the named defendant (a party) */
  restorationOwedByDefendant: 'court-restoration-owed-by-defendant',
} as const;

/** Runs recorded before CourtPatches.restorationOwedByDefendant: an unnamed liable party, followed by the plaintiff. */
const LIABLE_PARTY: DeadlineOwner = { kind: 'party', role: 'liable-party' };
/** The defendant of a civil or criminal case ordered to restore: a party, never an agency (the plaintiff only follows it). */
export const DEFENDANT_PARTY: DeadlineOwner = { kind: 'party', role: 'liable-party', name: '被告 defendant' };

/**
 * Who owes a judgment's restoration order (court.restoration-order): the defendant. In an administrative PIL the
 * defendant is the agency that failed its duty — the agency the court served in writing (court.agency-notified):
 * it owes the step, its inbox holds it and supervisors may press it. In a civil or criminal case (and a
 * compensation suit) the defendant is a company or a person, no agency: the step names the defendant as a party,
 * the plaintiff agency only follows it (supervision presses no agency for it). An administrative PIL whose agency
 * was never notified falls back to the defendant party.
 */
export function restorationOwner(model: Pick<CourtModel, 'pilKind' | 'notifiedAgencyId'>): DeadlineOwner {
  return model.pilKind === 'administrative' && model.notifiedAgencyId
    ? { kind: 'agency', agencyId: model.notifiedAgencyId }
    : DEFENDANT_PARTY;
}

/**
 * Whole days from the judgment's civil day (Asia/Shanghai) to the last day the judgment names (YYYY-MM-DD):
 * the per-case period of court.restoration-order (day counting starts the day after the judgment, legal-time).
 * Null when the last day is not after the judgment day (the court app refuses that).
 */
export function restorationDays(judgedAt: string, lastDay: string): number | null {
  const judgedDay = new Date(Date.parse(judgedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
  const n = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${judgedDay}T00:00:00Z`)) / 86_400_000);
  return Number.isFinite(n) && n >= 1 ? n : null;
}
const R = CourtRules;

/** The trial-period rule of each track (court.trial-*). */
export const TRIAL_RULE: Readonly<Record<CourtTrack, string>> = {
  civil: R.trialCivil,
  administrative: R.trialAdministrative,
  criminal: R.trialCriminal,
};

/** Key of the procuratorate's answer to a hearing notice (variant procuratorate-answer of court.hearing-notice). */
export const PROCURATORATE_ANSWER_KEY = 'procuratorate-answer';

/**
 * What a miss means where the rule table says '—' or where the period is a minimum (announcements): the
 * missed event then says what may follow.
 */
export const COURT_ON_EXPIRY: Readonly<Record<string, string>> = {
  [R.settlementAnnouncement]:
    'the ≥ 30-day announcement has run: the court may now approve the settlement or mediation agreement (CivJI art 287)',
  [R.confirmationAnnouncement]:
    'the ≥ 30-day announcement has run: the court may now confirm the compensation agreement (EDC art 20)',
  [R.coPlaintiffWindow]: 'the 30-day window has closed: later applications to join are refused (EnvPIL art 10)',
  [R.serveComplaint]: 'complaint not served within 5 days of docketing (PILJI art 17)',
  [R.notifyAgency]: 'competent agency not notified within 10 days of docketing (CivJI art 284)',
  [R.trialCivil]: 'civil trial period exceeded without an approved extension (CivPL arts 152, 164)',
  [R.trialAdministrative]: 'administrative trial period exceeded (ALL arts 81, 83)',
  [R.trialCriminal]: 'criminal trial period exceeded without an approved extension (CPL art 208)',
  [R.restorationOrder]:
    'restoration overdue: the court may have it done at the defendant’s cost (restoration costs set in the judgment, EnvPIL art 20)',
  [R.hearingNotice]: 'the procuratorate did not answer the hearing notice within 3 days (PILJI art 8)',
};

export interface CourtModel {
  courtCaseId: string;
  courtAgencyId: string;
  plaintiffAgencyId: string;
  source: CourtSource;
  track: CourtTrack;
  pilKind: 'administrative' | 'civil' | null;
  phase: CourtWorkflowPhase;
  outcome: CourtOutcome | null;
  docketedAt: string | null;
  /** the agency the court notified in writing (court.agency-notified): in an administrative PIL, the defendant agency */
  notifiedAgencyId?: string | null;
}

export function initialCourtModel(input: {
  courtCaseId: string;
  courtAgencyId: string;
  plaintiffAgencyId: string;
  source: CourtSource;
  track: CourtTrack;
  pilKind?: 'administrative' | 'civil';
}): CourtModel {
  return {
    courtCaseId: input.courtCaseId,
    courtAgencyId: input.courtAgencyId,
    plaintiffAgencyId: input.plaintiffAgencyId,
    source: input.source,
    track: input.track,
    pilKind: input.pilKind ?? null,
    phase: 'new',
    outcome: null,
    docketedAt: null,
    notifiedAgencyId: null,
  };
}

/** The role of the plaintiff among the case's agencies: the claimant agency of an EDC case is enforcement. */
export function plaintiffRole(model: Pick<CourtModel, 'source'>): AgencyRole {
  return model.source === 'edc-suit' || model.source === 'edc-confirmation' ? 'enforcement' : 'procuratorate';
}

function court(model: CourtModel): { role: AgencyRole; owner: DeadlineOwner } {
  return { role: plaintiffRole(model), owner: { kind: 'agency', agencyId: model.courtAgencyId } };
}

function finish(model: CourtModel, outcome: CourtOutcome, ...actions: StepAction[]): Decision<CourtModel> {
  return apply({ ...model, phase: outcome, outcome }, ...actions);
}

/** Before the case was docketed an act of a docketed case waits; after it ended it changes nothing. */
function notYet(model: CourtModel, what: string): Decision<CourtModel> {
  if (model.phase === 'new' || model.phase === 'received') return defer(`waiting for court.case-docketed (${what})`);
  return ignore(`${what} in phase ${model.phase}`);
}

export function decideCourt(model: CourtModel, event: CaseEventSignal, ctx: StepContext): Decision<CourtModel> {
  const at = event.occurredAt;
  const { phase } = model;
  if (model.outcome !== null) return ignore(`the court case ended (${model.outcome})`);
  switch (event.type) {
    case 'court.case-received':
      if (phase !== 'new') return ignore('case already received');
      // a confirmation application is announced, not docketed (EDC art 20)
      if (model.source === 'edc-confirmation') return apply({ ...model, phase: 'received' });
      return apply({ ...model, phase: 'received' }, { kind: 'open', ruleId: R.docket, from: at, ...court(model) });

    case 'court.case-not-accepted':
      if (phase === 'new') return defer('waiting for court.case-received');
      if (phase !== 'received') return ignore(`ruling not to accept in phase ${phase}`);
      return finish(model, 'not-accepted', { kind: 'close', ruleId: R.docket, at }, { kind: 'close-all', at });

    case 'court.case-docketed': {
      if (phase === 'new') return defer('waiting for court.case-received');
      if (phase !== 'received' || model.source === 'edc-confirmation') return ignore(`docketing in phase ${phase}`);
      const simplified = payloadString(event, 'procedure') === 'simplified' && model.track !== 'criminal';
      const actions: StepAction[] = [
        { kind: 'close', ruleId: R.docket, at },
        {
          kind: 'open',
          ruleId: TRIAL_RULE[model.track],
          from: at,
          ...(simplified ? { variant: 'simplified' } : {}),
          ...court(model),
        },
      ];
      if (model.source === 'pil') actions.push({ kind: 'open', ruleId: R.notifyAgency, from: at, ...court(model) });
      if (model.source === 'pil' && model.pilKind === 'civil')
        actions.push({ kind: 'open', ruleId: R.serveComplaint, from: at, ...court(model) });
      return apply({ ...model, phase: 'docketed', docketedAt: at }, ...actions);
    }

    case 'court.complaint-served':
      if (ctx.isOpen(R.serveComplaint)) return apply(model, { kind: 'close', ruleId: R.serveComplaint, at });
      return notYet(model, 'complaint served');

    case 'court.agency-notified': {
      if (!ctx.isOpen(R.notifyAgency)) return notYet(model, 'agency notified');
      const agencyId = payloadString(event, 'agencyId');
      return apply(
        { ...model, notifiedAgencyId: agencyId ?? null },
        { kind: 'close', ruleId: R.notifyAgency, at },
        // the notified agency's copy of the step: it lands in its inbox, met or late as the court's
        ...(agencyId
          ? [
              {
                kind: 'instant' as const,
                ruleId: R.notifyAgency,
                key: agencyId,
                from: model.docketedAt ?? at,
                at,
                role: plaintiffRole(model),
                owner: { kind: 'agency' as const, agencyId },
              },
            ]
          : []),
      );
    }

    case 'court.co-plaintiff-announced':
      if (phase !== 'docketed') return notYet(model, 'co-plaintiff announcement');
      if (ctx.isOpen(R.coPlaintiffWindow)) return ignore('the co-plaintiff window is already open');
      return apply(model, {
        kind: 'open',
        ruleId: R.coPlaintiffWindow,
        from: at,
        role: plaintiffRole(model),
        owner: { kind: 'party', role: 'eligible-organisation' },
      });

    case 'court.hearing-scheduled': {
      if (phase !== 'docketed') return notYet(model, 'hearing notice');
      const hearingAt = payloadString(event, 'hearingAt');
      if (!hearingAt) return ignore('hearing without a date');
      const actions: StepAction[] = [
        // the notice is served with the event: counted back from the hearing (≥ 3 days before), met or late at once
        { kind: 'instant', ruleId: R.hearingNotice, from: hearingAt, at, ...court(model) },
      ];
      if (plaintiffRole(model) === 'procuratorate') {
        // a new notice replaces the answer owed to an earlier one
        if (ctx.isOpen(R.hearingNotice, PROCURATORATE_ANSWER_KEY))
          actions.push({ kind: 'close', ruleId: R.hearingNotice, key: PROCURATORATE_ANSWER_KEY, at, outcome: 'moot' });
        actions.push({
          kind: 'open',
          ruleId: R.hearingNotice,
          key: PROCURATORATE_ANSWER_KEY,
          variant: 'procuratorate-answer',
          from: at,
          role: 'procuratorate',
        });
      }
      return apply(model, ...actions);
    }

    case 'court.settlement-announced':
      if (phase !== 'docketed') return notYet(model, 'settlement announcement');
      if (ctx.isOpen(R.settlementAnnouncement)) return ignore('a settlement is already announced');
      return apply(model, { kind: 'open', ruleId: R.settlementAnnouncement, from: at, ...court(model) });

    case 'court.settlement-approved':
      if (!ctx.isOpen(R.settlementAnnouncement)) return notYet(model, 'settlement approval');
      // the court app approves only after the minimum period: the approval itself meets the step
      return finish(
        model,
        'settled',
        { kind: 'close', ruleId: R.settlementAnnouncement, at, outcome: 'met' },
        { kind: 'close-all', at },
      );

    case 'court.confirmation-announced':
      if (model.source !== 'edc-confirmation') return ignore('not a confirmation application');
      if (phase === 'new') return defer('waiting for court.case-received');
      if (phase !== 'received') return ignore(`announcement in phase ${phase}`);
      return apply(
        { ...model, phase: 'announced' },
        { kind: 'open', ruleId: R.confirmationAnnouncement, from: at, ...court(model) },
      );

    case 'court.agreement-confirmed':
      if (phase !== 'announced')
        return phase === 'new' || phase === 'received'
          ? defer('waiting for the announcement')
          : ignore(`confirmation in phase ${phase}`);
      return finish(
        model,
        'confirmed',
        { kind: 'close', ruleId: R.confirmationAnnouncement, at, outcome: 'met' },
        { kind: 'close-all', at },
      );

    case 'court.trial-extended': {
      const ruleId = payloadString(event, 'ruleId');
      const variant = payloadString(event, 'variant');
      if (!ruleId || !variant || ruleId !== TRIAL_RULE[model.track]) return ignore('extension of another trial period');
      if (!ctx.isOpen(ruleId)) return notYet(model, 'trial extension');
      const approvedBy = payloadString(event, 'approvedBy');
      return apply(model, { kind: 'extend', ruleId, variant, at, ...(approvedBy ? { approvedBy } : {}) });
    }

    case 'court.judgment-rendered': {
      if (phase !== 'docketed') return notYet(model, 'judgment');
      const ended: StepAction[] = [
        { kind: 'close', ruleId: TRIAL_RULE[model.track], at },
        { kind: 'close-all', at },
      ];
      const lastDay = payloadString(event, 'restorationDueDate');
      const days = lastDay ? restorationDays(at, lastDay) : null;
      if (days === null || !ctx.patched(CourtPatches.restorationStep)) return finish(model, 'judged', ...ended);
      // the restoration order is tracked until the court verifies it completed (flows.md §6)
      return apply({ ...model, phase: 'restoring' }, ...ended, {
        kind: 'open',
        ruleId: R.restorationOrder,
        role: plaintiffRole(model),
        owner: ctx.patched(CourtPatches.restorationOwedByDefendant) ? restorationOwner(model) : LIABLE_PARTY,
        from: at,
        casePeriod: { unit: 'days', amount: days },
      });
    }

    case 'court.restoration-verified':
      if (phase !== 'restoring') return ignore(`no restoration order is being tracked (${phase})`);
      if (payloadString(event, 'outcome') !== 'completed') return apply(model); // not yet: the order stays open
      return finish(model, 'judged', { kind: 'close', ruleId: R.restorationOrder, at });

    default:
      return ignore(`not a court event: ${event.type}`);
  }
}

export const courtDecider: CaseDecider<CourtModel> = {
  decide: decideCourt,
  onMissed: () => null,
  isFinished: (model) => model.outcome !== null,
};

/** The agencies of the case by role (police takes no part in a court case). */
export function courtOwners(model: Pick<CourtModel, 'source' | 'plaintiffAgencyId'>): Record<AgencyRole, string> {
  const plaintiff = model.plaintiffAgencyId;
  return {
    procuratorate: plaintiffRole(model) === 'procuratorate' ? plaintiff : '',
    enforcement: plaintiffRole(model) === 'enforcement' ? plaintiff : '',
    police: '',
  };
}
