/**
 * Public contract of the filing-supervision workflow (立案监督, flows.md §2). Dependency-free.
 */
import type {
  CaseEventSignal,
  ClosedStepView,
  ClockSignal,
  DeadlineConfig,
  EventLogEntry,
  ExtendDeadlineSignal,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { CaseWorkflowSignals, OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const FILING_SUPERVISION_WORKFLOW_TYPE = 'filingSupervisionWorkflow';

export function supervisionWorkflowId(supervisionId: string): string {
  return `supervision-${supervisionId}`;
}

/** Same signals as the transfer workflow. */
export const SupervisionSignals = CaseWorkflowSignals;

export const SupervisionQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → SupervisionStateView */
  supervisionState: 'supervisionState',
} as const;

/** Integration event types the supervision workflow consumes (transfer.filing-decided only with its supervisionId). */
export const SUPERVISION_WORKFLOW_EVENT_TYPES = [
  'filing-supervision.opened',
  'filing-supervision.explanation-required',
  'filing-supervision.explained',
  'filing-supervision.reasons-accepted',
  'filing-supervision.filing-notice-issued',
  'filing-supervision.correction-issued',
  'filing-supervision.chaser-issued',
  'transfer.filing-decided',
] as const;

export type SupervisionOutcome =
  | 'reasons-accepted' // the police reasons were valid; enforcement told (supervision.tell-agency)
  | 'chaser-issued'; // filed under supervision, chaser sent after 3 months (supervision.investigation-chaser)

export type SupervisionPhase =
  | 'new'
  | 'opened'
  | 'explanation-required'
  | 'explained'
  | 'filing-notice-issued'
  | 'correction-issued'
  | 'filed'
  | SupervisionOutcome;

export interface FilingSupervisionInput {
  supervisionId: string;
  transferId: string;
  linkedCaseId: string;
  /** The supervising procuratorate (producer of filing-supervision.opened). */
  procuratorateAgencyId: string;
  policeAgencyId: string;
  enforcementAgencyId: string;
  region: string;
  ground?: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface SupervisionStateView {
  workflowId: string;
  supervisionId: string;
  transferId: string;
  linkedCaseId: string;
  phase: SupervisionPhase;
  finished: boolean;
  outcome: SupervisionOutcome | null;
  ground: string | null;
  /** Set by filing-supervision.correction-issued when escalated one level up. */
  escalatedTo: string | null;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}

export type { CaseEventSignal, ClockSignal, ExtendDeadlineSignal, OpenStepView };
