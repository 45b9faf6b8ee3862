import 'reflect-metadata';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { EntityManager } from 'typeorm';
import type { HandlerContext } from '../inbox/integration-event-handler';

export const ON_INTEGRATION_EVENT = Symbol('casebridge:on-integration-event');

type HandlerMethod = (event: IntegrationEventEnvelope<never>, manager: EntityManager, context: HandlerContext) => Promise<void>;

/**
 * Marks a method of a Nest provider as the handler of one or more integration-event types;
 * MessagingModule discovers it at bootstrap and registers it with the app's consumer group.
 *
 *   @OnIntegrationEvent('transfer.sent')
 *   async onTransferSent(event: IntegrationEventEnvelope<TransferSentV1>, manager: EntityManager) { … }
 */
export function OnIntegrationEvent(type: string, ...moreTypes: string[]) {
  const types = [type, ...moreTypes];
  return <T extends HandlerMethod>(target: object, propertyKey: string | symbol, descriptor: TypedPropertyDescriptor<T>): void => {
    const fn = descriptor.value;
    if (typeof fn !== 'function') throw new Error('@OnIntegrationEvent decorates methods only');
    const previous = (Reflect.getMetadata(ON_INTEGRATION_EVENT, fn) as string[] | undefined) ?? [];
    Reflect.defineMetadata(ON_INTEGRATION_EVENT, [...previous, ...types], fn);
    void target;
    void propertyKey;
  };
}

export function integrationEventTypesOf(method: unknown): string[] {
  return typeof method === 'function' ? ((Reflect.getMetadata(ON_INTEGRATION_EVENT, method) as string[] | undefined) ?? []) : [];
}
