import { Injectable, Logger } from '@nestjs/common';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { EntityManager } from 'typeorm';
import { hasEarlierParked, OnIntegrationEvent, RecordNotYetKnownError, type HandlerContext } from '@casebridge/messaging';
import {
  PENALTY_WORKFLOW_EVENT_TYPES, SUPERVISION_WORKFLOW_EVENT_TYPES, TemporalBridge, TRANSFER_WORKFLOW_EVENT_TYPES, WorkflowNotStartedError,
} from '@casebridge/workflows/node';

/** Every event a case workflow listens to (the workflows' own contracts are the single source). */
export const BRIDGED_EVENT_TYPES: [string, ...string[]] = [...new Set<string>([...TRANSFER_WORKFLOW_EVENT_TYPES, ...SUPERVISION_WORKFLOW_EVENT_TYPES, ...PENALTY_WORKFLOW_EVENT_TYPES])] as [string, ...string[]];

/**
 * Kafka → Temporal: every transfer and filing-supervision event starts or signals its workflow.
 * Idempotent end to end: the workflow ignores an eventId it has seen, so a redelivered message (or one
 * replayed after a crash between the signal and the inbox commit) changes nothing. An event for a
 * workflow that does not exist yet (it overtook its start event on another topic) is parked
 * (libs/messaging `parked_event`), later events of its case and partition behind it, and delivered once an event of the same case was applied — a lost
 * transfer.* event would be a lost statutory clock, so it is never dead-lettered for being early.
 */
@Injectable()
export class BridgeConsumer {
  private readonly logger = new Logger(BridgeConsumer.name);

  constructor(private readonly bridge: TemporalBridge) {}

  @OnIntegrationEvent(BRIDGED_EVENT_TYPES[0], ...BRIDGED_EVENT_TYPES.slice(1))
  async deliver(event: IntegrationEventEnvelope, manager: EntityManager, context: HandlerContext): Promise<void> {
    // An earlier event of the case from this partition still waits for its workflow: this one waits behind it, so the
    // workflow gets them in the producer's order (a decision signalled before its receipt would skip the filing review).
    // Safe from deadlock: a workflow is never started by a later event of the same partition than one signalling it.
    if (await hasEarlierParked(manager, context, event.linkedCaseId)) {
      throw new RecordNotYetKnownError(`earlier events of case ${event.linkedCaseId} from ${context.topic}/${context.partition}`);
    }
    let outcomes;
    try {
      outcomes = await this.bridge.deliver(event);
    } catch (e) {
      // the event overtook the one that starts its workflow (another topic): parked until that one is applied
      if (e instanceof WorkflowNotStartedError) throw new RecordNotYetKnownError(`workflow ${e.workflowId}`, e.message);
      throw e;
    }
    this.logger.log(`${event.type} ${event.eventId} → ${outcomes.map((o) => `${o.route.workflowId}: ${o.status}`).join(', ') || 'no workflow'}`);
    for (const o of outcomes) {
      if (o.status === 'dropped-closed') this.logger.warn(`${event.type} ${event.eventId} arrived after ${o.route.workflowId} closed: ${o.reason ?? ''}`);
    }
  }
}
