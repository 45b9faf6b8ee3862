import { Injectable, Logger } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import {
  agencyIdKind, stillMissing, type FilingSupervisionCorrectionIssuedV1, type FilingSupervisionExplanationRequiredV1,
  type FilingSupervisionFilingNoticeIssuedV1, type FilingSupervisionOpenedV1, type FilingSupervisionReasonsAcceptedV1,
  type FilingSupervisionChaserIssuedV1, type IntegrationEventEnvelope, type TransferItemsHandedOverV1,
  type TransferMaterialsSupplementedV1, type TransferReconsiderationRequestedV1, type TransferSentV1,
} from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { SupervisionMatter } from '../supervision/supervision-matter.entity';
import { IncomingTransfer } from './incoming-transfer.entity';
import { eventEntry, withEntry } from '@casebridge/platform';

/** Transfers and supervision acts addressed to our offices, applied once each (inbox). */
@Injectable()
export class PoliceAgencyEventsConsumer {
  private readonly logger = new Logger(PoliceAgencyEventsConsumer.name);

  /** The row of the office that holds the transfer now (not the ones that forwarded it). */
  private async active(manager: EntityManager, transferId: string, e: IntegrationEventEnvelope): Promise<IncomingTransfer | null> {
    const t = await manager.findOne(IncomingTransfer, {
      where: { id: transferId, phase: Not(In(['forwarded'])) }, lock: { mode: 'pessimistic_write' },
    });
    if (!t) throw new Error(`${e.type} ${e.eventId}: transfer ${transferId} not known to the police (yet)`);
    return t;
  }

  @OnIntegrationEvent('transfer.sent')
  async sent(e: IntegrationEventEnvelope<TransferSentV1>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    if (agencyIdKind(p.toAgencyId) !== 'police') return;
    await manager.createQueryBuilder().insert().into(IncomingTransfer).values({
      id: p.transferId, agencyId: p.toAgencyId, linkedCaseId: e.linkedCaseId, fromAgencyId: p.fromAgencyId,
      copyToAgencyId: p.copyToAgencyId, enforcementCaseId: p.caseId, enforcementCaseNumber: p.caseNumber,
      party: { ...p.party }, summary: p.summary, thresholdFacts: p.thresholdFacts, materials: p.materials as never,
      phase: 'awaiting-receipt', receivedAt: new Date(e.occurredAt), receiptNumber: null, receiptSignedAt: null,
      reviewVariant: 'standard', policeCaseNumber: null, decisionReasons: null, missingMaterials: [],
      timeline: [eventEntry(e, `transfer received from ${p.fromAgencyId} (copy to ${p.copyToAgencyId})`)] as never,
    }).orIgnore().execute();
  }

  @OnIntegrationEvent('transfer.materials-supplemented')
  async supplemented(e: IntegrationEventEnvelope<TransferMaterialsSupplementedV1>, manager: EntityManager): Promise<void> {
    const t = await this.active(manager, e.payload.transferId, e);
    if (!t) return;
    t.materials = [...t.materials, ...e.payload.items];
    t.missingMaterials = stillMissing(t.missingMaterials, e.payload.items);
    // A partial supplement leaves the request open (transfer.materials-supplement).
    if (t.phase === 'materials-requested' && t.missingMaterials.length === 0) t.phase = 'received';
    t.timeline = withEntry(t.timeline, eventEntry(e, `materials supplemented: ${e.payload.items.map((i) => i.kind).join(', ')}`));
    await manager.save(t);
  }

  @OnIntegrationEvent('transfer.reconsideration-requested')
  async reconsideration(e: IntegrationEventEnvelope<TransferReconsiderationRequestedV1>, manager: EntityManager): Promise<void> {
    const t = await this.active(manager, e.payload.transferId, e);
    if (!t || t.phase !== 'not-filed') return;
    t.phase = 'reconsidering';
    t.timeline = withEntry(t.timeline, eventEntry(e, 'enforcement asks for reconsideration', e.payload.reasons));
    await manager.save(t);
  }

  @OnIntegrationEvent('transfer.items-handed-over')
  async items(e: IntegrationEventEnvelope<TransferItemsHandedOverV1>, manager: EntityManager): Promise<void> {
    const t = await this.active(manager, e.payload.transferId, e);
    if (!t) return;
    t.timeline = withEntry(t.timeline, eventEntry(e, `seized items handed over: ${e.payload.items.length}`));
    await manager.save(t);
  }

  @OnIntegrationEvent('filing-supervision.opened')
  async opened(e: IntegrationEventEnvelope<FilingSupervisionOpenedV1>, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().insert().into(SupervisionMatter).values({
      id: e.payload.supervisionId, agencyId: e.payload.policeAgencyId, transferId: e.payload.transferId, linkedCaseId: e.linkedCaseId,
      procuratorateAgencyId: e.producer.agencyId, phase: 'opened', question: null, noticeNumber: null, correctionIssued: false,
      timeline: [eventEntry(e, `filing supervision opened (${e.payload.ground})`)] as never,
    }).orIgnore().execute();
  }

  private async matter(manager: EntityManager, id: string, e: IntegrationEventEnvelope): Promise<SupervisionMatter | null> {
    const m = await manager.findOne(SupervisionMatter, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!m) throw new Error(`${e.type} ${e.eventId}: supervision ${id} not known to the police (yet)`);
    return m;
  }

  @OnIntegrationEvent('filing-supervision.explanation-required')
  async explanationRequired(e: IntegrationEventEnvelope<FilingSupervisionExplanationRequiredV1>, manager: EntityManager): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    m.phase = 'explanation-required';
    m.question = e.payload.question;
    m.timeline = withEntry(m.timeline, eventEntry(e, 'the procuratorate requires reasons for not filing (7 days)', e.payload.question));
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.reasons-accepted')
  async accepted(e: IntegrationEventEnvelope<FilingSupervisionReasonsAcceptedV1>, manager: EntityManager): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    m.phase = 'closed';
    m.timeline = withEntry(m.timeline, eventEntry(e, 'the procuratorate accepted the reasons'));
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.filing-notice-issued')
  async notice(e: IntegrationEventEnvelope<FilingSupervisionFilingNoticeIssuedV1>, manager: EntityManager): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    m.phase = 'notice-to-file';
    m.noticeNumber = e.payload.noticeNumber;
    m.timeline = withEntry(m.timeline, eventEntry(e, `notice to file ${e.payload.noticeNumber}: file within 15 days (supervision.police-file)`));
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.correction-issued')
  async correction(e: IntegrationEventEnvelope<FilingSupervisionCorrectionIssuedV1>, manager: EntityManager): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    m.correctionIssued = true;
    m.timeline = withEntry(m.timeline, eventEntry(e, `correction notice${e.payload.escalatedTo ? `, escalated to ${e.payload.escalatedTo}` : ''}`, e.payload.note));
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.chaser-issued')
  async chaser(e: IntegrationEventEnvelope<FilingSupervisionChaserIssuedV1>, manager: EntityManager): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    m.timeline = withEntry(m.timeline, eventEntry(e, '催办函: the investigation is still open after 3 months', e.payload.note));
    await manager.save(m);
  }
}
