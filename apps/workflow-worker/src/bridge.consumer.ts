import { Injectable, Logger } from '@nestjs/common';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { TraceAttributes, type IntegrationEventEnvelope } from '@casebridge/contracts';
import {
  OnIntegrationEvent,
  OutsideInboxTransaction,
  RecordNotYetKnownError,
  type HandlerContext,
} from '@casebridge/messaging';
import { BRIDGED_EVENT_TYPES as REGISTERED, TemporalBridge, WorkflowNotStartedError } from '@casebridge/workflows/node';

/** Every event a registered workflow listens to (workflows/src/registry.ts is the single source). */
export const BRIDGED_EVENT_TYPES = REGISTERED as [string, ...string[]];

/**
 * Kafka → Temporal: every event of a registered workflow (workflows/src/registry.ts) starts or signals it.
 * The Temporal call runs outside the inbox transaction (@OutsideInboxTransaction: the consumer calls it,
 * then commits the inbox row; an event already in the inbox is not delivered again), so no database
 * transaction or pooled connection is held across it. Idempotent end to end: the workflow ignores an
 * eventId it has seen, and a closed workflow is never started again by a redelivery (TemporalBridge:
 * REJECT_DUPLICATE, or the closed run's event log for the one ALLOW_DUPLICATE route), so a redelivered
 * message (or one replayed after a crash between the signal and the inbox commit) changes nothing. An event for a
 * workflow that does not exist yet (it overtook its start event on another topic) is parked
 * (libs/messaging `parked_event`), later events of its case and partition behind it (the worker's consumer runs with
 * parking.waitBehindParked), and delivered once an event of the same case was applied — a lost
 * transfer.* event would be a lost statutory clock, so it is never dead-lettered for being early.
 */
const tracer = trace.getTracer('@casebridge/workflow-worker');

@Injectable()
export class BridgeConsumer {
  private readonly logger = new Logger(BridgeConsumer.name);

  constructor(private readonly bridge: TemporalBridge) {}

  @OnIntegrationEvent(BRIDGED_EVENT_TYPES[0], ...BRIDGED_EVENT_TYPES.slice(1))
  @OutsideInboxTransaction()
  deliver(
    event: IntegrationEventEnvelope,
    _manager: EntityManager | undefined,
    _context: HandlerContext,
  ): Promise<void> {
    // span `bridge <type>` (inside the consumer's span): the Temporal client's SignalWorkflow / SignalWithStartWorkflow
    // spans are its children, and the workflow continues from them (no-op without tracing)
    return tracer.startActiveSpan(
      `bridge ${event.type}`,
      {
        attributes: {
          [TraceAttributes.linkedCaseId]: event.linkedCaseId,
          [TraceAttributes.eventType]: event.type,
          [TraceAttributes.eventId]: event.eventId,
        },
      },
      async (span) => {
        try {
          await this.deliverToWorkflows(event);
        } catch (e) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
          throw e;
        } finally {
          span.end();
        }
      },
    );
  }

  private async deliverToWorkflows(event: IntegrationEventEnvelope): Promise<void> {
    let outcomes;
    try {
      outcomes = await this.bridge.deliver(event);
    } catch (e) {
      // the event overtook the one that starts its workflow (another topic): parked until that one is applied
      if (e instanceof WorkflowNotStartedError) throw new RecordNotYetKnownError(`workflow ${e.workflowId}`, e.message);
      throw e;
    }
    this.logger.log(
      `${event.type} ${event.eventId} → ${outcomes.map((o) => `${o.route.workflowId}: ${o.status}`).join(', ') || 'no workflow'}`,
    );
    for (const o of outcomes) {
      if (o.status === 'dropped-closed')
        this.logger.warn(
          `${event.type} ${event.eventId} arrived after ${o.route.workflowId} closed: ${o.reason ?? ''}`,
        );
    }
  }
}
