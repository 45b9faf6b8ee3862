/**
 * The loop shared by the case workflows. WORKFLOW CODE (deterministic).
 *
 *  - signal `caseEvent` (deduplicated by eventId), `extendDeadline`, `suspendClock`, `resumeClock` are
 *    queued and applied one by one, in arrival order;
 *  - each event goes through the pure decider; its actions run on the DeadlineTracker (activities);
 *    events that arrive before the event they depend on are deferred and retried after each applied one;
 *  - between events the workflow sleeps until the next warning or due instant (one timer at a time);
 *  - signal `recomputeDeadlines` (an official calendar year was loaded) recounts the open due dates that
 *    used that year; the result is kept for the query `deadlineRecomputations`. It only adds commands
 *    when the signal arrives, so earlier histories replay unchanged (no patch needed);
 *  - search attributes follow the earliest open step;
 *  - continue-as-new carries the whole state when the history grows (see shouldContinueAsNew).
 */
import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineSignal,
  log,
  patched,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { SearchAttributeKeys } from '../search-attributes';
import type {
  AgencyRole,
  CaseEventSignal,
  ClockSignal,
  ClosedStepView,
  DeadlineConfig,
  DeadlineRecomputation,
  EventLogEntry,
  ExtendDeadlineSignal,
  OpenStepView,
  RecomputeDeadlinesSignal,
  RejectedCommand,
} from './deadline.contracts';
import {
  CaseWorkflowSignals,
  DEADLINE_RECOMPUTATIONS_QUERY,
  DEFAULT_DEADLINE_CONFIG,
  OPEN_STEPS_QUERY,
} from './deadline.contracts';
import { DeadlineTracker, type TrackerSnapshot } from './deadline-tracker';
import { inTraceContext, signalTraceContext } from './trace-context';
import type { Context as TraceContext } from '@opentelemetry/api';
import type { CaseDecider, StepContext } from './step-actions';

/** patch id: timers carry a summary naming the rule they wait for */
export const TIMER_SUMMARY_PATCH = 'timer-summary-v1';
/** patch id: the memo carries the case number and the party */
export const CASE_MEMO_PATCH = 'case-memo-v1';

export const caseEventSignal = defineSignal<[CaseEventSignal]>(CaseWorkflowSignals.caseEvent);
export const extendDeadlineSignal = defineSignal<[ExtendDeadlineSignal]>(CaseWorkflowSignals.extendDeadline);
export const suspendClockSignal = defineSignal<[ClockSignal]>(CaseWorkflowSignals.suspendClock);
export const resumeClockSignal = defineSignal<[ClockSignal]>(CaseWorkflowSignals.resumeClock);
export const recomputeDeadlinesSignal = defineSignal<[RecomputeDeadlinesSignal]>(
  CaseWorkflowSignals.recomputeDeadlines,
);
export const openStepsQuery = defineQuery<OpenStepView[]>(OPEN_STEPS_QUERY);
export const deadlineRecomputationsQuery = defineQuery<DeadlineRecomputation[]>(DEADLINE_RECOMPUTATIONS_QUERY);

/** Everything a run hands to the next one on continue-as-new. */
export interface RunnerSnapshot<M> {
  model: M;
  tracker: TrackerSnapshot;
  seen: string[];
  deferred: CaseEventSignal[];
  events: EventLogEntry[];
  generation: number;
}

export interface RunnerView<M> {
  model: M;
  tracker: DeadlineTracker;
  events: EventLogEntry[];
  generation: number;
  finished: boolean;
}

/** The part of every case workflow's state view that the runner and its tracker own. */
export interface StepsView {
  openSteps: OpenStepView[];
  closedSteps: ClosedStepView[];
  /** stepIds for which deadline.missed was published. */
  missedSteps: string[];
  rejections: RejectedCommand[];
  errors: string[];
  events: EventLogEntry[];
  /** How many times this workflow continued as new. */
  generation: number;
}

export function stepsView({ tracker, events, generation }: RunnerView<unknown>): StepsView {
  return {
    openSteps: tracker.openStepViews(),
    closedSteps: tracker.closedSteps(),
    missedSteps: tracker.missedSteps(),
    rejections: tracker.rejectionList(),
    errors: tracker.errorList(),
    events,
    generation,
  };
}

export interface CaseWorkflowDefinition<M, V> {
  workflowId: string;
  subjectId: string;
  linkedCaseId: string;
  region: string;
  config: DeadlineConfig;
  decider: CaseDecider<M>;
  owners(model: M): Record<AgencyRole, string>;
  onExpiryOverrides?: Readonly<Record<string, string>>;
  initialModel: M;
  resume?: RunnerSnapshot<M>;
  stateQueryName: string;
  view(state: RunnerView<M>): V;
  continueAsNew(snapshot: RunnerSnapshot<M>): Promise<never>;
}

/** A signal waiting to be applied, with the trace context it arrived in (./trace-context.ts; memory only). */
type QueueItem = (
  | { kind: 'event'; event: CaseEventSignal }
  | { kind: 'extend'; signal: ExtendDeadlineSignal }
  | { kind: 'suspend'; signal: ClockSignal }
  | { kind: 'resume'; signal: ClockSignal }
  | { kind: 'recompute'; signal: RecomputeDeadlinesSignal }
) & { trace?: TraceContext };

