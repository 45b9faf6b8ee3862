/**
 * Shapes shared by the case workflows (transfer, filing supervision), their callers and the bridge.
 * Dependency-free on purpose (types only from @casebridge/contracts): importable from workflow code, apps and tests alike.
 */
import type { DeadlineOwner, DeadlinePartyRole } from '@casebridge/contracts';

/**
 * One integration event of the case, as the workflows receive it (signal `caseEvent`): the envelope
 * reduced to what the workflows need, plain JSON. `eventId` is the dedupe key (a redelivered signal
 * changes nothing).
 */
export interface CaseEventSignal {
  eventId: string;
  /** Integration event type, e.g. `transfer.sent`. */
  type: string;
  /** Payload version after upcasting (informational). */
  version?: number;
  /** When the act happened (ISO-8601 with offset); due dates are counted from this instant. */
  occurredAt: string;
  /** `police:210100`, … */
  producerAgencyId: string;
  payload: Record<string, unknown>;
}

/** Who owes an act. Resolved to an agency id by the workflow (enforcement from the input, police from transfer.sent, …). */
export type AgencyRole = 'enforcement' | 'police' | 'procuratorate';

/** Parties that may owe a statutory step without being an agency of CaseBridge: court, eligible organisation, liable party. */
export type PartyRole = DeadlinePartyRole;

/**
 * Who owes a step: any agency (by id, e.g. each recipient of a copy owes its own acknowledgement), or a party
 * (the court, an eligible organisation, the liable party), optionally named. A party's step is held in the inbox of
 * the agency that follows it (`owingAgencyId` of the step: the agency of the action's role). Same shape as the
 * `owner` of the deadline events.
 */
export type StepOwner = DeadlineOwner;

export interface DeadlineConfig {
  /** Warning lead before the due instant, in hours (default 24). */
  warningLeadHours: number;
  /**
   * Never warn earlier than this fraction of the period before the due instant (default 1/3): a 24-hour
   * step is warned 8 hours before it is due, not at its start.
   */
  warningMaxFraction: number;
  /** Upsert the Cb* search attributes (default true). Off only for servers that do not have them registered. */
  searchAttributes: boolean;
  /** Continue-as-new once the history has this many events (default: when the server suggests it). */
  continueAsNewAfterEvents?: number;
}

export const DEFAULT_DEADLINE_CONFIG: Readonly<DeadlineConfig> = Object.freeze({
  warningLeadHours: 24,
  warningMaxFraction: 1 / 3,
  searchAttributes: true,
});

export type StepStatus = 'running' | 'warning' | 'overdue' | 'suspended';

/** One open statutory step (query `openSteps`). */
export interface OpenStepView {
  /**
   * `<subjectId>/<ruleId>` (`<subjectId>/<ruleId>@<stepKey>` for a keyed step), `#<round>` appended from the second
   * round of the same (rule, key) on (e.g. materials requested twice).
   */
  stepId: string;
  /** Rule id of deadlines.md, e.g. `transfer.filing-review`. */
  ruleId: string;
  variant: string;
  /** Key of the step among the concurrent steps of its rule (e.g. the recipient, the question); null: the rule's single step. */
  stepKey: string | null;
  /** Who owes the step (an agency or a party). */
  owner: StepOwner;
  /** The agency whose inbox holds the step: the owning agency, or the agency following a party's step. */
  owingAgencyId: string;
  /** When the clock started (occurredAt of the triggering event). */
  since: string;
  /** Due instant (ISO at +08:00); while suspended the due date before the suspension; null if it could not be computed. */
  dueAt: string | null;
  lastDay: string | null;
  status: StepStatus;
  /** legal-time explanation trace (start, counting mode, raw end, holiday shifts, suspensions, extensions). */
  explain: Record<string, unknown> | null;
  onExpiry: string | null;
  basis: string | null;
}

export type StepOutcome = 'met' | 'late' | 'moot';

/** A closed step and how it ended. */
export interface ClosedStepView {
  stepId: string;
  ruleId: string;
  variant: string;
  /** Absent in steps closed before step keys existed (read as null). */
  stepKey?: string | null;
  /** Absent in steps closed before owners existed (read as the owing agency). */
  owner?: StepOwner;
  owingAgencyId: string;
  since: string;
  dueAt: string | null;
  closedAt: string;
  outcome: StepOutcome;
  /** True when deadline.missed was published for it before it closed. */
  wasMissed: boolean;
}

