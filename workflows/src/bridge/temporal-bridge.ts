/**
 * Delivers integration events to the case workflows with @temporalio/client, idempotently:
 *
 *  - signalWithStart (events that may open a transfer or a supervision): starts the workflow if needed
 *    and signals it atomically. A redelivered Kafka message signals the same eventId again, and the
 *    workflow ignores it (dedupe by eventId), so at-least-once consumption is safe.
 *  - workflowIdReusePolicy REJECT_DUPLICATE: once a transfer/supervision has completed, a late event
 *    must not start it again (that would reopen statutory clocks of a finished path). The server
 *    answers ALREADY_EXISTS; the bridge logs the late event and drops it (status 'dropped-closed').
 *    Only transfer.procuratorate-opinion uses ALLOW_DUPLICATE (it may reopen a refused transfer): before
 *    starting a new run, the bridge asks the closed run (state query; closed runs answer queries, and a
 *    continue-as-new chain carries its event log) whether it already applied this eventId — a redelivery
 *    after a crash between signal-with-start and the inbox commit then starts nothing ('dropped-closed').
 *  - signal (events that cannot start a workflow): if the workflow has completed (describe: not RUNNING),
 *    the event is late: logged and dropped. A RUNNING workflow that refused the signal with NOT_FOUND (a run
 *    started a moment ago) is signalled again, then the event is parked like an early one. If it never existed, WorkflowNotStartedError is thrown — the events of a
 *    transfer arrive on several topics (enforcement, police, procuratorate), so a police event can
 *    overtake the enforcement event that starts the transfer: the consumer should retry it later
 *    (and dead-letter it after its retry budget).
 *
 * Node code: never import it from workflow code.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { routeEvent, type BridgeRoute, type RouteOptions } from './route-event';

export type DeliveryStatus = 'delivered' | 'dropped-closed' | 'skipped-not-started';

export interface DeliveryOutcome {
  route: BridgeRoute;
  status: DeliveryStatus;
  /** Run that received the signal (delivered). */
  runId?: string;
  reason?: string;
}

export interface BridgeLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}

/** The workflow a signal-only event is meant for does not exist (yet): retry later. */
export class WorkflowNotStartedError extends Error {
  readonly code = 'BRIDGE.WORKFLOW_NOT_STARTED';
  constructor(
    readonly workflowId: string,
    readonly eventId: string,
    readonly eventType: string,
  ) {
    super(`workflow ${workflowId} does not exist (yet) for ${eventType} ${eventId}: retry later`);
    this.name = 'WorkflowNotStartedError';
  }
}

/** Signals of a running workflow that answered NOT_FOUND: attempts, and the first wait (doubled each time). */
const SIGNAL_RACE_ATTEMPTS = 5;
const SIGNAL_RACE_BACKOFF_MS = 100;

const silentLogger: BridgeLogger = { info: () => undefined, warn: () => undefined };

export interface TemporalBridgeOptions {
  logger?: BridgeLogger;
  route?: RouteOptions;
}

export class TemporalBridge {
  private readonly logger: BridgeLogger;

  constructor(
    private readonly client: Client,
    private readonly options: TemporalBridgeOptions = {},
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Routes a decoded (and upcast) envelope and delivers it to every workflow concerned. Every route is
   * attempted; if one failed, the first error is thrown afterwards so the consumer retries the message
   * (the routes already delivered are deduplicated by eventId in their workflows).
   */
  async deliver(envelope: IntegrationEventEnvelope): Promise<DeliveryOutcome[]> {
    const routes = routeEvent(envelope, this.options.route);
    const outcomes: DeliveryOutcome[] = [];
    let failure: unknown;
    for (const route of routes) {
      try {
        outcomes.push(await this.execute(route));
      } catch (err) {
        failure ??= err;
      }
    }
    if (failure !== undefined) throw failure;
    return outcomes;
  }

  async execute(route: BridgeRoute): Promise<DeliveryOutcome> {
    const [event] = route.signalArgs;
    const context = { workflowId: route.workflowId, eventId: event.eventId, type: event.type };
    if (route.kind === 'signalWithStart') {
      if (
        route.workflowIdReusePolicy === 'ALLOW_DUPLICATE' &&
        (await this.closedRunApplied(route.workflowId, route.stateQuery, event.eventId))
      ) {
        return this.dropLate(route, context, 'the closed workflow already applied this event: redelivery dropped');
      }
      try {
        const handle = await this.client.workflow.signalWithStart(route.workflowType, {
          workflowId: route.workflowId,
          taskQueue: route.taskQueue,
          args: route.startArgs,
          signal: route.signal,
          signalArgs: route.signalArgs,
          workflowIdReusePolicy: route.workflowIdReusePolicy,
          memo: route.memo,
          staticSummary: route.staticSummary,
        });
        return { route, status: 'delivered', runId: handle.signaledRunId };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return this.dropLate(route, context);
        throw err;
      }
    }
    const handle = this.client.workflow.getHandle(route.workflowId);
    for (let attempt = 1; ; attempt++) {
      try {
        await handle.signal(route.signal, ...route.signalArgs);
        return { route, status: 'delivered' };
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
      // Not signalled: completed (late event), never started (early event), or started a moment ago?
      let status: string;
      try {
        status = (await handle.describe()).status.name;
      } catch (describeErr) {
        if (!(describeErr instanceof WorkflowNotFoundError)) throw describeErr;
        if (route.optional) {
          this.logger.info('[bridge] optional route: workflow does not exist, skipped', context);
          return { route, status: 'skipped-not-started', reason: 'the workflow does not exist' };
        }
        throw new WorkflowNotStartedError(route.workflowId, event.eventId, event.type);
      }
      if (status !== 'RUNNING') return this.dropLate(route, context);
      // A running workflow answered NOT_FOUND to the signal: a run that was just started (signal-with-start of an
      // event of another topic) is not signalable yet (seen on the time-skipping test server under load). The event
      // is not late: signal again after a short wait, and park it (retry later) if that keeps happening.
      if (attempt >= SIGNAL_RACE_ATTEMPTS)
        throw new WorkflowNotStartedError(route.workflowId, event.eventId, event.type);
      this.logger.info(
        `[bridge] ${route.workflowId} is running but refused the signal (attempt ${attempt}): signalling again`,
        context,
      );
      await new Promise((resolve) => setTimeout(resolve, SIGNAL_RACE_BACKOFF_MS * 2 ** (attempt - 1)));
    }
  }

  /** The latest run of `workflowId` is closed and its event log holds `eventId`. */
  private async closedRunApplied(workflowId: string, stateQuery: string, eventId: string): Promise<boolean> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      const description = await handle.describe();
      if (description.status.name === 'RUNNING') return false; // the running run deduplicates by itself
      const view = await handle.query<{ events?: { eventId: string }[] }>(stateQuery);
      return (view.events ?? []).some((e) => e.eventId === eventId);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  private dropLate(
    route: BridgeRoute,
    context: Record<string, unknown>,
    reason = 'the workflow has already completed: late event dropped',
  ): DeliveryOutcome {
    this.logger.warn(`[bridge] ${reason}`, context);
    return { route, status: 'dropped-closed', reason };
  }
}
