import { Injectable, Logger } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import {
  agencyIdKind,
  type FilingSupervisionCorrectionIssuedV1,
  type FilingSupervisionExplanationRequiredV1,
  type FilingSupervisionFilingNoticeIssuedV1,
  type FilingSupervisionOpenedV1,
  type FilingSupervisionReasonsAcceptedV1,
  type FilingSupervisionChaserIssuedV1,
  type IntegrationEventEnvelope,
  type TransferSentV1,
} from '@casebridge/contracts';
import {
  eventGuard,
  filingSupervisionViews,
  transferViews,
  unhandled,
  type FilingSupervisionEvent,
  type TransferEvent,
} from '@casebridge/flows';
import { OnIntegrationEvent, RecordNotYetKnownError } from '@casebridge/messaging';
import { applyMatterView, matterView, SupervisionMatter } from '../supervision/supervision-matter.entity';
import { applyPoliceView, IncomingTransfer, policeView } from './incoming-transfer.entity';
import { eventEntry, withEntry } from '@casebridge/platform';

/** The enforcement acts on a transfer that the police fold into their view. */
const FOLDED = [
  'transfer.materials-supplemented',
  'transfer.reconsideration-requested',
  'transfer.items-handed-over',
] as const;
type Folded = Extract<TransferEvent, { type: (typeof FOLDED)[number] }>;
const isFolded = eventGuard<Folded>(FOLDED);

/** The police timeline's words for an enforcement act: [what, note]. */
function timelineText(e: Folded): [string, string?] {
  switch (e.type) {
    case 'transfer.materials-supplemented':
      return [`materials supplemented: ${e.payload.items.map((i) => i.kind).join(', ')}`];
    case 'transfer.reconsideration-requested':
      return ['enforcement asks for reconsideration', e.payload.reasons];
    case 'transfer.items-handed-over':
      return [`seized items handed over: ${e.payload.items.length}`];
    default:
      return unhandled(e);
  }
}

/** Transfers and supervision acts addressed to our offices, applied once each (inbox). */
@Injectable()
export class PoliceAgencyEventsConsumer {
  private readonly logger = new Logger(PoliceAgencyEventsConsumer.name);

  /** The row of the office that holds the transfer now (not the ones that forwarded it). */
  private async active(
    manager: EntityManager,
    transferId: string,
    e: IntegrationEventEnvelope,
  ): Promise<IncomingTransfer | null> {
    const t = await manager.findOne(IncomingTransfer, {
      where: { id: transferId, phase: Not(In(['forwarded'])) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!t)
      throw new RecordNotYetKnownError(
        `transfer ${transferId}`,
        `${e.type} ${e.eventId}: transfer ${transferId} not known to the police (yet)`,
      );
    return t;
  }

  @OnIntegrationEvent('transfer.sent')
  async sent(e: IntegrationEventEnvelope<TransferSentV1>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    if (agencyIdKind(p.toAgencyId) !== 'police') return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(IncomingTransfer)
      .values({
        id: p.transferId,
        agencyId: p.toAgencyId,
        linkedCaseId: e.linkedCaseId,
        fromAgencyId: p.fromAgencyId,
        copyToAgencyId: p.copyToAgencyId,
        enforcementCaseId: p.caseId,
        enforcementCaseNumber: p.caseNumber,
        party: { ...p.party },
        summary: p.summary,
        thresholdFacts: p.thresholdFacts,
        materials: p.materials as never,
        phase: 'awaiting-receipt',
        phaseAt: new Date(e.occurredAt),
        receivedAt: new Date(e.occurredAt),
        receiptNumber: null,
        receiptSignedAt: null,
        reviewVariant: 'standard',
        policeCaseNumber: null,
        decisionReasons: null,
        missingMaterials: [],
        timeline: [eventEntry(e, `transfer received from ${p.fromAgencyId} (copy to ${p.copyToAgencyId})`)] as never,
      })
      .orIgnore()
      .execute();
  }

  /** What enforcement did with a transfer we hold, folded with the transfer flow's police view (libs/flows). */
  @OnIntegrationEvent(FOLDED[0], ...FOLDED.slice(1))
  async fold(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isFolded(e)) return;
    const t = await this.active(manager, e.payload.transferId, e);
    if (!t) return;
    applyPoliceView(t, transferViews.police.evolve(policeView(t), e));
    if (e.type === 'transfer.materials-supplemented') t.materials = [...t.materials, ...e.payload.items];
    const [what, note] = timelineText(e);
    t.timeline = withEntry(t.timeline, eventEntry(e, what, note));
    await manager.save(t);
  }

  @OnIntegrationEvent('filing-supervision.opened')
  async opened(e: IntegrationEventEnvelope<FilingSupervisionOpenedV1>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SupervisionMatter)
      .values({
        id: e.payload.supervisionId,
        agencyId: e.payload.policeAgencyId,
        transferId: e.payload.transferId,
        linkedCaseId: e.linkedCaseId,
        procuratorateAgencyId: e.producer.agencyId,
        phase: 'opened',
        phaseAt: new Date(e.occurredAt),
        question: null,
        noticeNumber: null,
        correctionIssued: false,
        timeline: [eventEntry(e, `filing supervision opened (${e.payload.ground})`)] as never,
      })
      .orIgnore()
      .execute();
  }