export function resolveConfig(config: Partial<DeadlineConfig> | undefined): DeadlineConfig {
  return { ...DEFAULT_DEADLINE_CONFIG, ...(config ?? {}) };
}

function isCaseEvent(e: unknown): e is CaseEventSignal {
  const v = e as CaseEventSignal;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.eventId === 'string' &&
    typeof v.type === 'string' &&
    typeof v.occurredAt === 'string' &&
    !Number.isNaN(Date.parse(v.occurredAt)) &&
    typeof v.payload === 'object' &&
    v.payload !== null
  );
}

function isStepSignal(s: unknown): s is { stepId: string } {
  return typeof s === 'object' && s !== null && typeof (s as { stepId: unknown }).stepId === 'string';
}

export async function runCaseWorkflow<M, V>(def: CaseWorkflowDefinition<M, V>): Promise<V> {
  const resume = def.resume;
  let model: M = resume?.model ?? def.initialModel;
  const tracker = new DeadlineTracker(
    {
      workflowId: def.workflowId,
      subjectId: def.subjectId,
      linkedCaseId: def.linkedCaseId,
      config: def.config,
      onExpiryOverrides: def.onExpiryOverrides,
    },
    resume?.tracker,
  );
  const seen = new Set<string>(resume?.seen ?? []);
  let deferred: CaseEventSignal[] = resume?.deferred ?? [];
  const events: EventLogEntry[] = resume?.events ?? [];
  const generation = resume?.generation ?? 0;
  const queue: QueueItem[] = [];
  const enqueue = (item: QueueItem): void => {
    queue.push({ ...item, trace: signalTraceContext(def.linkedCaseId) });
  };
  const ctx: StepContext = {
    isOpen: (ruleId, key) => tracker.isOpen(ruleId, key),
    patched: (patchId) => patched(patchId),
  };
  const nowIso = (): string => new Date(Date.now()).toISOString();
  const finished = (): boolean => def.decider.isFinished(model);
  const view = (): V => def.view({ model, tracker, events, generation, finished: finished() });

  setHandler(caseEventSignal, (event) => {
    if (!isCaseEvent(event)) {
      log.warn('malformed caseEvent signal dropped', { event: event as unknown as Record<string, unknown> });
      return;
    }
    if (seen.has(event.eventId)) return; // redelivered: changes nothing
    seen.add(event.eventId);
    enqueue({ kind: 'event', event });
  });
  setHandler(extendDeadlineSignal, (signal) => {
    if (isStepSignal(signal) && typeof signal.variant === 'string') enqueue({ kind: 'extend', signal });
    else log.warn('malformed extendDeadline signal dropped');
  });
  setHandler(suspendClockSignal, (signal) => {
    if (isStepSignal(signal)) enqueue({ kind: 'suspend', signal });
    else log.warn('malformed suspendClock signal dropped');
  });
  setHandler(resumeClockSignal, (signal) => {
    if (isStepSignal(signal)) enqueue({ kind: 'resume', signal });
    else log.warn('malformed resumeClock signal dropped');
  });
  setHandler(recomputeDeadlinesSignal, (signal) => {
    const s = signal as Partial<RecomputeDeadlinesSignal> | null;
    if (typeof s?.requestId === 'string' && Array.isArray(s.years))
      enqueue({ kind: 'recompute', signal: s as RecomputeDeadlinesSignal });
    else log.warn('malformed recomputeDeadlines signal dropped');
  });
  setHandler(openStepsQuery, () => tracker.openStepViews());
  setHandler(deadlineRecomputationsQuery, () => tracker.recomputationList());
  setHandler(defineQuery<V>(def.stateQueryName), view);

  const record = (event: CaseEventSignal, disposition: EventLogEntry['disposition'], reason?: string): void => {
    const entry: EventLogEntry = {
      eventId: event.eventId,
      type: event.type,
      occurredAt: event.occurredAt,
      disposition,
      ...(reason ? { reason } : {}),
    };
    const i = events.findIndex((e) => e.eventId === event.eventId);
    if (i >= 0) events[i] = entry;
    else events.push(entry);
  };

  /** Applies one event; true when it was applied (so deferred events may now fit). */
  const applyEvent = async (event: CaseEventSignal, wasDeferred: boolean): Promise<boolean> => {
    const decision = def.decider.decide(model, event, ctx);
    switch (decision.kind) {
      case 'apply':
        model = decision.model;
        await tracker.execute(decision.actions, def.owners(model), event.eventId);
        record(event, 'applied'); // after the steps changed, so a caller polling the state sees them
        return true;
      case 'defer':
        if (!wasDeferred) {
          deferred.push(event);
          record(event, 'deferred', decision.reason);
        }
        return false;
      case 'ignore':
        record(event, 'ignored', decision.reason);
        if (wasDeferred) deferred = deferred.filter((d) => d.eventId !== event.eventId);
        return false;
      default: {
        const never: never = decision;
        throw new Error(`unknown decision ${JSON.stringify(never)}`);
      }
    }
  };

  const retryDeferred = async (): Promise<void> => {
    let progress = true;
    while (progress && deferred.length && !finished()) {
      progress = false;
      for (const event of [...deferred]) {
        if (finished()) break;
        if (await applyEvent(event, true)) {
          deferred = deferred.filter((d) => d.eventId !== event.eventId);
          progress = true;
        }
      }
    }
  };

  // the Temporal UI shows the case number and the party once an event carries them (transfer.sent);
  // patched: recorded histories without the memo command replay unchanged
  let memoCase = '';
  const labelWithCase = (e: CaseEventSignal): void => {
    const p = e.payload as { caseNumber?: unknown; party?: { name?: unknown } };
    if (typeof p.caseNumber !== 'string' || p.caseNumber === memoCase) return;
    if (!patched(CASE_MEMO_PATCH)) return;
    memoCase = p.caseNumber;
    upsertMemo({ caseNumber: p.caseNumber, ...(typeof p.party?.name === 'string' ? { party: p.party.name } : {}) });
  };

  const handle = async (item: QueueItem): Promise<void> => {
    switch (item.kind) {
      case 'event':
        labelWithCase(item.event);
        if (await applyEvent(item.event, false)) await retryDeferred();
        return;
      case 'extend':
        return tracker.extend(
          item.signal.stepId,
          item.signal.variant,
          item.signal.approvedBy,
          item.signal.at ?? nowIso(),
        );
      case 'suspend':
        return tracker.suspend(item.signal.stepId, item.signal.at ?? nowIso(), item.signal.reason);
      case 'resume':
        return tracker.resume(item.signal.stepId, item.signal.at ?? nowIso());
      case 'recompute':
        await tracker.recompute(item.signal, nowIso());
        return;
      default: {
        const never: never = item;
        throw new Error(`unknown queue item ${JSON.stringify(never)}`);
      }
    }
  };

  let lastSearchAttributes = '';
  const updateSearchAttributes = (): void => {
    if (!def.config.searchAttributes) return;
    const v = tracker.searchAttributeValues();
    const key = JSON.stringify(v);
    if (key === lastSearchAttributes) return;
    const first = lastSearchAttributes === '';
    lastSearchAttributes = key;
    const K = SearchAttributeKeys;
    upsertSearchAttributes([
      ...(first
        ? [
            { key: K.linkedCaseId, value: def.linkedCaseId },
            { key: K.region, value: def.region },
          ]
        : []),
      { key: K.ruleId, value: v.ruleId },
      { key: K.owingAgency, value: v.owingAgency },
      { key: K.step, value: v.step },
      { key: K.dueAt, value: v.dueAt === null ? null : new Date(v.dueAt) },
      { key: K.overdue, value: v.overdue },
    ]);
  };

  const shouldContinueAsNew = (): boolean => {
    const info = workflowInfo();
    const limit = def.config.continueAsNewAfterEvents;
    return info.continueAsNewSuggested || (limit !== undefined && info.historyLength >= limit);
  };

  updateSearchAttributes();
  // the trace of the last signal applied since the last flush: the deadline events its acts queued are published
  // (one activity per flush) in it; a flush caused only by a timer stays in the workflow's own trace
  let flushTrace: TraceContext | undefined;
  for (;;) {
    while (queue.length && !finished()) {
      const item = queue.shift()!;
      flushTrace = item.trace;
      await inTraceContext(item.trace, () => handle(item));
    }
    if (!finished()) {
      for (const missed of tracker.fireDue(Date.now())) {
        const consequence = def.decider.onMissed(model, missed.ruleId, nowIso(), ctx, missed.key);
        if (consequence?.kind === 'apply') {
          model = consequence.model;
          await tracker.execute(consequence.actions, def.owners(model));
        }
        if (finished()) break;
      }
    }
    await inTraceContext(flushTrace, () => tracker.flush(Date.now()));
    flushTrace = undefined;
    updateSearchAttributes();
    if (finished()) break;
    if (!queue.length && shouldContinueAsNew()) {
      await condition(allHandlersFinished);
      if (!queue.length) {
        return def.continueAsNew({
          model,
          tracker: tracker.snapshot(),
          seen: [...seen],
          deferred,
          events,
          generation: generation + 1,
        });
      }
      continue;
    }
    if (queue.length) continue;
    const wake = tracker.nextWakeAtMs();
    if (wake === null) {
      await condition(() => queue.length > 0);
    } else {
      const ms = wake - Date.now();
      // the timer names its rule in the Temporal UI (timer summary, SDK 1.24); patched: recorded histories replay unchanged
      const summary = ms > 0 && patched(TIMER_SUMMARY_PATCH) ? tracker.nextWakeSummary() : null;
      if (ms > 0)
        await (summary ? condition(() => queue.length > 0, ms, { summary }) : condition(() => queue.length > 0, ms));
    }
  }
  for (const e of deferred) record(e, 'ignored', 'the path ended before it could apply');
  for (const item of queue) if (item.kind === 'event') record(item.event, 'ignored', 'the path had ended');
  return view();
}
