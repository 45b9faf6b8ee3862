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
  event: IntegrationEventEnvelope<P>, manager: EntityManager, context: HandlerContext,
) => Promise<void>;
