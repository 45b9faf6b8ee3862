import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyIdKind, withinJurisdiction, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { eventGuard, prosecutionIdOf, prosecutionViews, type ProsecutionEvent } from '@casebridge/flows';
import { OnIntegrationEvent, RecordNotYetKnownError } from '@casebridge/messaging';
import { eventEntry, withEntry } from '@casebridge/platform';
import { applyReviewView, ProsecutionReview } from './prosecution-review.entity';

type Transferred = Extract<ProsecutionEvent, { type: 'prosecution.transferred' }>;
type Folded = Extract<ProsecutionEvent, { type: 'prosecution.resubmitted' | 'deadline.missed' }>;
const isTransferred = eventGuard<Transferred>(['prosecution.transferred']);
const isFolded = eventGuard<Folded>(['prosecution.resubmitted', 'deadline.missed']);

/**
 * Cases the police transfer to one of our procuratorates for prosecution, their re-submissions and the
 * review's miss, folded with the flow's procuratorate view (libs/flows). Runs in the inbox transaction of
 * each event (applied once however often Kafka delivers it).
 */
@Injectable()
export class PoliceProsecutionEventsConsumer {
  private readonly logger = new Logger(PoliceProsecutionEventsConsumer.name);

  @OnIntegrationEvent('prosecution.transferred')
  async transferred(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isTransferred(e)) return;
    const p = e.payload;
    const ours = agencyIdKind(p.procuratorateAgencyId) === 'procuratorate';
    if (!ours || !withinJurisdiction(e.producer.agencyId, p.procuratorateAgencyId)) {
      this.logger.warn(
        `prosecution ${p.prosecutionId} from ${e.producer.agencyId} names ${p.procuratorateAgencyId}; ignored`,
      );
      return;
    }
    if (await manager.existsBy(ProsecutionReview, { id: p.prosecutionId })) return;
    const row = manager.create(ProsecutionReview, {
      id: p.prosecutionId,
      linkedCaseId: e.linkedCaseId,
      agencyId: p.procuratorateAgencyId,
      // a new record has not changed phase (judgeAct: out of order rather than done twice)
      previousPhase: 'under-review',
      receivedAt: new Date(e.occurredAt),
      timeline: [
        eventEntry(
          e,
          `case transferred for prosecution by ${e.producer.agencyId}: review within 1 month (prosecution.review)`,
          p.summary,
        ),
      ],
    });
    applyReviewView(row, prosecutionViews.procuratorate.open(e));
    await manager.insert(ProsecutionReview, row);
  }

  @OnIntegrationEvent('prosecution.resubmitted', 'deadline.missed')
  async fold(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isFolded(e)) return;
    const id = prosecutionIdOf(e);
    if (!id) return; // a deadline of another rule
    const row = await manager.findOne(ProsecutionReview, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) {
      if (e.type === 'deadline.missed') return;
      throw new RecordNotYetKnownError(`prosecution ${id}`, `event ${e.type} ${e.eventId} refers to prosecution ${id}`);
    }
    if (e.type === 'prosecution.resubmitted' && e.producer.agencyId !== row.view.policeAgencyId) return;
    applyReviewView(row, prosecutionViews.procuratorate.evolve(row.view, e));
    row.timeline = withEntry(
      row.timeline,
      e.type === 'prosecution.resubmitted'
        ? eventEntry(
            e,
            `re-submitted after supplementary investigation (round ${e.payload.round}): the review starts again`,
            e.payload.summary,
          )
        : eventEntry(e, 'your review ran out (prosecution.review): decide now'),
    );
    await manager.save(row);
  }
}
