import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  DeadlineMissedV2,
  FilingSupervisionExplainedV1,
  IntegrationEventEnvelope,
  TransferFilingDecidedV1,
  TransferSentV1,
} from '@casebridge/contracts';
import { FILING_SUPERVISION_RULES, filingSupervisionViews, type FilingSupervisionEvent } from '@casebridge/flows';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { entry, eventEntry, withEntry } from '@casebridge/platform';
import { applySupervisionView, FilingSupervision, supervisionView } from './filing-supervision.entity';
import { TransferOpinion } from './transfer-opinion.entity';

/**
 * What the police and the workflow did about our filing supervisions, folded into our record with the
 * filing-supervision flow's procuratorate view (libs/flows: phases and the later-act rule live there).
 * Runs in the inbox transaction of each event (applied once however often Kafka delivers it).
 */
@Injectable()
export class SupervisionEventsConsumer {
  private readonly logger = new Logger(SupervisionEventsConsumer.name);

  private async load(
    manager: EntityManager,
    supervisionId: string,
    e: IntegrationEventEnvelope,
  ): Promise<FilingSupervision | null> {
    const s = await manager.findOne(FilingSupervision, {
      where: { supervisionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!s)
      throw new Error(
        `event ${e.type} ${e.eventId} refers to filing supervision ${supervisionId} not known here (yet)`,
      );
    return s;
  }

  /** The record folded with the event; whether its phase moved. */
  private fold(s: FilingSupervision, e: FilingSupervisionEvent): boolean {
    const before = s.phase;
    applySupervisionView(s, filingSupervisionViews.procuratorate.evolve(supervisionView(s), e));
    return s.phase !== before;
  }

  /** The police gave their reasons for not filing (ends supervision.police-explain). */
  @OnIntegrationEvent('filing-supervision.explained')
  async explained(e: IntegrationEventEnvelope<FilingSupervisionExplainedV1>, manager: EntityManager): Promise<void> {
    const s = await this.load(manager, e.payload.supervisionId, e);
    if (!s) return;
    const moved = this.fold(s, e as FilingSupervisionEvent);
    if (!moved)
      this.logger.warn(
        `filing-supervision.explained ${e.eventId} arrived in phase ${s.phase}; reasons recorded, phase unchanged`,
      );
    s.timeline = withEntry(
      s.timeline,
      eventEntry(
        e,
        `police explained why they did not file (supervision.police-explain)${moved ? '' : ` — in phase ${s.phase}`}`,
        e.payload.reasons,
      ),
    );
    await manager.save(s);
  }

  /** The police filed after our notice to file (supervision.police-file met); the investigation is now watched. */
  @OnIntegrationEvent('transfer.filing-decided')
  async filingDecided(e: IntegrationEventEnvelope<TransferFilingDecidedV1>, manager: EntityManager): Promise<void> {
    if (!e.payload.supervisionId) return;
    const s = await this.load(manager, e.payload.supervisionId, e);
    if (!s) return;
    const moved = this.fold(s, e as FilingSupervisionEvent);
    const number = e.payload.policeCaseNumber ? ` ${e.payload.policeCaseNumber}` : '';
    s.timeline = withEntry(
      s.timeline,
      eventEntry(
        e,
        `police decision under supervision: ${e.payload.outcome}${number}${moved ? '' : ` — in phase ${s.phase}, phase unchanged`}`,
        e.payload.reasons,
      ),
    );
    await manager.save(s);
  }

  /** supervision.police-file missed: a correction notice may now be issued (JR art 564). Other supervision misses go on the timeline. */
  @OnIntegrationEvent('deadline.missed')
  async deadlineMissed(e: IntegrationEventEnvelope<DeadlineMissedV2>, manager: EntityManager): Promise<void> {
    if (!FILING_SUPERVISION_RULES.includes(e.payload.ruleId)) return;
    const s = await manager.findOne(FilingSupervision, {
      where: { supervisionId: e.payload.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!s) return;
    this.fold(s, e as FilingSupervisionEvent);
    let what = `${e.payload.ruleId} ran out (due ${e.payload.dueAt})`;
    if (e.payload.ruleId === 'supervision.police-file' && s.policeFileOverdue)
      what += ': you may issue a correction notice and escalate one level up';
    if (e.payload.ruleId === 'supervision.police-explain' && s.policeExplainOverdue)
      what += ': the police gave no reasons in time; you may notify them to file';
    s.timeline = withEntry(
      s.timeline,
      entry(what, 'workflow', e.occurredAt, {
        eventId: e.eventId,
        ...(e.payload.onExpiry ? { note: e.payload.onExpiry } : {}),
      }),
    );
    await manager.save(s);
  }

  /** The enforcement agency sent the transfer our procuratorial opinion asked for (transfer.after-procuratorate-opinion met). */
  @OnIntegrationEvent('transfer.sent')
  async opinionFollowed(e: IntegrationEventEnvelope<TransferSentV1>, manager: EntityManager): Promise<void> {
    const o = await manager.findOneBy(TransferOpinion, { transferId: e.payload.transferId });
    if (!o || o.transferSentAt) return;
    await manager.update(TransferOpinion, { transferId: o.transferId }, { transferSentAt: new Date(e.occurredAt) });
  }
}
