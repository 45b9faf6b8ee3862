/**
 * Public contract of the sharing workflow (信息共享, flows.md §5; rule sharing.platform-entry, E17 art 34).
 * Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { CaseWorkflowSignals, OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const SHARING_WORKFLOW_TYPE = 'sharingWorkflow';

/** One per linked case. */
export function sharingWorkflowId(linkedCaseId: string): string {
  return `sharing-${linkedCaseId}`;
}

export const SharingSignals = CaseWorkflowSignals;

export const SharingQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → SharingStateView */
  sharingState: 'sharingState',
} as const;

/**
 * sharing.decision-recorded opens sharing.platform-entry for the decision (7 days from its date);
 * sharing.information-shared closes it; the events of decisions the system already knows (SHARED_DECISIONS
 * knownFrom: a police filing decision, a prosecution decision, the procuratorate's PIL decisions, the court's
 * docketing, refusal and judgment) are entered automatically and close at once. (Every KNOWN_DECISION_EVENT_TYPES
 * is listed: sharing.decider.spec.ts checks it.)
 */
export const SHARING_WORKFLOW_EVENT_TYPES = [
  'sharing.decision-recorded',
  'sharing.information-shared',
  'transfer.filing-decided',
  'prosecution.decided',
  'pil.case-opened',
  'pil.recommendation-served',
  'pil.suit-filed',
  'court.case-docketed',
  'court.case-not-accepted',
  'court.judgment-rendered',
] as const;

export interface SharingInput {
  linkedCaseId: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

/** One decision to be entered on the shared record. */
export interface SharedDecisionView {
  decisionId: string;
  decisionKind: string;
  ownerAgencyId: string;
  decidedAt: string;
  /** null while not entered */
  enteredAt: string | null;
  entryId: string | null;
  /** entered by the system from the event that made the decision known */
  automatic: boolean;
  sharedWith: string[];
}

export interface SharingStateView {
  workflowId: string;
  linkedCaseId: string;
  finished: boolean;
  decisions: SharedDecisionView[];
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
