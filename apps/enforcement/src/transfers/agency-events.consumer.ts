import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  FilingSupervisionOpenedV1, FilingSupervisionReasonsAcceptedV1, IntegrationEventEnvelope, TransferFilingDecidedV1,
  TransferForwardedV1, TransferMaterialsRequestedV1, TransferProcuratorateOpinionV1, TransferReceiptSignedV1,
  TransferReconsiderationDecidedV1, TransferReviewExtendedV1, DeadlineMissedV2,
} from '@casebridge/contracts';
import { withinJurisdiction } from '@casebridge/contracts';
import { OnIntegrationEvent, RecordNotYetKnownError, TransactionalOutbox } from '@casebridge/messaging';
import { AdministrativeCase } from '../cases/administrative-case.entity';
import { entry, eventEntry, withEntry } from '@casebridge/platform';
import { Transfer } from './transfer.entity';
import { syncPenaltyClock } from './transfer-unit-of-work';

/**
 * What the police and the procuratorate did with our transfers, applied to our own view. Runs in the
 * inbox transaction of each event (applied once however often Kafka delivers it).
 */
@Injectable()
export class AgencyEventsConsumer {
  private readonly logger = new Logger(AgencyEventsConsumer.name);

  constructor(private readonly outbox: TransactionalOutbox) {}

  private async load(manager: EntityManager, transferId: string, e: IntegrationEventEnvelope): Promise<Transfer | null> {
    const t = await manager.findOne(Transfer, { where: { id: transferId }, lock: { mode: 'pessimistic_write' } });
    // Parked (libs/messaging) until the transfer exists here, then applied in arrival order.
    if (!t) throw new RecordNotYetKnownError(`transfer ${transferId}`, `event ${e.type} ${e.eventId} refers to transfer ${transferId} not known here`);
    return t;
  }

  private async save(manager: EntityManager, t: Transfer, e: IntegrationEventEnvelope, what: string, note?: string): Promise<void> {
    t.timeline = withEntry(t.timeline, eventEntry(e, what, note));
    await manager.save(t);
    await this.outbox.run((tx) => syncPenaltyClock(tx, t, new Date(e.occurredAt)), { manager });
  }

