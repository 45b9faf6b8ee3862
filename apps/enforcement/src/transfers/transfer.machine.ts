/**
 * The enforcement agency's view of one transfer (案件移送), flows.md §1: its phases and acts are the
 * transfer flow's (libs/flows transfer.flow.ts), read here under the names this app uses.
 */
import {
  ENFORCEMENT_ACT_RULES,
  ENFORCEMENT_CLOSED_PHASES,
  ENFORCEMENT_TRANSFER_PHASES,
  type EnforcementTransferAct,
  type EnforcementTransferPhase,
} from '@casebridge/flows';
import { assertAct } from '@casebridge/platform';

export { penaltyClockSuspendedIn } from '@casebridge/flows';

export const TRANSFER_PHASES = ENFORCEMENT_TRANSFER_PHASES;
export type TransferPhase = EnforcementTransferPhase;
export const CLOSED_PHASES = ENFORCEMENT_CLOSED_PHASES;
/** Acts of the enforcement agency. */
export type TransferAct = EnforcementTransferAct;
export const TRANSFER_ACT_RULES = ENFORCEMENT_ACT_RULES;

/** Throws a DomainError an officer understands when the act does not fit the phase (libs/platform assertAct). */
export function assertAllowed(phase: TransferPhase, act: TransferAct, previousPhase?: TransferPhase | null): void {
  assertAct(TRANSFER_ACT_RULES, act, { phase, previousPhase });
}
