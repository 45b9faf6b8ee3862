import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyIdKind, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { isTrialEvent, TRIAL_EVENT_TYPES } from '@casebridge/flows';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { followTrial } from '@casebridge/platform';
import { PilRecommendation } from './pil-recommendation.entity';

const LOCK = { mode: 'pessimistic_write' } as const;

/**
 * The respondent's side of an administrative PIL suit: the trial of the suit the procuratorate brought against this
 * office, as the court's events tell it (libs/platform followTrial, libs/flows trialViews), so that its view does
 * not stop at "sued". court.case-received ties the court's case to the recommendation it answers (a PIL suit of the
 * procuratorate that served it); later court events are found by the court case and taken only from the court that
 * holds it. Runs in the inbox transaction of each event (applied once).
 */
@Injectable()
export class PilTrialConsumer {
  private readonly logger = new Logger(PilTrialConsumer.name);

  @OnIntegrationEvent(TRIAL_EVENT_TYPES[0]!, ...TRIAL_EVENT_TYPES.slice(1))
  async fold(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isTrialEvent(e) || agencyIdKind(e.producer.agencyId) !== 'court') return;
    const row =
      e.type === 'court.case-received'
        ? e.payload.source === 'pil'
          ? await manager.findOne(PilRecommendation, {
              where: { pilCaseId: e.payload.sourceId, procuratorateAgencyId: e.payload.plaintiffAgencyId },
              lock: LOCK,
            })
          : null
        : await manager.findOne(PilRecommendation, { where: { courtCaseId: e.payload.courtCaseId }, lock: LOCK });
    if (!row) return; // not a suit against this office
    const result = followTrial(row, e);
    if (!result.applied) {
      this.logger.warn(`${e.type} ${e.eventId} from ${e.producer.agencyId}: ${result.reason}; ignored`);
      return;
    }
    await manager.save(row);
  }
}
