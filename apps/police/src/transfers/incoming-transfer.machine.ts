/**
 * The police view of a transfer received from an enforcement agency (flows.md §1 steps 4–5): its phases
 * and acts are the transfer flow's (libs/flows transfer.flow.ts), read here under this app's names.
 */
import {
  POLICE_ACT_RULES,
  POLICE_CLOSED_PHASES,
  POLICE_TRANSFER_PHASES,
  type PoliceTransferAct,
  type PoliceTransferPhase,
} from '@casebridge/flows';
import { assertAct } from '@casebridge/platform';

export { POLICE_ACT_RULES } from '@casebridge/flows';
export const INCOMING_PHASES = POLICE_TRANSFER_PHASES;
export type IncomingPhase = PoliceTransferPhase;
export const CLOSED_INCOMING = POLICE_CLOSED_PHASES;
export type PoliceAct = PoliceTransferAct;

/** Throws a DomainError an officer understands when the act does not fit the phase (libs/platform assertAct). */
export function assertPoliceAct(phase: IncomingPhase, act: PoliceAct, previousPhase?: IncomingPhase | null): void {
  assertAct(POLICE_ACT_RULES, act, { phase, previousPhase });
}