/** A signal or event that could not be applied to a step (e.g. an extension refused by legal-time). */
export interface RejectedCommand {
  at: string;
  command: 'extend' | 'suspend' | 'resume' | 'open' | 'recompute';
  stepId: string;
  code: string;
  message: string;
}

/** What the workflow did with one received event (dedupe by eventId happens before this). */
export interface EventLogEntry {
  eventId: string;
  type: string;
  occurredAt: string;
  /** applied; deferred (waits for an earlier event, e.g. a receipt before the transfer itself); ignored (with reason). */
  disposition: 'applied' | 'deferred' | 'ignored';
  reason?: string;
}

/** Signal `extendDeadline`: switch a step to a longer variant (e.g. transfer.filing-review → major-complex), from the same start. */
export interface ExtendDeadlineSignal {
  stepId: string;
  variant: string;
  approvedBy?: string;
  /** When the extension was approved (ISO); default: the workflow's current time. */
  at?: string;
}

/** Signals `suspendClock` / `resumeClock`: paused time does not count (legal-time DeadlineClock). */
export interface ClockSignal {
  stepId: string;
  reason?: string;
  /** ISO instant; default: the workflow's current time. */
  at?: string;
}

/** Signals every case workflow (transfer, filing supervision) handles: names on the wire, fixed forever. */
export const CaseWorkflowSignals = {
  /** every integration event of the subject: payload CaseEventSignal (deduplicated by eventId) */
  caseEvent: 'caseEvent',
  /** ExtendDeadlineSignal (besides the events that extend a period, e.g. transfer.review-extended) */
  extendDeadline: 'extendDeadline',
  /** ClockSignal */
  suspendClock: 'suspendClock',
  /** ClockSignal */
  resumeClock: 'resumeClock',
  /** RecomputeDeadlinesSignal: an official holiday calendar was loaded (`npm run calendar -- load`) */
  recomputeDeadlines: 'recomputeDeadlines',
} as const;

/** Query every case workflow answers: → OpenStepView[] */
export const OPEN_STEPS_QUERY = 'openSteps';

/** Query every case workflow answers: → DeadlineRecomputation[] (the latest 20, oldest first). */
export const DEADLINE_RECOMPUTATIONS_QUERY = 'deadlineRecomputations';

/** A calendar year the workers must have loaded before the workflow recounts, with its source line. */
export interface CalendarYearRef {
  year: number;
  /** The `source` of the year's calendar data; when set, a worker with other data for the year refuses. */
  source?: string;
}

/**
 * Signal `recomputeDeadlines`: the official calendar of `years` is loaded; recount every open step whose
 * due date used one of those years (e.g. counted on the statutory floor, flagged provisional). Steps
 * whose due date moves publish a new deadline.started (revision + 1), so inboxes and supervision follow.
 * A repeated requestId changes nothing.
 */
export interface RecomputeDeadlinesSignal {
  requestId: string;
  years: CalendarYearRef[];
  reason?: string;
}

/** One step whose due date moved when its calendar year was loaded. */
export interface MovedDueDate {
  stepId: string;
  ruleId: string;
  owingAgencyId: string;
  previousDueAt: string;
  dueAt: string;
  previousLastDay: string | null;
  lastDay: string;
  /** Years still counted on the statutory floor after the recount (absent: exact). */
  provisionalYears?: number[];
}

/** What a workflow did with one recomputeDeadlines signal (query `deadlineRecomputations`). */
export interface DeadlineRecomputation {
  requestId: string;
  /** Workflow time of the recount (ISO). */
  at: string;
  years: CalendarYearRef[];
  reason?: string;
  moved: MovedDueDate[];
  /** Open steps recounted to the same due date (the provisional flag may have gone). */
  unchanged: string[];
  /** Suspended steps are recounted when they resume. */
  suspended: string[];
  /** Steps the worker could not recount, e.g. CALENDAR_YEAR_NOT_LOADED (the worker lacks the year). */
  failed: Array<{ stepId: string; code: string; message: string }>;
}
