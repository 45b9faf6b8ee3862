import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyIdKind, AGENCY_ID_PATTERN, type AgencyKind, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { CooperationRecord } from './cooperation-record.entity';
import { fold, partiesOf, recordOf, saveRecord } from './cooperation.records';

export const COOPERATION_AGENCY_KIND = Symbol('COOPERATION_AGENCY_KIND');

/**
 * The events the records fold (the acts of the other services; a service's own acts are saved with the act) that
 * every agency kind may produce. notification.inquiry-opened comes from the police only: InquiryConsumer, in the
 * other services.
 */
export const COOPERATION_EVENT_TYPES = [
  'notification.case-notified',
  'notification.acknowledged',
  'consultation.requested',
  'consultation.replied',
  'supervision.joint-listed',
  'supervision.joint-meeting-recorded',
  'joint-supervision.progress-reported',
  'joint-supervision.decision-done',
] as const;

/**
 * Folds the notification, consultation and joint-supervision events of other services into this service's records
 * (libs/flows views), in the inbox transaction of each event (applied once however often Kafka delivers it). A
 * record is kept only when one of its parties is an agency this service serves: a service that is not party never
 * stores the content. An act on a record this service does not hold (it is not party, or the event that creates
 * the record was lost to it) changes nothing.
 */
@Injectable()
export class CooperationConsumer {
  constructor(@Inject(COOPERATION_AGENCY_KIND) private readonly kind: AgencyKind) {}

  private ours(agencyId: string): boolean {
    return AGENCY_ID_PATTERN.test(agencyId) && agencyIdKind(agencyId) === this.kind;
  }

  @OnIntegrationEvent(COOPERATION_EVENT_TYPES[0], ...COOPERATION_EVENT_TYPES.slice(1))
  async apply(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    const ref = recordOf(e);
    if (!ref) return;
    const row = await manager.findOne(CooperationRecord, {
      where: { kind: ref.kind, id: ref.id },
      lock: { mode: 'pessimistic_write' },
    });
    const before = (row?.view ?? null) as Parameters<typeof fold>[1];
    const next = fold(ref.kind, before, e);
    if (!next || next === before) return;
    if (!partiesOf(ref.kind, next).some((a) => this.ours(a))) return;
    await saveRecord(manager, ref.kind, ref.id, e.linkedCaseId, next);
  }
}

/** CooperationConsumer plus the police's preliminary inquiries (not in the police service: it does not read its own topic). */
@Injectable()
export class InquiryConsumer extends CooperationConsumer {
  @OnIntegrationEvent('notification.inquiry-opened')
  inquiryOpened(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    return this.apply(e, manager);
  }
}
