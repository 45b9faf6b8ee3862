import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IntegrationEventEnvelope, TransferCrimeSuspectedV1 } from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { SuspectedCrime } from './suspected-crime.entity';

/**
 * Keeps a record of every crime an enforcement agency suspected (transfer.crime-suspected): the cases a
 * procuratorial opinion may name. The owner is the event's producer (checked by the contract), not a payload field.
 */
@Injectable()
export class SuspectedCrimesConsumer {
  @OnIntegrationEvent('transfer.crime-suspected')
  async suspected(e: IntegrationEventEnvelope<TransferCrimeSuspectedV1>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SuspectedCrime)
      .values({
        transferId: e.payload.transferId,
        caseId: e.payload.caseId,
        linkedCaseId: e.linkedCaseId,
        enforcementAgencyId: e.producer.agencyId,
        suspectedAt: new Date(e.occurredAt),
      })
      .orIgnore()
      .execute();
  }
}
