import 'reflect-metadata';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { EntityManager } from 'typeorm';
import type { HandlerContext } from '../inbox/integration-event-handler';

export const ON_INTEGRATION_EVENT = Symbol('casebridge:on-integration-event');
export const OUTSIDE_INBOX_TRANSACTION = Symbol('casebridge:outside-inbox-transaction');

type HandlerMethod = (
  event: IntegrationEventEnvelope<never>,
  manager: EntityManager,
  context: HandlerContext,
) => Promise<void>;

/**
 * Marks a method of a Nest provider as the handler of one or more integration-event types;
 * MessagingModule discovers it at bootstrap and registers it with the app's consumer group.
 *
 *   @OnIntegrationEvent('transfer.sent')
 *   async onTransferSent(event: IntegrationEventEnvelope<TransferSentV1>, manager: EntityManager) { … }
 */
export function OnIntegrationEvent(type: string, ...moreTypes: string[]) {
  const types = [type, ...moreTypes];
  return <T extends HandlerMethod>(
    target: object,
    propertyKey: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    const fn = descriptor.value;
    if (typeof fn !== 'function') throw new Error('@OnIntegrationEvent decorates methods only');
    const previous = (Reflect.getMetadata(ON_INTEGRATION_EVENT, fn) as string[] | undefined) ?? [];
    Reflect.defineMetadata(ON_INTEGRATION_EVENT, [...previous, ...types], fn);
    void target;
    void propertyKey;
  };
}

export function integrationEventTypesOf(method: unknown): string[] {
  return typeof method === 'function'
    ? ((Reflect.getMetadata(ON_INTEGRATION_EVENT, method) as string[] | undefined) ?? [])
    : [];
}

/**
 * With @OnIntegrationEvent: the method is an effect on another system, idempotent by event id
 * (IntegrationEventEffect: `(event, context)`, no manager). It runs before, and outside, the inbox
 * transaction, so no database transaction is held open across its call; a redelivery after a crash
 * between the call and the inbox commit calls it again.
 *
 *   @OnIntegrationEvent('transfer.sent') @OutsideInboxTransaction()
 *   async signal(event: IntegrationEventEnvelope) { await temporal.signalWithStart(…) }
 */
export function OutsideInboxTransaction() {
  return (_target: object, _propertyKey: string | symbol, descriptor: PropertyDescriptor): void => {
    if (typeof descriptor.value !== 'function') throw new Error('@OutsideInboxTransaction decorates methods only');
    Reflect.defineMetadata(OUTSIDE_INBOX_TRANSACTION, true, descriptor.value);
  };
}

export function isOutsideInboxTransaction(method: unknown): boolean {
  return typeof method === 'function' && Reflect.getMetadata(OUTSIDE_INBOX_TRANSACTION, method) === true;
}
