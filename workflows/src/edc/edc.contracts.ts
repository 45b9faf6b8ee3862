/**
 * Public contract of the ecological damage compensation consultation workflow (生态环境损害赔偿磋商,
 * flows.md §6): one per compensation case, holding edc.consultation (90 days, at most 3 meetings; unverified).
 * The court drives edc.confirmation-announcement. Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { CaseWorkflowSignals, OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const EDC_WORKFLOW_TYPE = 'edcConsultationWorkflow';

export function edcWorkflowId(edcCaseId: string): string {
  return `edc-${edcCaseId}`;
}

export const EdcSignals = CaseWorkflowSignals;

export const EdcQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → EdcStateView */
  edcState: 'edcState',
} as const;

export const EDC_START_EVENT_TYPES = ['edc.consultation-opened'] as const;
export const EDC_WORKFLOW_EVENT_TYPES = [
  'edc.consultation-opened',
  'edc.meeting-held',
  'edc.consultation-agreed',
  'edc.consultation-failed',
] as const;

export type EdcOutcome = 'agreed' | 'failed';
export type EdcPhase = 'new' | 'consulting' | EdcOutcome;

export interface EdcConsultationInput {
  edcCaseId: string;
  linkedCaseId: string;
  /** The claimant agency (an enforcement office, producer of edc.consultation-opened). */
  claimantAgencyId: string;
  /** The liable party's name (the consultation's other side). */
  liablePartyName?: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  resume?: unknown;
}

export interface EdcStateView {
  workflowId: string;
  edcCaseId: string;
  linkedCaseId: string;
  phase: EdcPhase;
  finished: boolean;
  outcome: EdcOutcome | null;
  claimantAgencyId: string;
  /** rounds of the meetings held, in order */
  meetings: number[];
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
