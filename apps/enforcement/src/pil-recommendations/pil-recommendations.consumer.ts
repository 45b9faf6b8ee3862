import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AGENCY_ID_PATTERN,
  agencyIdKind,
  withinJurisdiction,
  type DeadlineMissedV2,
  type IntegrationEventEnvelope,
  type PilClosingDecisionServedV1,
  type PilRecommendationServedV1,
  type PilSuitFiledV1,
} from '@casebridge/contracts';
import { pilAdministrativeViews, type FlowEvent } from '@casebridge/flows';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { eventEntry } from '@casebridge/platform';
import { PilRecommendation } from './pil-recommendation.entity';
import { fold } from './pil-recommendation.record';

/**
 * The respondent side of an administrative PIL: a recommendation served on one of our offices opens its record;
 * the procuratorate's closing decision or suit and the workflow's miss of pil.agency-reply are folded into it.
 * Events about PIL cases of other offices are not ours to know. Runs in the inbox transaction of each event.
 */
@Injectable()
export class PilRecommendationsConsumer {
  private readonly logger = new Logger(PilRecommendationsConsumer.name);

  @OnIntegrationEvent('pil.recommendation-served')
  async served(e: IntegrationEventEnvelope<PilRecommendationServedV1>, manager: EntityManager): Promise<void> {
    const agencyId = e.payload.agencyId;
    if (!AGENCY_ID_PATTERN.test(agencyId) || agencyIdKind(agencyId) !== 'enforcement') return;
    if (!withinJurisdiction(e.producer.agencyId, agencyId)) {
      this.logger.warn(
        `recommendation ${e.eventId} from ${e.producer.agencyId} to ${agencyId} is outside its jurisdiction; ignored`,
      );
      return;
    }
    if (await manager.existsBy(PilRecommendation, { pilCaseId: e.payload.pilCaseId })) return;
    const view = pilAdministrativeViews.agency.open(
      e as FlowEvent<'pil.recommendation-served', PilRecommendationServedV1>,
    );
    await manager.insert(PilRecommendation, {
      pilCaseId: e.payload.pilCaseId,
      linkedCaseId: e.linkedCaseId,
      agencyId,
      procuratorateAgencyId: e.producer.agencyId,
      phase: view.phase,
      previousPhase: null,
      phaseAt: new Date(e.occurredAt),
      view,
      timeline: [
        eventEntry(
          e,
          `procuratorial recommendation ${e.payload.documentNumber} received: act and reply (pil.agency-reply, ${e.payload.variant})`,
        ),
      ],
      receivedAt: new Date(e.occurredAt),
    });
  }

  @OnIntegrationEvent('pil.closing-decision-served', 'pil.suit-filed')
  async decided(
    e: IntegrationEventEnvelope<PilClosingDecisionServedV1 | PilSuitFiledV1>,
    manager: EntityManager,
  ): Promise<void> {
    const r = await manager.findOne(PilRecommendation, {
      where: { pilCaseId: e.payload.pilCaseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!r || r.procuratorateAgencyId !== e.producer.agencyId) return;
    const what =
      e.type === 'pil.suit-filed'
        ? `the procuratorate sued before ${(e.payload as PilSuitFiledV1).courtAgencyId}`
        : `closing decision ${(e.payload as PilClosingDecisionServedV1).documentNumber} received: the case is closed`;
    fold(r, e, what);
    await manager.save(r);
  }

  @OnIntegrationEvent('deadline.missed')
  async missed(e: IntegrationEventEnvelope<DeadlineMissedV2>, manager: EntityManager): Promise<void> {
    if (e.payload.ruleId !== 'pil.agency-reply') return;
    const r = await manager.findOne(PilRecommendation, {
      where: { pilCaseId: e.payload.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!r) return;
    fold(
      r,
      { ...e, type: 'deadline.missed' },
      'the reply period ran out (pil.agency-reply): the procuratorate may sue',
    );
    await manager.save(r);
  }
}
