import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyIdKind, AGENCY_ID_PATTERN, type AgencyKind, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { OnIntegrationEvent, RecordNotYetKnownError } from '@casebridge/messaging';
import { CooperationRecord } from './cooperation-record.entity';
import {
  contentFree,
  fold,
  hasCopy,
  isMarker,
  partiesOf,
  recordOf,
  saveMarker,
  saveRecord,
  type RecordViews,
} from './cooperation.records';

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
 * stores the content: of a notification or consultation none of whose parties it serves it keeps a content-free
 * copy (no parties; the view with what was said taken out, `contentFree`), folded on as the acts arrive, which an
 * office of this service with a grant on the case reads redacted, and which no act of this service can touch.
 *
 * Never dropped: an act (acknowledgement, reply) that reaches the service before the record it concerns (the
 * record's creating event travels on another producer's topic, so Kafka gives no order between them) throws
 * RecordNotYetKnownError: the consumer parks it and re-drives it once the record (or its marker) is there. A
 * joint-supervision act before its listing is not parked (a decision may name a new owner later, which a marker
 * could not follow): it changes nothing, as before.
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
    // known here, and none of this service's agencies is party to it: a marker without a copy stays as it is
    if (row && isMarker(row) && (!hasCopy(row) || ref.kind === 'joint-supervision')) return;
    const before = (row?.view ?? null) as Parameters<typeof fold>[1];
    const next = fold(ref.kind, before, e);
    if (!next) {
      if (!before && ref.kind !== 'joint-supervision')
        throw new RecordNotYetKnownError(
          `${ref.kind} ${ref.id}`,
          `${e.type} ${e.eventId}: ${ref.kind} ${ref.id} not known here yet`,
        );
      return;
    }
    if (next === before) return;
    if (!partiesOf(ref.kind, next).some((a) => this.ours(a))) {
      // none of the content: a copy with what was said taken out, for a granted office's redacted read
      if (ref.kind !== 'joint-supervision' && (!row || hasCopy(row)))
        await saveMarker(
          manager,
          ref.kind,
          ref.id,
          e.linkedCaseId,
          contentFree(ref.kind, next as RecordViews[typeof ref.kind]) as unknown as Record<string, unknown>,
        );
      return;
    }
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
