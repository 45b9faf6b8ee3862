/**
 * Public contract of the joint-supervision workflow (联合督办 and 联席会议, flows.md §5): one per linked case listed
 * for joint supervision; each review round every participant owes its progress report (a keyed step of
 * `joint-supervision` per agency, `<linkedCaseId>/joint-supervision@<agencyId>[#<round>]`, due at the end of the
 * review interval set per case); each decision of a joint meeting is a step owned by its owner
 * (`…@decision:<decisionId>`). Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const JOINT_SUPERVISION_WORKFLOW_TYPE = 'jointSupervisionWorkflow';

export function jointSupervisionWorkflowId(linkedCaseId: string): string {
  return `joint-supervision-${linkedCaseId}`;
}

export const JointSupervisionQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → JointSupervisionStateView */
  jointSupervisionState: 'jointSupervisionState',
} as const;

export const JOINT_SUPERVISION_WORKFLOW_EVENT_TYPES = [
  'supervision.joint-listed',
  'joint-supervision.progress-reported',
  'supervision.joint-meeting-recorded',
  'joint-supervision.decision-done',
] as const;

export interface JointSupervisionInput {
  linkedCaseId: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface JointSupervisionStateView {
  workflowId: string;
  linkedCaseId: string;
  participants: string[];
  round: number;
  /** participants that reported in the current round */
  reported: string[];
  /** participants whose report of a round ran out (deadline.missed), per round: the agencies behind */
  flagged: Array<{ round: number; agencyId: string }>;
  finished: boolean;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