  @OnIntegrationEvent('transfer.receipt-signed')
  async receipt(e: IntegrationEventEnvelope<TransferReceiptSignedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t || t.phase !== 'sent') return;
    t.phase = 'received';
    await this.save(manager, t, e, `police signed the receipt ${e.payload.receiptNumber}`);
  }

  @OnIntegrationEvent('transfer.forwarded')
  async forwarded(e: IntegrationEventEnvelope<TransferForwardedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t) return;
    if (e.payload.mode === 'forwarded') {
      t.policeAgencyId = e.payload.toAgencyId ?? t.policeAgencyId;
      t.phase = 'sent';
      await this.save(manager, t, e, `police forwarded the case to ${e.payload.toAgencyId} (not competent)`, e.payload.reasons);
    } else {
      t.phase = 'returned-not-competent';
      await this.save(manager, t, e, 'police returned the case as outside their competence', e.payload.reasons);
    }
  }

  @OnIntegrationEvent('transfer.materials-requested')
  async materialsRequested(e: IntegrationEventEnvelope<TransferMaterialsRequestedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t) return;
    t.phase = 'materials-requested';
    t.missingMaterials = e.payload.missing;
    await this.save(manager, t, e, `police asked for missing materials: ${e.payload.missing.join(', ')}`, e.payload.note);
  }

  @OnIntegrationEvent('transfer.review-extended')
  async reviewExtended(e: IntegrationEventEnvelope<TransferReviewExtendedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t) return;
    t.reviewVariant = e.payload.variant;
    await this.save(manager, t, e, `police extended the filing review (${e.payload.variant})`, e.payload.reasons);
  }

  @OnIntegrationEvent('transfer.filing-decided')
  async filingDecided(e: IntegrationEventEnvelope<TransferFilingDecidedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t) return;
    t.phase = e.payload.outcome;
    t.policeCaseNumber = e.payload.policeCaseNumber ?? t.policeCaseNumber;
    t.policeReasons = e.payload.reasons ?? null;
    await this.save(manager, t, e, `police decision: ${e.payload.outcome}${e.payload.supervisionId ? ' (after a notice to file)' : ''}`, e.payload.reasons);
  }

  @OnIntegrationEvent('transfer.reconsideration-decided')
  async reconsiderationDecided(e: IntegrationEventEnvelope<TransferReconsiderationDecidedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t) return;
    t.phase = e.payload.outcome === 'upheld' ? 'upheld' : 'filed';
    t.policeCaseNumber = e.payload.policeCaseNumber ?? t.policeCaseNumber;
    await this.save(manager, t, e, `police reconsideration: ${e.payload.outcome}`, e.payload.reasons);
  }

  @OnIntegrationEvent('filing-supervision.opened')
  async supervisionOpened(e: IntegrationEventEnvelope<FilingSupervisionOpenedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t || !['supervision-requested', 'not-filed', 'upheld', 'received'].includes(t.phase)) return;
    t.phase = 'under-supervision';
    t.supervisionId = e.payload.supervisionId;
    await this.save(manager, t, e, 'the procuratorate opened filing supervision');
  }

  @OnIntegrationEvent('filing-supervision.reasons-accepted')
  async reasonsAccepted(e: IntegrationEventEnvelope<FilingSupervisionReasonsAcceptedV1>, manager: EntityManager): Promise<void> {
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t) return;
    t.phase = 'non-filing-final';
    await this.save(manager, t, e, 'the procuratorate found the police reasons valid (supervision.tell-agency)', e.payload.note);
  }

  @OnIntegrationEvent('transfer.procuratorate-opinion')
  async opinion(e: IntegrationEventEnvelope<TransferProcuratorateOpinionV1>, manager: EntityManager): Promise<void> {
    const c = await manager.findOneBy(AdministrativeCase, { id: e.payload.caseId });
    // only an opinion about a case we own, under its own linked case; anything else is refused here and
    // listed by supervision's GET /reconciliation as an orphan (it refers to a case-owner fact never seen)
    if (!c || c.agencyId !== e.payload.enforcementAgencyId || c.linkedCaseId !== e.linkedCaseId) {
      this.logger.warn(`procuratorate opinion ${e.eventId} names case ${e.payload.caseId} (linked case ${e.linkedCaseId}), not a case of ${e.payload.enforcementAgencyId}; refused (orphan)`);
      return;
    }
    if (!withinJurisdiction(e.producer.agencyId, c.agencyId)) {
      this.logger.warn(`procuratorate opinion ${e.eventId} from ${e.producer.agencyId} is outside its jurisdiction over ${c.agencyId}; ignored`);
      return;
    }
    if (await manager.existsBy(Transfer, { id: e.payload.transferId })) return;
    // the threshold facts the case team found last time (a transfer the head refused), if any; else named at sending
    const earlier = (await manager.find(Transfer, { where: { caseId: c.id }, order: { openedAt: 'DESC' } })).find((x) => x.thresholdFacts.length > 0);
    await manager.insert(Transfer, manager.create(Transfer, {
      id: e.payload.transferId, caseId: c.id, linkedCaseId: c.linkedCaseId, agencyId: c.agencyId, phase: 'opinion-received',
      thresholdFacts: earlier?.thresholdFacts ?? [], facts: e.payload.reasons, teamOfficerIds: null, teamSummary: null, refusalReasons: null,
      policeAgencyId: null, procuratorateAgencyId: e.producer.agencyId, materials: [], missingMaterials: [], policeCaseNumber: null,
      policeReasons: null, reviewVariant: 'standard', filingReviewOverdue: false, supervisionId: null,
      timeline: [entry('procuratorial opinion: transfer the case (transfer.after-procuratorate-opinion)', e.producer.agencyId, e.occurredAt, { eventId: e.eventId, note: e.payload.reasons })],
      openedAt: new Date(e.occurredAt),
    }));
  }

  /** transfer.filing-review missed: the enforcement agency shall now ask for filing supervision (E17 art 12). */
  @OnIntegrationEvent('deadline.missed')
  async deadlineMissed(e: IntegrationEventEnvelope<DeadlineMissedV2>, manager: EntityManager): Promise<void> {
    if (e.payload.ruleId !== 'transfer.filing-review') return;
    const t = await manager.findOne(Transfer, { where: { id: e.payload.subjectId }, lock: { mode: 'pessimistic_write' } });
    if (!t) return;
    t.filingReviewOverdue = true;
    t.timeline = withEntry(t.timeline, entry('police filing review ran out: you shall ask the procuratorate for filing supervision', 'workflow', e.occurredAt, { eventId: e.eventId }));
    await manager.save(t);
  }
}
