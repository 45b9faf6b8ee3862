/**
 * penalty.decision-period as a pure decider: 90 days from the registration of the administrative case
 * (立案), not running while the case is with the police (APL art 60; E17 art 16). No Temporal, no I/O.
 *
 * The period ends with the penalty decision, which CaseBridge does not record yet: the workflow holds the
 * step (warning, missed) and never finishes by itself; it continues as new when its history grows.
 */
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import { apply, defer, ignore, payloadString, type CaseDecider, type Decision } from '../shared/step-actions';
import type { PenaltyPhase } from './penalty.contracts';

export const PENALTY_RULE = 'penalty.decision-period';

export interface PenaltyModel {
  phase: PenaltyPhase;
}

export function initialPenaltyModel(): PenaltyModel {
  return { phase: 'new' };
}

export function decidePenalty(model: PenaltyModel, event: CaseEventSignal): Decision<PenaltyModel> {
  const at = event.occurredAt;
  switch (event.type) {
    case 'case.registered':
      if (model.phase !== 'new') return ignore('the case is already registered');
      return apply({ phase: 'running' }, { kind: 'open', ruleId: PENALTY_RULE, role: 'enforcement', from: at });

    case 'penalty.clock-changed': {
      if (model.phase === 'new') return defer('waiting for case.registered');
      const state = payloadString(event, 'state');
      if (state === 'suspended') {
        if (model.phase === 'suspended') return ignore('the clock is already suspended');
        const reason = payloadString(event, 'reason');
        return apply(
          { phase: 'suspended' },
          { kind: 'suspend', ruleId: PENALTY_RULE, at, ...(reason ? { reason } : {}) },
        );
      }
      if (state === 'running') {
        if (model.phase === 'running') return ignore('the clock is already running');
        return apply({ phase: 'running' }, { kind: 'resume', ruleId: PENALTY_RULE, at });
      }
      return ignore(`unknown clock state ${String(state)}`);
    }

    default:
      return ignore(`not a penalty-clock event: ${event.type}`);
  }
}

export const penaltyDecider: CaseDecider<PenaltyModel> = {
  decide: (model, event) => decidePenalty(model, event),
  onMissed: () => null,
  isFinished: () => false,
};

export function penaltyOwners(input: { enforcementAgencyId: string; region: string }): Record<AgencyRole, string> {
  return {
    enforcement: input.enforcementAgencyId,
    police: `police:${input.region}`,
    procuratorate: `procuratorate:${input.region}`,
  };
}
