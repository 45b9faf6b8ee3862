/**
 * Filing supervision (立案监督, flows.md §2; rule ids of deadlines.md "Filing supervision") as a pure
 * decider: which steps open and close on each event. No Temporal, no I/O, no clock.
 */
import type { FilingSupervisionCorrectionIssuedV1, TransferFilingDecidedV1 } from '@casebridge/contracts';
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import {
  apply,
  defer,
  ignore,
  payloadString,
  type CaseDecider,
  type Decision,
  type StepContext,
} from '../shared/step-actions';
import type { SupervisionOutcome, SupervisionPhase } from './filing-supervision.contracts';

export const SupervisionRules = {
  policeExplain: 'supervision.police-explain',
  tellAgency: 'supervision.tell-agency',
  policeFile: 'supervision.police-file',
  investigationChaser: 'supervision.investigation-chaser',
} as const;

/**
 * The rule table says '—' on expiry of supervision.investigation-chaser: its expiry is itself the
 * prompt for the procuratorate's chaser letter (JR art 564), so the missed event says so.
 */
export const SUPERVISION_ON_EXPIRY: Readonly<Record<string, string>> = {
  [SupervisionRules.investigationChaser]:
    'investigation still open 3 months after filing under supervision: the procuratorate issues a chaser letter (催办函) (JR art 564)',
};

export interface SupervisionModel {
  supervisionId: string;
  phase: SupervisionPhase;
  outcome: SupervisionOutcome | null;
  ground: string | null;
  escalatedTo: string | null;
  filedAt: string | null;
}

export function initialSupervisionModel(supervisionId: string, ground?: string): SupervisionModel {
  return { supervisionId, phase: 'new', outcome: null, ground: ground ?? null, escalatedTo: null, filedAt: null };
}

const R = SupervisionRules;

export function decideSupervision(
  model: SupervisionModel,
  event: CaseEventSignal,
  ctx: StepContext,
): Decision<SupervisionModel> {
  const at = event.occurredAt;
  const { phase } = model;
  const filed = model.filedAt !== null;
  switch (event.type) {
    case 'filing-supervision.opened':
      if (phase !== 'new') return ignore('supervision already opened');
      return apply({ ...model, phase: 'opened', ground: payloadString(event, 'ground') ?? model.ground });

    case 'filing-supervision.explanation-required':
      if (filed) return ignore('the police already filed');
      if (ctx.isOpen(R.policeExplain)) return ignore('an explanation is already required');
      return apply(
        { ...model, phase: 'explanation-required' },
        { kind: 'open', ruleId: R.policeExplain, role: 'police', from: at },
      );

    case 'filing-supervision.explained':
      if (ctx.isOpen(R.policeExplain)) {
        return apply({ ...model, phase: 'explained' }, { kind: 'close', ruleId: R.policeExplain, at });
      }
      if (phase === 'new' || phase === 'opened') return defer('waiting for filing-supervision.explanation-required');
      return ignore(`explanation in phase ${phase}`);

    case 'filing-supervision.reasons-accepted':
      if (filed) return ignore('the police already filed');
      return apply(
        { ...model, phase: 'reasons-accepted', outcome: 'reasons-accepted' },
        { kind: 'close', ruleId: R.policeExplain, at, outcome: 'moot' },
        // The acceptance is notified to the requesting agency with the event itself (JR art 561).
        { kind: 'instant', ruleId: R.tellAgency, role: 'procuratorate', from: at, at },
        { kind: 'close-all', at },
      );

    case 'filing-supervision.filing-notice-issued':
      if (filed) return ignore('the police already filed');
      if (ctx.isOpen(R.policeFile)) return ignore('a filing notice is already running');
      return apply(
        { ...model, phase: 'filing-notice-issued' },
        { kind: 'close', ruleId: R.policeExplain, at, outcome: 'moot' },
        { kind: 'open', ruleId: R.policeFile, role: 'police', from: at },
      );

    case 'filing-supervision.correction-issued': {
      if (filed) return ignore('the police already filed');
      const p = event.payload as unknown as FilingSupervisionCorrectionIssuedV1;
      // supervision.police-file stays open (overdue) until the police file.
      return apply({ ...model, phase: 'correction-issued', escalatedTo: p.escalatedTo ?? model.escalatedTo });
    }

    case 'transfer.filing-decided': {
      const p = event.payload as unknown as TransferFilingDecidedV1;
      if (p.supervisionId !== model.supervisionId) return ignore('decision of another supervision');
      if (p.outcome !== 'filed') return ignore(`police decision ${p.outcome} under supervision`);
      if (filed) return ignore('the police already filed');
      return apply(
        { ...model, phase: 'filed', filedAt: at },
        { kind: 'close', ruleId: R.policeFile, at },
        { kind: 'close', ruleId: R.policeExplain, at, outcome: 'moot' },
        { kind: 'open', ruleId: R.investigationChaser, role: 'procuratorate', from: at },
      );
    }

    case 'filing-supervision.chaser-issued':
      if (ctx.isOpen(R.investigationChaser)) {
        // Issuing the chaser is the act the step prompts for: met whenever it comes.
        return apply(
          { ...model, phase: 'chaser-issued', outcome: 'chaser-issued' },
          { kind: 'close', ruleId: R.investigationChaser, at, outcome: 'met' },
          { kind: 'close-all', at },
        );
      }
      if (!filed) return defer('waiting for the police to file');
      return ignore('no chaser is due');

    default:
      return ignore(`not a filing-supervision event: ${event.type}`);
  }
}

export const supervisionDecider: CaseDecider<SupervisionModel> = {
  decide: decideSupervision,
  onMissed: () => null,
  isFinished: (model) => model.outcome !== null,
};

export function supervisionOwners(input: {
  policeAgencyId: string;
  procuratorateAgencyId: string;
  enforcementAgencyId: string;
}): Record<AgencyRole, string> {
  return {
    enforcement: input.enforcementAgencyId,
    police: input.policeAgencyId,
    procuratorate: input.procuratorateAgencyId,
  };
}
