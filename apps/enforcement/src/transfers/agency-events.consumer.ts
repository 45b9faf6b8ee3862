import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IntegrationEventEnvelope, TransferProcuratorateOpinionV1, DeadlineMissedV2 } from '@casebridge/contracts';
import { withinJurisdiction } from '@casebridge/contracts';
import { eventGuard, transferViews, unhandled, type TransferEvent } from '@casebridge/flows';
import { OnIntegrationEvent, RecordNotYetKnownError, TransactionalOutbox } from '@casebridge/messaging';
import { AdministrativeCase } from '../cases/administrative-case.entity';
import { entry, eventEntry, withEntry } from '@casebridge/platform';
import { applyEnforcementView, enforcementView, Transfer } from './transfer.entity';
import { syncPenaltyClock } from './transfer-unit-of-work';

/** The acts of the police and the procuratorate on a transfer that this app folds into its view. */
const FOLDED = [
  'transfer.receipt-signed',
  'transfer.forwarded',
  'transfer.materials-requested',
  'transfer.review-extended',
  'transfer.filing-decided',
  'transfer.reconsideration-decided',
  'filing-supervision.opened',
  'filing-supervision.reasons-accepted',
] as const;
type Folded = Extract<TransferEvent, { type: (typeof FOLDED)[number] }>;
const isFolded = eventGuard<Folded>(FOLDED);

/** The enforcement timeline's words for another agency's act: [what, note]. */
function timelineText(e: Folded): [string, string?] {
  switch (e.type) {
    case 'transfer.receipt-signed':
      return [`police signed the receipt ${e.payload.receiptNumber}`];
    case 'transfer.forwarded':
      return e.payload.mode === 'forwarded'
        ? [`police forwarded the case to ${e.payload.toAgencyId} (not competent)`, e.payload.reasons]
        : ['police returned the case as outside their competence', e.payload.reasons];
    case 'transfer.materials-requested':
      return [`police asked for missing materials: ${e.payload.missing.join(', ')}`, e.payload.note];
    case 'transfer.review-extended':
      return [`police extended the filing review (${e.payload.variant})`, e.payload.reasons];
    case 'transfer.filing-decided':
      return [
        `police decision: ${e.payload.outcome}${e.payload.supervisionId ? ' (after a notice to file)' : ''}`,
        e.payload.reasons,
      ];
    case 'transfer.reconsideration-decided':
      return [`police reconsideration: ${e.payload.outcome}`, e.payload.reasons];
    case 'filing-supervision.opened':
      return ['the procuratorate opened filing supervision'];
    case 'filing-supervision.reasons-accepted':
      return ['the procuratorate found the police reasons valid (supervision.tell-agency)', e.payload.note];
    default:
      return unhandled(e);
  }
}

/**
 * What the police and the procuratorate did with our transfers, applied to our own view. Runs in the
 * inbox transaction of each event (applied once however often Kafka delivers it).
 */
@Injectable()
export class AgencyEventsConsumer {
  private readonly logger = new Logger(AgencyEventsConsumer.name);

  constructor(private readonly outbox: TransactionalOutbox) {}

  private async load(
    manager: EntityManager,
    transferId: string,
    e: IntegrationEventEnvelope,
  ): Promise<Transfer | null> {
    const t = await manager.findOne(Transfer, { where: { id: transferId }, lock: { mode: 'pessimistic_write' } });
    // Parked (libs/messaging) until the transfer exists here, then applied in arrival order.
    if (!t)
      throw new RecordNotYetKnownError(
        `transfer ${transferId}`,
        `event ${e.type} ${e.eventId} refers to transfer ${transferId} not known here`,
      );
    return t;
  }

  private async save(
    manager: EntityManager,
    t: Transfer,
    e: IntegrationEventEnvelope,
    what: string,
    note?: string,
  ): Promise<void> {
    t.timeline = withEntry(t.timeline, eventEntry(e, what, note));
    await manager.save(t);
    await this.outbox.run((tx) => syncPenaltyClock(tx, t, new Date(e.occurredAt)), { manager });
  }

