/**
 * Public contract of the prosecution workflow (审查起诉, flows.md §3; deadlines.md "Prosecution"). Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { CaseWorkflowSignals, OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const PROSECUTION_WORKFLOW_TYPE = 'prosecutionWorkflow';

/** One per prosecution. */
export function prosecutionWorkflowId(prosecutionId: string): string {
  return `prosecution-${prosecutionId}`;
}

export const ProsecutionSignals = CaseWorkflowSignals;

export const ProsecutionQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → ProsecutionStateView */
  prosecutionState: 'prosecutionState',
} as const;

/** Integration event types the prosecution workflow consumes. */
export const PROSECUTION_WORKFLOW_EVENT_TYPES = [
  'prosecution.transferred',
  'prosecution.review-extended',
  'prosecution.returned-for-investigation',
  'prosecution.resubmitted',
  'prosecution.decided',
  'prosecution.nonprosecution-notified',
] as const;

export type ProsecutionOutcome =
  | 'indicted' // the court named in prosecution.decided takes over
  | 'enforcement-notified'; // not prosecuted, enforcement notified (prosecution.nonprosecution-notice)

export type ProsecutionPhase = 'new' | 'under-review' | 'returned' | 'not-prosecuted' | ProsecutionOutcome;

export interface ProsecutionInput {
  prosecutionId: string;
  transferId: string;
  linkedCaseId: string;
  policeAgencyId: string;
  procuratorateAgencyId: string;
  /** the agency told of a non-prosecution; absent: `enforcement:<region>` */
  enforcementAgencyId?: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface ProsecutionStateView {
  workflowId: string;
  prosecutionId: string;
  transferId: string;
  linkedCaseId: string;
  phase: ProsecutionPhase;
  finished: boolean;
  outcome: ProsecutionOutcome | null;
  /** rounds of supplementary investigation so far (0–2) */
  rounds: number;
  courtAgencyId: string | null;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
