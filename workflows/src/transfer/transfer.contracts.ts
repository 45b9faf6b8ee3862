/**
 * Public contract of the case-transfer workflow (案件移送, flows.md §1): workflow type, id, signals,
 * queries, input and state. Dependency-free: import it from apps, the bridge and tests.
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

export const TRANSFER_WORKFLOW_TYPE = 'caseTransferWorkflow';

export function transferWorkflowId(transferId: string): string {
  return `transfer-${transferId}`;
}

export const TransferSignals = CaseWorkflowSignals;

export const TransferQueries = {
  openSteps: OPEN_STEPS_QUERY,
  /** → TransferStateView */
  transferState: 'transferState',
} as const;

/** Integration event types the transfer workflow consumes. */
export const TRANSFER_WORKFLOW_EVENT_TYPES = [
  'transfer.crime-suspected',
  'transfer.procuratorate-opinion',
  'transfer.team-reported',
  'transfer.head-decided',
  'transfer.sent',
  'transfer.receipt-signed',
  'transfer.forwarded',
  'transfer.materials-requested',
  'transfer.materials-supplemented',
  'transfer.review-extended',
  'transfer.filing-decided',
  'transfer.items-handed-over',
  'transfer.reconsideration-requested',
  'transfer.reconsideration-decided',
  'filing-supervision.requested',
  // closes supervision.request-review; the transfer then waits under supervision (TransferPatches.requestReview)
  'filing-supervision.opened',
  'filing-supervision.reasons-accepted',
] as const;
export type TransferWorkflowEventType = (typeof TRANSFER_WORKFLOW_EVENT_TYPES)[number];

/** Events that may start a transfer workflow (all others are signals to a running one). */
export const TRANSFER_START_EVENT_TYPES = ['transfer.crime-suspected', 'transfer.procuratorate-opinion'] as const;

export type TransferPhase =
  | 'new'
  | 'suspected'
  | 'reported'
  | 'approved'
  | 'opinion-received'
  | 'sent'
  | 'received'
  | 'materials-requested'
  | 'filed'
  | 'not-filed'
  | 'reconsideration-requested'
  | 'upheld'
  | 'under-supervision' // the procuratorate opened filing supervision; waiting for the police decision under it
  | TransferOutcome;

/** How a transfer ended (its final phase). */
export type TransferOutcome =
  | 'items-handed-over' // filed and the seized items handed over
  | 'refused' // the head refused the transfer
  | 'returned-for-penalty' // police found no crime (反向移送)
  | 'forwarded' // outside the police's competence: forwarded to the competent agency
  | 'returned-not-competent' // outside the police's competence: returned
  | 'supervision-requested' // runs recorded before TransferPatches.requestReview: ended at the supervision request; later runs hold supervision.request-review in this phase
  | 'non-filing-final' // under supervision the procuratorate found the police reasons valid (JR art 561)
  | 'rights-lapsed'; // non-filing: enforcement let transfer.reconsideration-request or transfer.supervision-request run out

export interface CaseTransferInput {
  transferId: string;
  linkedCaseId: string;
  /** `enforcement:210100` — owes the enforcement steps. */
  enforcementAgencyId: string;
  /** Administrative division code (search attribute CbRegion). */
  region: string;
  config?: Partial<DeadlineConfig>;
  /** Set by the workflow itself when it continues as new. */
  resume?: unknown;
}

export interface TransferStateView {
  workflowId: string;
  transferId: string;
  linkedCaseId: string;
  phase: TransferPhase;
  finished: boolean;
  outcome: TransferOutcome | null;
  enforcementAgencyId: string;
  policeAgencyId: string | null;
  procuratorateAgencyId: string | null;
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  /** stepIds for which deadline.missed was published. */
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  /** How many times this transfer continued as new. */
  generation: number;
}

export type { CaseEventSignal, ClockSignal, ExtendDeadlineSignal, OpenStepView };
