import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyIdKind, type CourtAgencyNotifiedV1, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { CourtNotice } from './court-notice.entity';

/**
 * Keeps the courts' written notices of public-interest suits addressed to an enforcement office
 * (court.agency-notified). The court's step copy (court.notify-agency@<agency>) lands in the agency's inbox through
 * the workflow's deadline events; this is the notice itself. Runs in the inbox transaction: applied once.
 */
@Injectable()
export class CourtNoticesConsumer {
  @OnIntegrationEvent('court.agency-notified')
  async notified(e: IntegrationEventEnvelope<CourtAgencyNotifiedV1>, manager: EntityManager): Promise<void> {
    if (agencyIdKind(e.payload.agencyId) !== 'enforcement') return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(CourtNotice)
      .values({
        noticeId: e.eventId,
        agencyId: e.payload.agencyId,
        courtAgencyId: e.producer.agencyId,
        courtCaseId: e.payload.courtCaseId,
        linkedCaseId: e.linkedCaseId,
        docketNumber: e.payload.docketNumber,
        noticeNumber: e.payload.noticeNumber,
        summary: e.payload.summary,
        notifiedAt: new Date(e.occurredAt),
      })
      .orIgnore()
      .execute();
  }
}
