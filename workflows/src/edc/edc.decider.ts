/**
 * edc.consultation as a pure decider (flows.md §6; deadlines.md "Ecological damage compensation"): the
 * consultation notice served opens it for the claimant agency; meetings (at most 3) are recorded; an
 * agreement closes it met, a failure closes it too (the claimant sues; the court takes it from there).
 * Running out changes nothing by itself: the claimant agency still records the agreement or the failure.
 */
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import { apply, defer, ignore, type CaseDecider, type Decision } from '../shared/step-actions';
import type { EdcOutcome, EdcPhase } from './edc.contracts';

export const EDC_CONSULTATION_RULE = 'edc.consultation';
/** edc.consultation maxRounds (libs/legal-time edc.rules.ts). */
export const MAX_MEETINGS = 3;

export interface EdcModel {
  phase: EdcPhase;
  outcome: EdcOutcome | null;
  meetings: number[];
}

export function initialEdcModel(): EdcModel {
  return { phase: 'new', outcome: null, meetings: [] };
}

export function decideEdc(model: EdcModel, event: CaseEventSignal): Decision<EdcModel> {
  const at = event.occurredAt;
  if (event.type === 'edc.consultation-opened') {
    if (model.phase !== 'new') return ignore('the consultation is already open');
    return apply(
      { ...model, phase: 'consulting' },
      { kind: 'open', ruleId: EDC_CONSULTATION_RULE, role: 'enforcement', from: at },
    );
  }
  if (model.phase === 'new') return defer('waiting for edc.consultation-opened');
  if (model.outcome) return ignore(`the consultation is over (${model.outcome})`);
  switch (event.type) {
    case 'edc.meeting-held': {
      const round = event.payload.round;
      if (typeof round !== 'number') return ignore('a meeting without its round');
      if (model.meetings.includes(round)) return ignore(`meeting ${round} is already on file`);
      if (model.meetings.length >= MAX_MEETINGS) return ignore(`at most ${MAX_MEETINGS} meetings (edc.consultation)`);
      return apply({ ...model, meetings: [...model.meetings, round].sort((a, b) => a - b) });
    }
    case 'edc.consultation-agreed':
      return apply(
        { ...model, phase: 'agreed', outcome: 'agreed' },
        { kind: 'close', ruleId: EDC_CONSULTATION_RULE, at },
        { kind: 'close-all', at },
      );
    case 'edc.consultation-failed':
      // the failure ends the consultation (met or late by its due date); the claimant now sues
      return apply(
        { ...model, phase: 'failed', outcome: 'failed' },
        { kind: 'close', ruleId: EDC_CONSULTATION_RULE, at },
        { kind: 'close-all', at },
      );
    default:
      return ignore(`not a consultation event: ${event.type}`);
  }
}

export const edcDecider: CaseDecider<EdcModel> = {
  decide: (model, event) => decideEdc(model, event),
  onMissed: () => null,
  isFinished: (model) => model.outcome !== null,
};

export function edcOwners(input: { claimantAgencyId: string; region: string }): Record<AgencyRole, string> {
  return {
    enforcement: input.claimantAgencyId,
    police: `police:${input.region}`,
    procuratorate: `procuratorate:${input.region}`,
  };
}
