import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { EntityManager } from 'typeorm';

export interface HandlerContext {
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first try, then 2, 3 … (in-process retries). */
  attempt: number;
  /** The wire version when the event was upcast, else null. */
  upcastFrom: number | null;
}

/**
 * Applies one integration event. Write every effect through `manager`: it is the inbox
 * transaction, which is what makes the effect exactly-once. Throw NonRetryableError to dead-letter
 * the event at once; any other error is retried with backoff, then dead-lettered.
 */
export type IntegrationEventHandler<P extends object = object> = (
  event: IntegrationEventEnvelope<P>,
  manager: EntityManager,
  context: HandlerContext,
) => Promise<void>;

/**
 * An effect on a system outside the database (e.g. a Temporal signal), idempotent by `event.eventId`.
 * It runs before, and outside, the inbox transaction, so no database transaction stays open across the
 * call; the inbox row is committed after it returned. A crash between the two runs it again on
 * redelivery (the target must ignore an eventId it has seen); an event already in the inbox skips it.
 * Throw RecordNotYetKnownError to park the event, NonRetryableError to dead-letter it at once.
 */
export type IntegrationEventEffect<P extends object = object> = (
  event: IntegrationEventEnvelope<P>,
  context: HandlerContext,
) => Promise<void>;
