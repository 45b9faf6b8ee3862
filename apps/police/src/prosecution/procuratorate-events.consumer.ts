import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { eventGuard, prosecutionIdOf, prosecutionViews, unhandled, type ProsecutionEvent } from '@casebridge/flows';
import { OnIntegrationEvent, RecordNotYetKnownError } from '@casebridge/messaging';
import { eventEntry, withEntry } from '@casebridge/platform';
import { applyPoliceProsecutionView, PoliceProsecution } from './police-prosecution.entity';

/** The procuratorate's acts (and the review's miss) on our prosecutions that this app folds into its view. */
const FOLDED = [
  'prosecution.review-extended',
  'prosecution.returned-for-investigation',
  'prosecution.decided',
  'prosecution.nonprosecution-notified',
  'deadline.missed',
] as const;
type Folded = Extract<ProsecutionEvent, { type: (typeof FOLDED)[number] }>;
const isFolded = eventGuard<Folded>(FOLDED);

/** The police timeline's words for the act: [what, note]. */
function timelineText(e: Folded): [string, string?] {
  switch (e.type) {
    case 'prosecution.review-extended':
      return ['the procuratorate extended its review by 15 days (major or complex case)', e.payload.reasons];
    case 'prosecution.returned-for-investigation':
      return [
        `returned for supplementary investigation, round ${e.payload.round} of 2: re-submit within 1 month (prosecution.supplementary-investigation)`,
        e.payload.reasons,
      ];
    case 'prosecution.decided':
      return e.payload.outcome === 'indicted'
        ? [`indicted before ${e.payload.courtAgencyId ?? 'the court'}`, e.payload.reasons]
        : ['the procuratorate decided not to prosecute', e.payload.reasons];
    case 'prosecution.nonprosecution-notified':
      return [`the procuratorate notified ${e.payload.enforcementAgencyId} of the non-prosecution`];
    case 'deadline.missed':
      return ['the procuratorate’s review ran out (prosecution.review)'];
    default:
      return unhandled(e);
  }
}

/**
 * What the procuratorate and the workflow did with our prosecutions, folded with the flow's police view
 * (libs/flows). Runs in the inbox transaction of each event (applied once however often Kafka delivers it).
 */
@Injectable()
export class ProcuratorateEventsConsumer {
  @OnIntegrationEvent(FOLDED[0], ...FOLDED.slice(1))
  async fold(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isFolded(e)) return;
    const id = prosecutionIdOf(e);
    if (!id) return; // a deadline of another rule
    const p = await manager.findOne(PoliceProsecution, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) {
      if (e.type === 'deadline.missed') return;
      // parked (libs/messaging) until the prosecution is known here
      throw new RecordNotYetKnownError(`prosecution ${id}`, `event ${e.type} ${e.eventId} refers to prosecution ${id}`);
    }
    if (e.type !== 'deadline.missed' && e.producer.agencyId !== p.view.procuratorateAgencyId) return;
    applyPoliceProsecutionView(p, prosecutionViews.police.evolve(p.view, e));
    const [what, note] = timelineText(e);
    p.timeline = withEntry(p.timeline, eventEntry(e, what, note));
    await manager.save(p);
  }
}
