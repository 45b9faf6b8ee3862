/**
 * Activities of the case workflows, as an injectable class (STYLE habit 9): the deadline engine
 * (legal-time) and the event sink (the worker's transactional outbox) are dependencies.
 *
 *   const activities = createCaseActivities({ engine: createDeadlineEngine(), sink: outbox });
 *   await Worker.create({ ..., activities });
 *
 * Node code (legal-time, class-validator, uuid): never import it from workflow code.
 */
import { ApplicationFailure } from '@temporalio/common';
import { v5 as uuidv5 } from 'uuid';
import {
  DeadlineClosed,
  DeadlineMissed,
  DeadlineStarted,
  DeadlineWarning,
  createEnvelope,
  eventRegistry,
  type DeadlineClosedV2,
  type DeadlineMissedV3,
  type DeadlineOwner,
  type DeadlineStartedV2,
  type DeadlineWarningV2,
  type EventDefinition,
  type IntegrationEventEnvelope,
} from '@casebridge/contracts';
import { LegalTimeError, type ClockEvent, type ComputedDeadline, type DeadlineEngine } from '@casebridge/legal-time';
import {
  CaseActivityErrors,
  NON_RETRYABLE_LEGAL_TIME_CODES,
  type CaseActivitiesApi,
  type ComputeDeadlineInput,
  type ComputedDeadlineView,
  type DeadlineEventSpec,
  type PublishResult,
} from './case-activities.contracts';

/** UUID v5 namespace of the deadline events published by the workflows (fixed forever: ids must stay stable). */
export const DEADLINE_EVENT_NAMESPACE = '695823fd-a651-46f3-8290-94ca548cf02d';

/** Where deadline events go: the transactional outbox of the worker's database (idempotent by eventId). */
export interface DeadlineEventSink {
  publish(envelopes: IntegrationEventEnvelope[]): Promise<void>;
}

export interface CaseActivitiesDeps {
  engine: DeadlineEngine;
  sink: DeadlineEventSink;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Deterministic event id: (workflowId, stepId, kind, dueAt) plus the step's clock revision — a step
 * suspended and resumed to the same due date must publish a second deadline.started — and, for
 * deadline.closed, the outcome (a suspension closes the clock too).
 */
export function deadlineEventId(
  spec: Pick<DeadlineEventSpec, 'workflowId' | 'stepId' | 'kind' | 'dueAt' | 'revision' | 'outcome'>,
): string {
  const kind = spec.kind === 'closed' ? `closed:${spec.outcome ?? 'met'}` : spec.kind;
  return uuidv5(`${spec.workflowId}|${spec.stepId}|${kind}|${spec.dueAt}|${spec.revision}`, DEADLINE_EVENT_NAMESPACE);
}

function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.create({ message, type: CaseActivityErrors.invalidInput, nonRetryable: true });
}

function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export class CaseActivities implements CaseActivitiesApi {
  constructor(private readonly deps: CaseActivitiesDeps) {}

  /** Due date of a rule's clock started at `from`, with its suspensions and extensions (legal-time DeadlineClock). */
  async computeDeadline(input: ComputeDeadlineInput): Promise<ComputedDeadlineView> {
    if (!input || typeof input.ruleId !== 'string' || !isIsoInstant(input.from)) {
      throw invalidInput(`computeDeadline needs { ruleId, from }, got ${JSON.stringify(input)}`);
    }
    const events = input.events ?? [];
    if (!Array.isArray(events) || events.some((e) => !e || !isIsoInstant(e.at))) {
      throw invalidInput(`computeDeadline: malformed clock events ${JSON.stringify(events)}`);
    }
    for (const required of input.requireCalendarYears ?? []) this.requireCalendarYear(required);
    try {
      if (!events.length) {
        return view(
          this.deps.engine.compute({
            rule: input.ruleId,
            variant: input.variant,
            from: input.from,
            ...(input.casePeriod ? { casePeriod: input.casePeriod } : {}),
          }),
          false,
        );
      }
      const clock = this.deps.engine.restoreClock({
        ruleId: input.ruleId,
        startedAt: input.from,
        initialVariant: input.variant ?? 'standard',
        events: events as ClockEvent[],
      });
      if (clock.isSuspended) return view(clock.projectedDeadline(events[events.length - 1]!.at), true);
      return view(clock.deadline(), false);
    } catch (err) {
      throw toFailure(err);
    }
  }

  private requireCalendarYear({ year, source }: { year: number; source?: string }): void {
    const calendar = this.deps.engine.calendar;
    const loaded = calendar.covers(year) ? calendar.sourceOf(year) : undefined;
    if (loaded !== undefined && (source === undefined || loaded === source)) return;
    throw ApplicationFailure.create({
      message:
        `this worker has ${loaded === undefined ? 'no official calendar' : `other calendar data ("${loaded}")`} for ${year}` +
        `${source === undefined ? '' : ` (wanted "${source}")`}: set CASEBRIDGE_CALENDAR_FILE, restart the worker and load again`,
      type: CaseActivityErrors.calendarYearNotLoaded,
      nonRetryable: true,
    });
  }

  /** Turns the workflow's decisions into validated contract envelopes and hands them to the sink in one call. */
  async publishDeadlineEvents(specs: DeadlineEventSpec[]): Promise<PublishResult> {
    if (!Array.isArray(specs)) throw invalidInput('publishDeadlineEvents needs an array');
    const envelopes = specs.map((spec) => toEnvelope(spec));
    for (const envelope of envelopes) {
      // The same validation every consumer applies (envelope + payload of the registered version).
      const decoded = eventRegistry.decode(JSON.stringify(envelope));
      if (!decoded.ok) {
        throw ApplicationFailure.create({
          message: `${envelope.type} v${envelope.version} ${envelope.eventId} is invalid: ${decoded.detail}`,
          type: CaseActivityErrors.invalidDeadlineEvent,
          nonRetryable: true,
        });
      }
    }
    if (envelopes.length) await this.deps.sink.publish(envelopes);
    return { published: envelopes.length, eventIds: envelopes.map((e) => e.eventId) };
  }
}