  private async matter(
    manager: EntityManager,
    id: string,
    e: IntegrationEventEnvelope,
  ): Promise<SupervisionMatter | null> {
    const m = await manager.findOne(SupervisionMatter, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!m)
      throw new RecordNotYetKnownError(
        `supervision ${id}`,
        `${e.type} ${e.eventId}: supervision ${id} not known to the police (yet)`,
      );
    return m;
  }

  /** The matter folded with the event by the filing-supervision flow's police view (libs/flows). */
  private foldMatter(m: SupervisionMatter, e: IntegrationEventEnvelope): void {
    applyMatterView(m, filingSupervisionViews.police.evolve(matterView(m), e as FilingSupervisionEvent));
  }

  @OnIntegrationEvent('filing-supervision.explanation-required')
  async explanationRequired(
    e: IntegrationEventEnvelope<FilingSupervisionExplanationRequiredV1>,
    manager: EntityManager,
  ): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    this.foldMatter(m, e);
    m.timeline = withEntry(
      m.timeline,
      eventEntry(e, 'the procuratorate requires reasons for not filing (7 days)', e.payload.question),
    );
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.reasons-accepted')
  async accepted(
    e: IntegrationEventEnvelope<FilingSupervisionReasonsAcceptedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    this.foldMatter(m, e);
    m.timeline = withEntry(m.timeline, eventEntry(e, 'the procuratorate accepted the reasons'));
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.filing-notice-issued')
  async notice(
    e: IntegrationEventEnvelope<FilingSupervisionFilingNoticeIssuedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    this.foldMatter(m, e);
    m.timeline = withEntry(
      m.timeline,
      eventEntry(e, `notice to file ${e.payload.noticeNumber}: file within 15 days (supervision.police-file)`),
    );
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.correction-issued')
  async correction(
    e: IntegrationEventEnvelope<FilingSupervisionCorrectionIssuedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    this.foldMatter(m, e);
    m.timeline = withEntry(
      m.timeline,
      eventEntry(
        e,
        `correction notice${e.payload.escalatedTo ? `, escalated to ${e.payload.escalatedTo}` : ''}`,
        e.payload.note,
      ),
    );
    await manager.save(m);
  }

  @OnIntegrationEvent('filing-supervision.chaser-issued')
  async chaser(e: IntegrationEventEnvelope<FilingSupervisionChaserIssuedV1>, manager: EntityManager): Promise<void> {
    const m = await this.matter(manager, e.payload.supervisionId, e);
    if (!m) return;
    this.foldMatter(m, e);
    m.timeline = withEntry(
      m.timeline,
      eventEntry(e, '催办函: the investigation is still open after 3 months', e.payload.note),
    );
    await manager.save(m);
  }
}