  /**
   * What the police and the procuratorate did with one of our transfers, folded with the transfer flow's
   * enforcement view (libs/flows): where it leads, and whether an act learnt late may still move the
   * phase (the later act wins). Only the words of the timeline are this app's.
   */
  @OnIntegrationEvent(FOLDED[0], ...FOLDED.slice(1))
  async fold(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isFolded(e)) return;
    const t = await this.load(manager, e.payload.transferId, e);
    if (!t) return;
    applyEnforcementView(t, transferViews.enforcement.evolve(enforcementView(t), e));
    const [what, note] = timelineText(e);
    await this.save(manager, t, e, what, note ?? undefined);
  }

  @OnIntegrationEvent('transfer.procuratorate-opinion')
  async opinion(e: IntegrationEventEnvelope<TransferProcuratorateOpinionV1>, manager: EntityManager): Promise<void> {
    const c = await manager.findOneBy(AdministrativeCase, { id: e.payload.caseId });
    // only an opinion about a case we own, under its own linked case; anything else is refused here and
    // listed by supervision's GET /reconciliation as an orphan (it refers to a case-owner fact never seen)
    if (!c || c.agencyId !== e.payload.enforcementAgencyId || c.linkedCaseId !== e.linkedCaseId) {
      this.logger.warn(
        `procuratorate opinion ${e.eventId} names case ${e.payload.caseId} (linked case ${e.linkedCaseId}), not a case of ${e.payload.enforcementAgencyId}; refused (orphan)`,
      );
      return;
    }
    if (!withinJurisdiction(e.producer.agencyId, c.agencyId)) {
      this.logger.warn(
        `procuratorate opinion ${e.eventId} from ${e.producer.agencyId} is outside its jurisdiction over ${c.agencyId}; ignored`,
      );
      return;
    }
    if (await manager.existsBy(Transfer, { id: e.payload.transferId })) return;
    // the threshold facts the case team found last time (a transfer the head refused), if any; else named at sending
    const earlier = (await manager.find(Transfer, { where: { caseId: c.id }, order: { openedAt: 'DESC' } })).find(
      (x) => x.thresholdFacts.length > 0,
    );
    await manager.insert(
      Transfer,
      manager.create(Transfer, {
        id: e.payload.transferId,
        caseId: c.id,
        linkedCaseId: c.linkedCaseId,
        agencyId: c.agencyId,
        phase: 'opinion-received',
        phaseAt: new Date(e.occurredAt),
        thresholdFacts: earlier?.thresholdFacts ?? [],
        facts: e.payload.reasons,
        teamOfficerIds: null,
        teamSummary: null,
        refusalReasons: null,
        policeAgencyId: null,
        procuratorateAgencyId: e.producer.agencyId,
        materials: [],
        missingMaterials: [],
        policeCaseNumber: null,
        policeReasons: null,
        reviewVariant: 'standard',
        filingReviewOverdue: false,
        supervisionId: null,
        timeline: [
          entry(
            'procuratorial opinion: transfer the case (transfer.after-procuratorate-opinion)',
            e.producer.agencyId,
            e.occurredAt,
            { eventId: e.eventId, note: e.payload.reasons },
          ),
        ],
        openedAt: new Date(e.occurredAt),
      }),
    );
  }

  /** transfer.filing-review missed: the enforcement agency shall now ask for filing supervision (E17 art 12). */
  @OnIntegrationEvent('deadline.missed')
  async deadlineMissed(e: IntegrationEventEnvelope<DeadlineMissedV2>, manager: EntityManager): Promise<void> {
    if (e.payload.ruleId !== 'transfer.filing-review') return;
    const t = await manager.findOne(Transfer, {
      where: { id: e.payload.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!t) return;
    applyEnforcementView(t, transferViews.enforcement.evolve(enforcementView(t), { ...e, type: 'deadline.missed' }));
    t.timeline = withEntry(
      t.timeline,
      entry(
        'police filing review ran out: you shall ask the procuratorate for filing supervision',
        'workflow',
        e.occurredAt,
        { eventId: e.eventId },
      ),
    );
    await manager.save(t);
  }
}
