import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineMissedV2, IntegrationEventEnvelope } from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { EdcCase } from './edc-case.entity';
import { fold } from './edc-case.record';

/** edc.consultation ran out (90 days): the case shows it; the agency still records the agreement or the failure. */
@Injectable()
export class EdcDeadlinesConsumer {
  @OnIntegrationEvent('deadline.missed')
  async missed(e: IntegrationEventEnvelope<DeadlineMissedV2>, manager: EntityManager): Promise<void> {
    if (e.payload.ruleId !== 'edc.consultation') return;
    const c = await manager.findOne(EdcCase, {
      where: { edcCaseId: e.payload.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!c) return;
    fold(c, { ...e, type: 'deadline.missed' }, 'the consultation period ran out (edc.consultation): conclude it');
    await manager.save(c);
  }
}
