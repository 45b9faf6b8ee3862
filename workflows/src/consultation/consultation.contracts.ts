/**
 * Public contract of the two-way consultation workflow (双向案件咨询, flows.md §5): one per linked case, each open
 * consultation a keyed step (`<linkedCaseId>/consultation.written-reply@<consultationId>`) owed by the consulted
 * agency. Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const CONSULTATION_WORKFLOW_TYPE = 'caseConsultationWorkflow';

/** One per linked case: the case's consultations run side by side. */
export function consultationWorkflowId(linkedCaseId: string): string {
  return `consultation-${linkedCaseId}`;
}

export const ConsultationQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → ConsultationStateView */
  consultationState: 'consultationState',
} as const;

export const CONSULTATION_WORKFLOW_EVENT_TYPES = ['consultation.requested', 'consultation.replied'] as const;

export interface ConsultationInput {
  linkedCaseId: string;
  /** the agency that asked first (names the region of the default owners) */
  firstAskingAgencyId: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

/** One consultation as the workflow holds it. */
export interface ConsultationEntry {
  consultationId: string;
  askingAgencyId: string;
  consultedAgencyId: string;
  askedAt: string;
  repliedAt: string | null;
}

export interface ConsultationStateView {
  workflowId: string;
  linkedCaseId: string;
  consultations: ConsultationEntry[];
  finished: boolean;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