/** The activity functions to register on a worker (names: CaseActivityNames). */
export function createCaseActivities(deps: CaseActivitiesDeps): CaseActivitiesApi {
  const activities = new CaseActivities(deps);
  return {
    computeDeadline: (input) => activities.computeDeadline(input),
    publishDeadlineEvents: (specs) => activities.publishDeadlineEvents(specs),
  };
}

function view(d: ComputedDeadline, suspended: boolean): ComputedDeadlineView {
  return {
    ruleId: d.rule,
    variant: d.variant,
    from: d.from,
    dueAt: d.dueAt,
    dueAtEpochMs: d.dueAtEpochMs,
    lastDay: d.lastDay,
    onExpiry: d.onExpiry,
    basis: d.basisText,
    ruleStatus: d.status,
    // provisionalYears (engine option uncoveredYears: 'provisional'): counted on the statutory floor for a year
    // whose official arrangement is not loaded; carried in the explanation so every view shows it.
    explain: {
      ...(JSON.parse(JSON.stringify(d.explain)) as Record<string, unknown>),
      ...(d.provisionalYears?.length ? { provisionalYears: [...d.provisionalYears] } : {}),
    },
    ...(d.provisionalYears?.length ? { provisionalYears: [...d.provisionalYears] } : {}),
    suspended,
  };
}

function toFailure(err: unknown): unknown {
  if (err instanceof LegalTimeError) {
    return ApplicationFailure.create({
      message: err.message,
      type: err.code,
      nonRetryable: (NON_RETRYABLE_LEGAL_TIME_CODES as readonly string[]).includes(err.code),
      details: [{ code: err.code }],
    });
  }
  return err;
}

/** The step's key (when it has one) and owner; specs recorded before owners existed were owed by their owing agency. */
function keyAndOwner(spec: DeadlineEventSpec): { stepKey?: string; owner: DeadlineOwner } {
  return {
    ...(spec.stepKey ? { stepKey: spec.stepKey } : {}),
    owner: spec.owner ?? { kind: 'agency', agencyId: spec.owingAgencyId },
  };
}

function definitionOf(spec: DeadlineEventSpec): { def: EventDefinition; payload: object } {
  const base = { stepId: spec.stepId, subjectId: spec.subjectId, ruleId: spec.ruleId, ...keyAndOwner(spec) };
  switch (spec.kind) {
    case 'started': {
      const payload: DeadlineStartedV2 = {
        ...base,
        variant: spec.variant,
        owingAgencyId: spec.owingAgencyId,
        startedAt: new Date(spec.startedAt).toISOString(),
        dueAt: spec.dueAt,
        lastDay: spec.lastDay,
        explain: spec.explain ?? {},
      };
      return { def: DeadlineStarted as EventDefinition, payload };
    }
    case 'warning': {
      const payload: DeadlineWarningV2 = { ...base, owingAgencyId: spec.owingAgencyId, dueAt: spec.dueAt };
      return { def: DeadlineWarning as EventDefinition, payload };
    }
    case 'missed': {
      const payload: DeadlineMissedV3 = {
        ...base,
        variant: spec.variant,
        owingAgencyId: spec.owingAgencyId,
        dueAt: spec.dueAt,
        ...(spec.onExpiry ? { onExpiry: spec.onExpiry.slice(0, 500) } : {}),
      };
      return { def: DeadlineMissed as EventDefinition, payload };
    }
    case 'closed': {
      const payload: DeadlineClosedV2 = { ...base, outcome: spec.outcome ?? 'met' };
      return { def: DeadlineClosed as EventDefinition, payload };
    }
    default: {
      const never: never = spec.kind;
      throw invalidInput(`unknown deadline event kind ${String(never)}`);
    }
  }
}

function toEnvelope(spec: DeadlineEventSpec): IntegrationEventEnvelope<object> {
  if (!spec || typeof spec.workflowId !== 'string' || typeof spec.stepId !== 'string' || !isIsoInstant(spec.at)) {
    throw invalidInput(`malformed deadline event ${JSON.stringify(spec)}`);
  }
  const { def, payload } = definitionOf(spec);
  return createEnvelope({
    type: def.type,
    version: def.version,
    linkedCaseId: spec.linkedCaseId,
    producer: { agencyId: 'workflow', kind: 'workflow' },
    actor: { officerId: 'system:workflow' },
    occurredAt: spec.at,
    eventId: deadlineEventId(spec),
    // All deadline events of one workflow share a correlation id.
    correlationId: uuidv5(spec.workflowId, DEADLINE_EVENT_NAMESPACE),
    causationId: spec.causationId && UUID.test(spec.causationId) ? spec.causationId : null,
    payload,
  });
}
