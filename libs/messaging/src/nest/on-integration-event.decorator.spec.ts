import type { EntityManager } from 'typeorm';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { integrationEventTypesOf, OnIntegrationEvent } from './on-integration-event.decorator';

class Handlers {
  @OnIntegrationEvent('transfer.sent', 'transfer.materials-supplemented')
  async onTransfer(_event: IntegrationEventEnvelope<{ transferId: string }>, _manager: EntityManager): Promise<void> {}

  async notAHandler(): Promise<void> {}
}

describe('@OnIntegrationEvent', () => {
  it('records the handled types on the method', () => {
    expect(integrationEventTypesOf(Handlers.prototype.onTransfer)).toEqual(['transfer.sent', 'transfer.materials-supplemented']);
    expect(integrationEventTypesOf(Handlers.prototype.notAHandler)).toEqual([]);
    expect(integrationEventTypesOf(undefined)).toEqual([]);
  });
});
