import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  agencyIdKind,
  withinJurisdiction,
  type IntegrationEventEnvelope,
  type ProsecutionNonprosecutionNotifiedV1,
} from '@casebridge/contracts';
import { prosecutionViews } from '@casebridge/flows';
import { OnIntegrationEvent, RecordNotYetKnownError, TransactionalOutbox } from '@casebridge/messaging';
import { eventEntry, withEntry } from '@casebridge/platform';
import { setPenaltyClock } from '../cases/penalty-clock-sync';
import { Transfer } from '../transfers/transfer.entity';
import { ProsecutionNotice } from './prosecution-notice.entity';

/**
 * The procuratorate's notice of a non-prosecution on one of our transfers (prosecution.nonprosecution-notice,
 * E17 art 18): recorded with its 检察意见, put on the transfer's timeline, and the case's penalty clock
 * (penalty.decision-period) resumes — the case is back with the agency. Runs in the inbox transaction of the
 * event (applied once however often Kafka delivers it).
 */
@Injectable()
export class NonprosecutionNoticesConsumer {
  private readonly logger = new Logger(NonprosecutionNoticesConsumer.name);

  constructor(private readonly outbox: TransactionalOutbox) {}

  @OnIntegrationEvent('prosecution.nonprosecution-notified')
  async notified(
    e: IntegrationEventEnvelope<ProsecutionNonprosecutionNotifiedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const p = e.payload;
    if (agencyIdKind(p.enforcementAgencyId) !== 'enforcement') return;
    if (!withinJurisdiction(e.producer.agencyId, p.enforcementAgencyId)) {
      this.logger.warn(
        `notice ${e.eventId} from ${e.producer.agencyId} to ${p.enforcementAgencyId}: outside jurisdiction, ignored`,
      );
      return;
    }
    if (await manager.existsBy(ProsecutionNotice, { id: p.prosecutionId })) return;
    const t = await manager.findOne(Transfer, {
      where: { id: p.transferId, agencyId: p.enforcementAgencyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!t)
      throw new RecordNotYetKnownError(
        `transfer ${p.transferId}`,
        `notice ${e.eventId} names transfer ${p.transferId}`,
      );
    const view = prosecutionViews.enforcement.open({ ...e, type: 'prosecution.nonprosecution-notified' });
    await manager.insert(
      ProsecutionNotice,
      manager.create(ProsecutionNotice, {
        id: p.prosecutionId,
        linkedCaseId: e.linkedCaseId,
        agencyId: p.enforcementAgencyId,
        transferId: t.id,
        caseId: t.caseId,
        phase: view.phase,
        view,
        notifiedAt: new Date(e.occurredAt),
      }),
    );
    t.timeline = withEntry(
      t.timeline,
      eventEntry(
        e,
        `the procuratorate decided not to prosecute${p.penaltyOpinion ? ' and proposes an administrative penalty (检察意见)' : ''}: the penalty clock resumes`,
        p.penaltyOpinion ?? p.reasons,
      ),
    );
    await manager.save(t);
    await this.outbox.run(
      (tx) =>
        setPenaltyClock(
          tx,
          t.caseId,
          false,
          `not prosecuted (prosecution ${p.prosecutionId}): the case is back with the agency (E17 art 18)`,
          new Date(e.occurredAt),
        ),
      { manager },
    );
  }
}
