/**
 * Public contract of the public-interest litigation workflow (公益诉讼, flows.md §4): one per PIL case, the
 * administrative path (pil.recommendation-filing, pil.agency-reply, pil.admin-suit-decision) or the civil one
 * (pil.civil-announcement, pil.civil-suit-decision; also criminal-incidental). Dependency-free.
 */
import type {
  ClosedStepView,
  DeadlineConfig,
  EventLogEntry,
  OpenStepView,
  RejectedCommand,
} from '../shared/deadline.contracts';
import { CaseWorkflowSignals, OPEN_STEPS_QUERY } from '../shared/deadline.contracts';

export const PIL_WORKFLOW_TYPE = 'pilCaseWorkflow';

/** One per PIL case. */
export function pilWorkflowId(pilCaseId: string): string {
  return `pil-${pilCaseId}`;
}

export const PilSignals = CaseWorkflowSignals;

export const PilQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → PilStateView */
  pilState: 'pilState',
} as const;

/** pil.case-opened starts the workflow; the others signal it. */
export const PIL_START_EVENT_TYPES = ['pil.case-opened'] as const;
export const PIL_WORKFLOW_EVENT_TYPES = [
  'pil.case-opened',
  'pil.investigation-recorded',
  'pil.recommendation-served',
  'pil.recommendation-filed',
  'pil.agency-action-recorded',
  'pil.agency-replied',
  'pil.closing-decided',
  'pil.closing-decision-served',
  'pil.announcement-published',
  'pil.organisation-assessed',
  'pil.clock-changed',
  'pil.suit-supported',
  'pil.suit-filed',
] as const;

export type PilKind = 'administrative' | 'civil' | 'criminal-incidental-civil';

export type PilOutcome = 'closed' | 'sued' | 'supported';

export type PilPhase =
  | 'new'
  | 'opened'
  // administrative
  | 'recommended'
  | 'replied'
  | 'reply-overdue'
  | 'closing'
  // civil
  | 'announced'
  | 'organisation-forward'
  | 'announcement-ended'
  | PilOutcome;

export interface PilCaseInput {
  pilCaseId: string;
  linkedCaseId: string;
  kind: PilKind;
  /** The procuratorate that owns the case (producer of pil.case-opened). */
  procuratorateAgencyId: string;
  /** The agency that failed its duty (administrative PIL), when named at the opening. */
  respondentAgencyId?: string;
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface PilStateView {
  workflowId: string;
  pilCaseId: string;
  linkedCaseId: string;
  kind: PilKind;
  phase: PilPhase;
  finished: boolean;
  outcome: PilOutcome | null;
  procuratorateAgencyId: string;
  respondentAgencyId: string | null;
  /** the civil clock stands still: a damage consultation on the same conduct is open (flows.md §6) */
  suspended: boolean;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  generation: number;
}
