import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AGENCY_ID_PATTERN, agencyIdKind, stillMissing, type FilingSupervisionRequestedV1, type IntegrationEventEnvelope, type TransferFilingDecidedV1,
  type TransferForwardedV1, type TransferItemsHandedOverV1, type TransferMaterialsRequestedV1, type TransferMaterialsSupplementedV1,
  type TransferReceiptSignedV1, type TransferReconsiderationDecidedV1, type TransferReconsiderationRequestedV1,
  type TransferReviewExtendedV1, type TransferSentV1,
} from '@casebridge/contracts';
import { OnIntegrationEvent, RecordNotYetKnownError } from '@casebridge/messaging';
import { eventEntry, withEntry } from '@casebridge/platform';
import { TransferCopy } from './transfer-copy.entity';

/**
 * The copies the procuratorate receives of every transfer (transfer.copy-to-procuratorate) and of
 * every police decision on it (transfer.decision-notice, transfer.forward-or-return, …), applied to
 * its own view. Runs in the inbox transaction of each event (applied once however often Kafka
 * delivers it). Events about a transfer unknown here are logged as orphans and ignored.
 */
/** Sets the status unless an act that happened later already set it (cross-topic reordering). */
function setStatus(c: TransferCopy, status: TransferCopy['status'], e: IntegrationEventEnvelope): void {
  const at = new Date(e.occurredAt);
  if (c.statusAt && c.statusAt.getTime() > at.getTime()) return;
  c.status = status;
  c.statusAt = at;
}

@Injectable()
export class TransferCopiesConsumer {
  private readonly logger = new Logger(TransferCopiesConsumer.name);

  private async load(manager: EntityManager, transferId: string, e: IntegrationEventEnvelope): Promise<TransferCopy | null> {
    const c = await manager.findOne(TransferCopy, { where: { transferId }, lock: { mode: 'pessimistic_write' } });
    // The transfer.sent (enforcement topic) may still be on its way while a police event (police topic)
    // arrives: parked (libs/messaging) and applied once the copy exists, never dead-lettered for being early.
    if (!c) throw new RecordNotYetKnownError(`transfer ${transferId}`, `event ${e.type} ${e.eventId} refers to transfer ${transferId} not known here (yet)`);
    return c;
  }

  private async save(manager: EntityManager, c: TransferCopy, e: IntegrationEventEnvelope, what: string, note?: string | null): Promise<void> {
    c.timeline = withEntry(c.timeline, eventEntry(e, what, note));
    await manager.save(c);
  }

  /** transfer.copy-to-procuratorate: the copy arrives at the same time as the transfer (E17 art 6). */
  @OnIntegrationEvent('transfer.sent')
  async sent(e: IntegrationEventEnvelope<TransferSentV1>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    if (!AGENCY_ID_PATTERN.test(p.copyToAgencyId) || agencyIdKind(p.copyToAgencyId) !== 'procuratorate') {
      this.logger.warn(`transfer.sent ${e.eventId}: copy addressed to ${p.copyToAgencyId}, not a procuratorate; ignored`);
      return;
    }
    if (await manager.existsBy(TransferCopy, { transferId: p.transferId })) {
      this.logger.warn(`transfer.sent ${e.eventId}: transfer ${p.transferId} already has a copy here; ignored`);
      return;
    }
    await manager.insert(TransferCopy, manager.create(TransferCopy, {
      transferId: p.transferId, agencyId: p.copyToAgencyId, linkedCaseId: e.linkedCaseId, caseId: p.caseId,
      enforcementAgencyId: p.fromAgencyId, policeAgencyId: p.toAgencyId, caseNumber: p.caseNumber,
      party: { name: p.party.name, creditCode: p.party.creditCode }, summary: p.summary, thresholdFacts: p.thresholdFacts,
      materials: p.materials, missingMaterials: [], status: 'sent', statusAt: new Date(e.occurredAt), receiptNumber: null, reviewVariant: 'standard',
      policeCaseNumber: null, policeReasons: null, handedOverItems: [], supervisionRequested: false, supervisionGround: null,
      supervisionReasons: null, supervisionId: null,
      timeline: [eventEntry(e, `copy received: ${p.fromAgencyId} transferred case ${p.caseNumber} to ${p.toAgencyId} (transfer.copy-to-procuratorate)`)],
      sentAt: new Date(e.occurredAt),
    }));
  }

  @OnIntegrationEvent('transfer.receipt-signed')
  async receipt(e: IntegrationEventEnvelope<TransferReceiptSignedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    if (c.status === 'sent') setStatus(c, 'received', e);
    c.receiptNumber = e.payload.receiptNumber;
    await this.save(manager, c, e, `police signed the receipt ${e.payload.receiptNumber} (transfer.receipt)`);
  }

