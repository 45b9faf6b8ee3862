import type { EventDefinition, IntegrationEventEnvelope } from '@casebridge/contracts';
import type { OutboxTransaction } from './transactional-outbox';

/** Who acts: an officer's token claims (`sub`, `agencyId`) or a system component (`system:<name>`). */
export interface PublishActor {
  sub: string;
  /** The agency the event is on behalf of; default: the configured producer agency. */
  agencyId?: string;
}

export interface PublishAsOptions {
  occurredAt?: Date | string;
  /** The consumed event this one reacts to: copies its correlation id and sets the causation id. */
  causedBy?: Pick<IntegrationEventEnvelope, 'eventId' | 'correlationId'>;
  correlationId?: string;
  eventId?: string;
}

/**
 * Typed `tx.publish` for one contract event: type and version come from the definition, the
 * payload is checked against its class at compile time (and validated at run time).
 *
 *   publishAs(tx, officer, TransferSent, transfer.linkedCaseId, { transferId, … });
 */
export function publishAs<P extends object>(
  tx: OutboxTransaction,
  actor: PublishActor,
  definition: EventDefinition<P>,
  linkedCaseId: string,
  payload: P,
  options: PublishAsOptions = {},
): IntegrationEventEnvelope<P> {
  return tx.publish<P>({
    type: definition.type,
    version: definition.version,
    linkedCaseId,
    actor: { officerId: actor.sub },
    ...(actor.agencyId !== undefined && { agencyId: actor.agencyId }),
    ...(options.occurredAt !== undefined && { occurredAt: options.occurredAt }),
    ...(options.eventId !== undefined && { eventId: options.eventId }),
    correlationId: options.correlationId ?? options.causedBy?.correlationId,
    causationId: options.causedBy?.eventId ?? null,
    payload,
  });
}
