import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AGENCY_ID_PATTERN,
  agencyIdKind,
  type IntegrationEventEnvelope,
  type TransferSentV1,
} from '@casebridge/contracts';
import { eventGuard, transferViews, unhandled, type TransferEvent } from '@casebridge/flows';
import { OnIntegrationEvent, RecordNotYetKnownError } from '@casebridge/messaging';
import { eventEntry, withEntry } from '@casebridge/platform';
import { applyCopyView, copyView, TransferCopy } from './transfer-copy.entity';

/** The acts on a transfer that the procuratorate folds into its copy. */
const FOLDED = [
  'transfer.receipt-signed',
  'transfer.forwarded',
  'transfer.materials-requested',
  'transfer.materials-supplemented',
  'transfer.review-extended',
  'transfer.filing-decided',
  'transfer.reconsideration-requested',
  'transfer.reconsideration-decided',
  'transfer.items-handed-over',
  'filing-supervision.requested',
] as const;
type Folded = Extract<TransferEvent, { type: (typeof FOLDED)[number] }>;
const isFolded = eventGuard<Folded>(FOLDED);

/** The copy's timeline words for an act (with the rule id it concerns): [what, note]. */
function timelineText(e: Folded): [string, (string | null)?] {
  switch (e.type) {
    case 'transfer.receipt-signed':
      return [`police signed the receipt ${e.payload.receiptNumber} (transfer.receipt)`];
    case 'transfer.forwarded':
      return e.payload.mode === 'forwarded'
        ? [
            `police forwarded the case to ${e.payload.toAgencyId} as outside their competence (transfer.forward-or-return)`,
            e.payload.reasons,
          ]
        : ['police returned the case as outside their competence (transfer.forward-or-return)', e.payload.reasons];
    case 'transfer.materials-requested':
      return [
        `police asked for missing materials: ${e.payload.missing.join(', ')} (transfer.materials-notice)`,
        e.payload.note,
      ];
    case 'transfer.materials-supplemented':
      return [
        `enforcement supplemented materials (${e.payload.items.map((i) => i.kind).join(', ')}) (transfer.materials-supplement)`,
      ];
    case 'transfer.review-extended': {
      const approval = e.payload.approvedBy ? `, approved by ${e.payload.approvedBy}` : '';
      return [
        `police extended the filing review (transfer.filing-review, ${e.payload.variant}${approval})`,
        e.payload.reasons,
      ];
    }
    case 'transfer.filing-decided': {
      const number = e.payload.policeCaseNumber ? ` ${e.payload.policeCaseNumber}` : '';
      return [
        `police decision: ${e.payload.outcome}${number}${e.payload.supervisionId ? ' (after a notice to file)' : ''}`,
        e.payload.reasons,
      ];
    }
    case 'transfer.reconsideration-requested':
      return [
        'enforcement asked the police to reconsider non-filing (transfer.reconsideration-request)',
        e.payload.reasons,
      ];
    case 'transfer.reconsideration-decided':
      return [`police reconsideration: ${e.payload.outcome} (transfer.reconsideration-decision)`, e.payload.reasons];
    case 'transfer.items-handed-over':
      return [`enforcement handed over ${e.payload.items.length} seized item(s) (transfer.items-handover)`];
    case 'filing-supervision.requested':
      return [`enforcement requested filing supervision (${e.payload.ground})`, e.payload.reasons];
    default:
      return unhandled(e);
  }
}

/**
 * The copies the procuratorate receives of every transfer (transfer.copy-to-procuratorate) and of
 * every police decision on it (transfer.decision-notice, transfer.forward-or-return, …), applied to
 * its own view. Runs in the inbox transaction of each event (applied once however often Kafka
 * delivers it). An event about a transfer not known here yet is parked until its transfer.sent arrives.
 */
@Injectable()
export class TransferCopiesConsumer {
  private readonly logger = new Logger(TransferCopiesConsumer.name);

