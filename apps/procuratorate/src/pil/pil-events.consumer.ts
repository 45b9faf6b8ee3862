import { Injectable, Logger } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  PilClockChanged,
  withinJurisdiction,
  type DeadlineMissedV2,
  type EdcConsultationOpenedV1,
  type IntegrationEventEnvelope,
  type PilAgencyActionRecordedV1,
  type PilAgencyRepliedV1,
} from '@casebridge/contracts';
import type { ProcuratoratePilCivilView } from '@casebridge/flows';
import { OnIntegrationEvent, TransactionalOutbox } from '@casebridge/messaging';
import { PilCase, PilEdcWatch } from './pil-case.entity';
import { CIVIL_KINDS, fold, record } from './pil-case.record';

/** Civil phases whose clock a damage consultation on the same conduct stops (flows.md §6). */
const CLOCK_RUNS_IN = ['announced', 'announcement-ended', 'organisation-forward'] as const;

/**
 * What the respondent agency, the workflow and the claimant agencies tell the procuratorate about its PIL cases,
 * folded with the flows' procuratorate views. Runs in the inbox transaction of each event (applied once).
 */
@Injectable()
export class PilEventsConsumer {
  private readonly logger = new Logger(PilEventsConsumer.name);

  constructor(private readonly outbox: TransactionalOutbox) {}

  private lock(manager: EntityManager, pilCaseId: string): Promise<PilCase | null> {
    return manager.findOne(PilCase, { where: { pilCaseId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The respondent agency's acts and reply: only from the agency the recommendation was served on. */
  @OnIntegrationEvent('pil.agency-action-recorded', 'pil.agency-replied')
  async agency(
    e: IntegrationEventEnvelope<PilAgencyActionRecordedV1 | PilAgencyRepliedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const c = await this.lock(manager, e.payload.pilCaseId);
    if (!c || c.respondentAgencyId !== e.producer.agencyId) {
      this.logger.warn(
        `${e.type} ${e.eventId} from ${e.producer.agencyId} is not about a recommendation it got; ignored`,
      );
      return;
    }
    if (e.type === 'pil.agency-replied') {
      const p = e.payload as PilAgencyRepliedV1;
      fold(c, e, `the agency replied: ${p.outcome} (pil.agency-reply)`, p.reply);
    } else {
      fold(
        c,
        e,
        'the agency recorded an action on the recommendation',
        (e.payload as PilAgencyActionRecordedV1).action,
      );
    }
    await manager.save(c);
  }

  /** pil.agency-reply ran out (the procuratorate may sue), or the civil announcement has run its 30 days. */
  @OnIntegrationEvent('deadline.missed')
  async missed(e: IntegrationEventEnvelope<DeadlineMissedV2>, manager: EntityManager): Promise<void> {
    const { ruleId, subjectId } = e.payload;
    if (ruleId !== 'pil.agency-reply' && ruleId !== 'pil.civil-announcement') return;
    const c = await this.lock(manager, subjectId);
    if (!c) return;
    const what =
      ruleId === 'pil.agency-reply'
        ? 'the agency did not reply in time (pil.agency-reply): decide whether to sue (pil.admin-suit-decision)'
        : 'the announcement has run 30 days with no eligible organisation: decide whether to sue (pil.civil-suit-decision)';
    fold(c, { ...e, type: 'deadline.missed' }, what);
    await manager.save(c);
  }

  /** A damage consultation on a linked case opened: a civil PIL on the same conduct waits (its clock stops). */
  @OnIntegrationEvent('edc.consultation-opened')
  async consultationOpened(
    e: IntegrationEventEnvelope<EdcConsultationOpenedV1>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.save(PilEdcWatch, { edcCaseId: e.payload.edcCaseId, linkedCaseId: e.linkedCaseId, state: 'open' });
    await this.clock(e, manager, 'suspended');
  }

  /** The consultation failed: the waiting civil PIL goes on; agreed: it keeps waiting for the court's confirmation. */
  @OnIntegrationEvent('edc.consultation-failed', 'edc.consultation-agreed')
  async consultationEnded(e: IntegrationEventEnvelope<{ edcCaseId: string }>, manager: EntityManager): Promise<void> {
    const state = e.type === 'edc.consultation-failed' ? 'failed' : 'agreed';
    await manager.save(PilEdcWatch, { edcCaseId: e.payload.edcCaseId, linkedCaseId: e.linkedCaseId, state });
    if (state === 'failed') await this.clock(e, manager, 'running');
  }

  private async clock(
    e: IntegrationEventEnvelope<{ edcCaseId: string }>,
    manager: EntityManager,
    state: 'suspended' | 'running',
  ): Promise<void> {
    const cases = await manager.find(PilCase, {
      where: { linkedCaseId: e.linkedCaseId, kind: In([...CIVIL_KINDS]), phase: In([...CLOCK_RUNS_IN]) },
      lock: { mode: 'pessimistic_write' },
    });
    for (const c of cases) {
      const view = c.view as ProcuratoratePilCivilView;
      if (view.waiting === (state === 'suspended')) continue;
      // only a claimant this procuratorate may address (its region, or the jurisdiction map) stops its clock: an
      // office of another region naming the linked case changes nothing (attack round 4)
      if (!withinJurisdiction(c.procuratorateAgencyId, e.producer.agencyId)) {
        this.logger.warn(
          `${e.type} ${e.eventId} of ${e.producer.agencyId} names linked case ${e.linkedCaseId} of ${c.procuratorateAgencyId}, outside its jurisdiction: the civil PIL ${c.pilCaseId} is not affected`,
        );
        continue;
      }
      await this.outbox.run(
        async (tx) => {
          record(
            tx,
            { sub: 'system:edc-consultation', agencyId: c.procuratorateAgencyId },
            c,
            PilClockChanged,
            {
              pilCaseId: c.pilCaseId,
              state,
              reason:
                state === 'suspended'
                  ? `the damage consultation ${e.payload.edcCaseId} on the same conduct is open (flows.md §6)`
                  : `the damage consultation ${e.payload.edcCaseId} failed: the case goes on`,
              edcCaseId: e.payload.edcCaseId,
            },
            state === 'suspended'
              ? `waits for the damage consultation ${e.payload.edcCaseId}: clock stopped`
              : `the damage consultation ${e.payload.edcCaseId} failed: clock runs again`,
          );
          await tx.manager.save(c);
        },
        { manager },
      );
    }
  }
}
