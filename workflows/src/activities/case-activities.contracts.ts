/**
 * The activities of the case workflows: names, inputs and outputs. Dependency-free so workflow code
 * can `import type` it (the implementation, case-activities.ts, pulls legal-time and contracts).
 */

import type { StepOwner } from '../shared/deadline.contracts';

/** A change of a running clock, as legal-time's DeadlineClock records it (ISO instants). */
export type ClockEventInput =
  | { type: 'suspended'; at: string; reason?: string }
  | { type: 'resumed'; at: string }
  | { type: 'extended'; at: string; fromVariant: string; toVariant: string; approvedBy?: string };

/**
 * The period of a rule whose period is set case by case (legal-time `perCase`, e.g. joint-supervision: the review
 * interval the supervisors set; a joint-meeting decision's own due date). Whole days, months or hours.
 */
export interface CasePeriodInput {
  unit: 'days' | 'months' | 'hours';
  /** 1 … 10 000 */
  amount: number;
}

export interface ComputeDeadlineInput {
  /** Rule id of deadlines.md. */
  ruleId: string;
  /** Only for rules whose period is set per case (refused by legal-time for the others). */
  casePeriod?: CasePeriodInput;
  /** The variant the clock started with (default 'standard'). */
  variant?: string;
  /** Clock start (ISO-8601 with offset). */
  from: string;
  /** Suspensions, resumptions and extensions since the start, chronological. */
  events?: ClockEventInput[];
  /**
   * Calendar years the worker's engine must carry as official data (with that source, when given);
   * otherwise the activity fails non-retryable with CALENDAR_YEAR_NOT_LOADED (recomputeDeadlines).
   */
  requireCalendarYears?: Array<{ year: number; source?: string }>;
}

export interface ComputedDeadlineView {
  ruleId: string;
  /** Current variant (after extensions). */
  variant: string;
  from: string;
  /** ISO at +08:00. While `suspended`: projected as if the clock resumed at its last event. */
  dueAt: string;
  dueAtEpochMs: number;
  lastDay: string;
  onExpiry: string;
  /** Legal basis as written in deadlines.md, e.g. 'E17 art 9, 12; R310 art 8, 17'. */
  basis: string;
  /** statutory | policy | unverified */
  ruleStatus: string;
  explain: Record<string, unknown>;
  /**
   * Years counted on the statutory floor (no official holiday arrangement loaded), when the engine runs with
   * uncoveredYears: 'provisional'. Also in `explain.provisionalYears`. Recompute once the year is loaded.
   */
  provisionalYears?: number[];
  suspended: boolean;
}

export type DeadlineEventKind = 'started' | 'warning' | 'missed' | 'closed';

/**
 * One deadline.* event to publish, as decided by a workflow. The activity turns it into a contracts
 * envelope whose eventId is a UUID v5 of (workflowId, stepId, kind, dueAt, revision), so a retried
 * activity (or a replayed workflow) never publishes twice downstream.
 */
export interface DeadlineEventSpec {
  kind: DeadlineEventKind;
  workflowId: string;
  linkedCaseId: string;
  /** transferId or supervisionId (a UUID). */
  subjectId: string;
  stepId: string;
  ruleId: string;
  /** Key of the step among the concurrent steps of its rule (absent: the rule's single step). */
  stepKey?: string;
  /** Who owes the step. Absent only in activity inputs recorded before owners existed (read as the owing agency). */
  owner?: StepOwner;
  variant: string;
  /** The agency whose inbox holds the step (the owning agency, or the agency following a party's step). */
  owingAgencyId: string;
  startedAt: string;
  dueAt: string;
  lastDay: string;
  /** Clock revision of the step: +1 per suspension, resumption, extension. */
  revision: number;
  /** Workflow time at which the workflow decided it (ISO): the event's occurredAt. */
  at: string;
  /** The integration event that caused it (started/closed), for causationId. */
  causationId?: string;
  explain?: Record<string, unknown>;
  onExpiry?: string;
  outcome?: 'met' | 'late' | 'moot' | 'suspended';
}

export interface PublishResult {
  published: number;
  eventIds: string[];
}

/** Activity names (what the worker registers). */
export const CaseActivityNames = {
  computeDeadline: 'computeDeadline',
  publishDeadlineEvents: 'publishDeadlineEvents',
} as const;

export interface CaseActivitiesApi {
  computeDeadline(input: ComputeDeadlineInput): Promise<ComputedDeadlineView>;
  publishDeadlineEvents(events: DeadlineEventSpec[]): Promise<PublishResult>;
}

/** ApplicationFailure types thrown by the activities. */
export const CaseActivityErrors = {
  /** The activity input is malformed (a workflow bug): never retried. */
  invalidInput: 'CASE_ACTIVITY.INVALID_INPUT',
  /** A deadline event failed contract validation: never retried. */
  invalidDeadlineEvent: 'CASE_ACTIVITY.INVALID_DEADLINE_EVENT',
  /**
   * requireCalendarYears names a year the worker has not loaded (or loaded from another source): set
   * CASEBRIDGE_CALENDAR_FILE on the worker, restart it, and run `npm run calendar -- load` again.
   */
  calendarYearNotLoaded: 'CALENDAR_YEAR_NOT_LOADED',
} as const;

/**
 * legal-time error codes that are legal or validation rejections: retrying cannot help, so they are
 * thrown non-retryable and the workflow records them (e.g. an extension without the required approval).
 * CALENDAR_NOT_COVERED and CALENDAR_DATA_INVALID are NOT here: an operator fixes the calendar data
 * and the retried activity then succeeds (an engine with uncoveredYears: 'provisional' does not throw
 * CALENDAR_NOT_COVERED at all).
 */
export const NON_RETRYABLE_LEGAL_TIME_CODES = [
  'INVALID_INSTANT',
  'INVALID_DATE',
  'UNKNOWN_RULE',
  'UNKNOWN_VARIANT',
  'STATUTORY_OVERRIDE',
  'INVALID_PERIOD',
  'PERIOD_NOT_SET',
  'RULE_BOOK_INVALID',
  'CLOCK_SEQUENCE',
  'CLOCK_SUSPENDED',
  'APPROVAL_REQUIRED',
  'EXTENSION_REFUSED',
] as const;