  private async load(
    manager: EntityManager,
    transferId: string,
    e: IntegrationEventEnvelope,
  ): Promise<TransferCopy | null> {
    const c = await manager.findOne(TransferCopy, { where: { transferId }, lock: { mode: 'pessimistic_write' } });
    // The transfer.sent (enforcement topic) may still be on its way while a police event (police topic)
    // arrives: parked (libs/messaging) and applied once the copy exists, never dead-lettered for being early.
    if (!c)
      throw new RecordNotYetKnownError(
        `transfer ${transferId}`,
        `event ${e.type} ${e.eventId} refers to transfer ${transferId} not known here (yet)`,
      );
    return c;
  }

  private async save(
    manager: EntityManager,
    c: TransferCopy,
    e: IntegrationEventEnvelope,
    what: string,
    note?: string | null,
  ): Promise<void> {
    c.timeline = withEntry(c.timeline, eventEntry(e, what, note));
    await manager.save(c);
  }

  /** transfer.copy-to-procuratorate: the copy arrives at the same time as the transfer (E17 art 6). */
  @OnIntegrationEvent('transfer.sent')
  async sent(e: IntegrationEventEnvelope<TransferSentV1>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    if (!AGENCY_ID_PATTERN.test(p.copyToAgencyId) || agencyIdKind(p.copyToAgencyId) !== 'procuratorate') {
      this.logger.warn(
        `transfer.sent ${e.eventId}: copy addressed to ${p.copyToAgencyId}, not a procuratorate; ignored`,
      );
      return;
    }
    if (await manager.existsBy(TransferCopy, { transferId: p.transferId })) {
      this.logger.warn(`transfer.sent ${e.eventId}: transfer ${p.transferId} already has a copy here; ignored`);
      return;
    }
    await manager.insert(
      TransferCopy,
      manager.create(TransferCopy, {
        transferId: p.transferId,
        agencyId: p.copyToAgencyId,
        linkedCaseId: e.linkedCaseId,
        caseId: p.caseId,
        enforcementAgencyId: p.fromAgencyId,
        policeAgencyId: p.toAgencyId,
        caseNumber: p.caseNumber,
        party: { name: p.party.name, creditCode: p.party.creditCode },
        summary: p.summary,
        thresholdFacts: p.thresholdFacts,
        materials: p.materials,
        missingMaterials: [],
        status: 'sent',
        statusAt: new Date(e.occurredAt),
        receiptNumber: null,
        reviewVariant: 'standard',
        policeCaseNumber: null,
        policeReasons: null,
        handedOverItems: [],
        supervisionRequested: false,
        supervisionGround: null,
        supervisionReasons: null,
        supervisionId: null,
        timeline: [
          eventEntry(
            e,
            `copy received: ${p.fromAgencyId} transferred case ${p.caseNumber} to ${p.toAgencyId} (transfer.copy-to-procuratorate)`,
          ),
        ],
        sentAt: new Date(e.occurredAt),
      }),
    );
  }

  /** What the police and the enforcement agency did with the transfer, folded with the flow's procuratorate view (libs/flows). */
  @OnIntegrationEvent(FOLDED[0], ...FOLDED.slice(1))
  async fold(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isFolded(e)) return;
    const c = await this.load(manager, e.payload.transferId, e);
    if (!c) return;
    if (e.type === 'filing-supervision.requested' && c.agencyId !== e.payload.procuratorateAgencyId) {
      this.logger.warn(
        `filing-supervision.requested ${e.eventId} is addressed to ${e.payload.procuratorateAgencyId}, but the copy of transfer ${c.transferId} is held by ${c.agencyId}; ignored`,
      );
      return;
    }
    applyCopyView(c, transferViews.procuratorate.evolve(copyView(c), e));
    if (e.type === 'transfer.materials-supplemented') c.materials = [...c.materials, ...e.payload.items];
    if (e.type === 'transfer.items-handed-over') c.handedOverItems = [...c.handedOverItems, ...e.payload.items];
    const [what, note] = timelineText(e);
    await this.save(manager, c, e, what, note);
  }
}
