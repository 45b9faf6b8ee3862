/**
 * Public contract of the administrative-penalty period workflow (penalty.decision-period, deadlines.md
 * "Case transfer"; APL art 60, E17 art 16). Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { CaseWorkflowSignals, OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const PENALTY_WORKFLOW_TYPE = 'penaltyPeriodWorkflow';

/** One per administrative case. */
export function penaltyWorkflowId(caseId: string): string {
  return `penalty-${caseId}`;
}

export const PenaltySignals = CaseWorkflowSignals;

export const PenaltyQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → PenaltyStateView */
  penaltyState: 'penaltyState',
} as const;

/**
 * case.registered starts the clock (立案); penalty.clock-changed — published by the enforcement app when a
 * transfer takes the case to the police or brings it back — suspends and resumes it (E17 art 16).
 */
export const PENALTY_WORKFLOW_EVENT_TYPES = ['case.registered', 'penalty.clock-changed'] as const;

export type PenaltyPhase = 'new' | 'running' | 'suspended';

export interface PenaltyPeriodInput {
  caseId: string;
  linkedCaseId: string;
  /** `enforcement:210100` — owes the penalty decision. */
  enforcementAgencyId: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface PenaltyStateView {
  workflowId: string;
  caseId: string;
  linkedCaseId: string;
  phase: PenaltyPhase;
  finished: boolean;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