  @OnIntegrationEvent('transfer.forwarded')
  async forwarded(e: IntegrationEventEnvelope<TransferForwardedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    if (e.payload.mode === 'forwarded') {
      c.policeAgencyId = e.payload.toAgencyId ?? c.policeAgencyId;
      setStatus(c, 'sent', e);
      await this.save(manager, c, e, `police forwarded the case to ${e.payload.toAgencyId} as outside their competence (transfer.forward-or-return)`, e.payload.reasons);
    } else {
      setStatus(c, 'returned-not-competent', e);
      await this.save(manager, c, e, 'police returned the case as outside their competence (transfer.forward-or-return)', e.payload.reasons);
    }
  }

  @OnIntegrationEvent('transfer.materials-requested')
  async materialsRequested(e: IntegrationEventEnvelope<TransferMaterialsRequestedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    setStatus(c, 'materials-requested', e);
    c.missingMaterials = e.payload.missing;
    await this.save(manager, c, e, `police asked for missing materials: ${e.payload.missing.join(', ')} (transfer.materials-notice)`, e.payload.note);
  }

  /** Not in the original list, but without it a copy would stay "materials-requested" for ever. */
  @OnIntegrationEvent('transfer.materials-supplemented')
  async materialsSupplemented(e: IntegrationEventEnvelope<TransferMaterialsSupplementedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    const items = e.payload.items;
    c.materials = [...c.materials, ...items];
    c.missingMaterials = stillMissing(c.missingMaterials, items);
    if (c.status === 'materials-requested' && c.missingMaterials.length === 0) setStatus(c, 'received', e);
    await this.save(manager, c, e, `enforcement supplemented materials (${items.map((i) => i.kind).join(', ')}) (transfer.materials-supplement)`);
  }

  @OnIntegrationEvent('transfer.review-extended')
  async reviewExtended(e: IntegrationEventEnvelope<TransferReviewExtendedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    c.reviewVariant = e.payload.variant;
    const approval = e.payload.approvedBy ? `, approved by ${e.payload.approvedBy}` : '';
    await this.save(manager, c, e, `police extended the filing review (transfer.filing-review, ${e.payload.variant}${approval})`, e.payload.reasons);
  }

  /** transfer.decision-notice: the police decision, copied to the procuratorate (E17 art 9). */
  @OnIntegrationEvent('transfer.filing-decided')
  async filingDecided(e: IntegrationEventEnvelope<TransferFilingDecidedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    setStatus(c, e.payload.outcome, e);
    c.policeCaseNumber = e.payload.policeCaseNumber ?? c.policeCaseNumber;
    c.policeReasons = e.payload.reasons ?? null;
    const number = e.payload.policeCaseNumber ? ` ${e.payload.policeCaseNumber}` : '';
    await this.save(manager, c, e, `police decision: ${e.payload.outcome}${number}${e.payload.supervisionId ? ' (after a notice to file)' : ''}`, e.payload.reasons);
  }

  @OnIntegrationEvent('transfer.reconsideration-requested')
  async reconsiderationRequested(e: IntegrationEventEnvelope<TransferReconsiderationRequestedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    setStatus(c, 'reconsideration-requested', e);
    await this.save(manager, c, e, 'enforcement asked the police to reconsider non-filing (transfer.reconsideration-request)', e.payload.reasons);
  }

  @OnIntegrationEvent('transfer.reconsideration-decided')
  async reconsiderationDecided(e: IntegrationEventEnvelope<TransferReconsiderationDecidedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    setStatus(c, e.payload.outcome === 'upheld' ? 'upheld' : 'filed', e);
    c.policeCaseNumber = e.payload.policeCaseNumber ?? c.policeCaseNumber;
    if (e.payload.outcome === 'upheld') c.policeReasons = e.payload.reasons;
    await this.save(manager, c, e, `police reconsideration: ${e.payload.outcome} (transfer.reconsideration-decision)`, e.payload.reasons);
  }

  @OnIntegrationEvent('transfer.items-handed-over')
  async itemsHandedOver(e: IntegrationEventEnvelope<TransferItemsHandedOverV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    setStatus(c, 'items-handed-over', e);
    c.handedOverItems = [...c.handedOverItems, ...e.payload.items];
    await this.save(manager, c, e, `enforcement handed over ${e.payload.items.length} seized item(s) (transfer.items-handover)`);
  }

  /** A request for filing supervision (E17 art 12): pending until a supervision is opened on it. */
  @OnIntegrationEvent('filing-supervision.requested')
  async supervisionRequested(e: IntegrationEventEnvelope<FilingSupervisionRequestedV1>, manager: EntityManager): Promise<void> {
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    if (c.agencyId !== e.payload.procuratorateAgencyId) {
      this.logger.warn(`filing-supervision.requested ${e.eventId} is addressed to ${e.payload.procuratorateAgencyId}, but the copy of transfer ${c.transferId} is held by ${c.agencyId}; ignored`);
      return;
    }
    c.supervisionRequested = true;
    c.supervisionGround = e.payload.ground;
    c.supervisionReasons = e.payload.reasons;
    await this.save(manager, c, e, `enforcement requested filing supervision (${e.payload.ground})`, e.payload.reasons);
  }
}
