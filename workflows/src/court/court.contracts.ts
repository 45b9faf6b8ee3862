/**
 * Public contract of the court workflow (one per court case, flows.md §3–4 and §6). Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { CaseWorkflowSignals, OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const COURT_WORKFLOW_TYPE = 'courtCaseWorkflow';

export function courtWorkflowId(courtCaseId: string): string {
  return `court-case-${courtCaseId}`;
}

export const CourtSignals = CaseWorkflowSignals;

export const CourtQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → CourtStateView */
  courtState: 'courtState',
} as const;

/** The event that starts the workflow (the court's own intake record). */
export const COURT_START_EVENT = 'court.case-received';

/** Integration event types the court workflow consumes. */
export const COURT_WORKFLOW_EVENT_TYPES = [
  COURT_START_EVENT,
  'court.case-docketed',
  'court.case-not-accepted',
  'court.complaint-served',
  'court.agency-notified',
  'court.co-plaintiff-announced',
  'court.hearing-scheduled',
  'court.settlement-announced',
  'court.settlement-approved',
  'court.confirmation-announced',
  'court.agreement-confirmed',
  'court.trial-extended',
  'court.judgment-rendered',
  'court.restoration-verified',
] as const;

export type CourtSource = 'prosecution' | 'pil' | 'edc-suit' | 'edc-confirmation';
export type CourtTrack = 'criminal' | 'civil' | 'administrative';

/** How the court case ended. */
export type CourtOutcome = 'not-accepted' | 'judged' | 'settled' | 'confirmed';

/** restoring: judged with a restoration order, tracked (court.restoration-order) until the court verifies it */
export type CourtWorkflowPhase = 'new' | 'received' | 'docketed' | 'announced' | 'restoring' | CourtOutcome;

export interface CourtCaseInput {
  courtCaseId: string;
  linkedCaseId: string;
  /** the court office (producer of court.case-received): it owes the court's steps */
  courtAgencyId: string;
  /** the procuratorate (indictment, PIL) or the claimant agency (EDC) that brought the case */
  plaintiffAgencyId: string;
  source: CourtSource;
  track: CourtTrack;
  pilKind?: 'administrative' | 'civil';
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface CourtStateView {
  workflowId: string;
  courtCaseId: string;
  linkedCaseId: string;
  phase: CourtWorkflowPhase;
  finished: boolean;
  outcome: CourtOutcome | null;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
