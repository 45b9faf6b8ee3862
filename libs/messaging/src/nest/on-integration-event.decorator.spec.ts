import type { EntityManager } from 'typeorm';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import {
  integrationEventTypesOf,
  isOutsideInboxTransaction,
  OnIntegrationEvent,
  OutsideInboxTransaction,
} from './on-integration-event.decorator';

class Handlers {
  @OnIntegrationEvent('transfer.sent', 'transfer.materials-supplemented')
  async onTransfer(_event: IntegrationEventEnvelope<{ transferId: string }>, _manager: EntityManager): Promise<void> {}

  @OnIntegrationEvent('transfer.sent')
  @OutsideInboxTransaction()
  async signal(_event: IntegrationEventEnvelope): Promise<void> {}

  async notAHandler(): Promise<void> {}
}

describe('@OnIntegrationEvent', () => {
  it('records the handled types on the method', () => {
    expect(integrationEventTypesOf(Handlers.prototype.onTransfer)).toEqual([
      'transfer.sent',
      'transfer.materials-supplemented',
    ]);
    expect(integrationEventTypesOf(Handlers.prototype.notAHandler)).toEqual([]);
    expect(integrationEventTypesOf(undefined)).toEqual([]);
  });

  it('@OutsideInboxTransaction marks an effect, keeping its types', () => {
    expect(isOutsideInboxTransaction(Handlers.prototype.signal)).toBe(true);
    expect(integrationEventTypesOf(Handlers.prototype.signal)).toEqual(['transfer.sent']);
    expect(isOutsideInboxTransaction(Handlers.prototype.onTransfer)).toBe(false);
    expect(isOutsideInboxTransaction(undefined)).toBe(false);
  });
});
