import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agencyIdKind, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { isTrialEvent, TRIAL_EVENT_TYPES } from '@casebridge/flows';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { followTrial } from '@casebridge/platform';
import { PilCase } from '../pil/pil-case.entity';
import { ProsecutionReview } from '../prosecution/prosecution-review.entity';

const LOCK = { mode: 'pessimistic_write' } as const;

/**
 * Follows the trial of what this procuratorate brought to court — its indictments (prosecution.decided, indicted)
 * and its PIL suits (pil.suit-filed) — with the court's own events, folded by the flow kit's trial view into the
 * record's `trial` and timeline (libs/platform followTrial). court.case-received ties the court's case to the record
 * when it names the record as its source and this procuratorate as the plaintiff; every later court event is found
 * by that court case and taken only from the court that holds it. Court cases that are not ours (another
 * procuratorate's, a damage-compensation suit) are ignored. Runs in the inbox transaction of each event (applied once).
 */
@Injectable()
export class CourtTrialConsumer {
  private readonly logger = new Logger(CourtTrialConsumer.name);

  @OnIntegrationEvent(TRIAL_EVENT_TYPES[0]!, ...TRIAL_EVENT_TYPES.slice(1))
  async fold(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    if (!isTrialEvent(e) || agencyIdKind(e.producer.agencyId) !== 'court') return;
    let row: PilCase | ProsecutionReview | null;
    if (e.type === 'court.case-received') {
      const { source, sourceId, plaintiffAgencyId } = e.payload;
      row =
        source === 'pil'
          ? await manager.findOne(PilCase, {
              where: { pilCaseId: sourceId, procuratorateAgencyId: plaintiffAgencyId },
              lock: LOCK,
            })
          : source === 'prosecution'
            ? await manager.findOne(ProsecutionReview, {
                where: { id: sourceId, agencyId: plaintiffAgencyId },
                lock: LOCK,
              })
            : null;
    } else {
      const { courtCaseId } = e.payload;
      row =
        (await manager.findOne(PilCase, { where: { courtCaseId }, lock: LOCK })) ??
        (await manager.findOne(ProsecutionReview, { where: { courtCaseId }, lock: LOCK }));
    }
    if (!row) return; // not a case of ours
    const result = followTrial(row, e);
    if (!result.applied) {
      this.logger.warn(`${e.type} ${e.eventId} from ${e.producer.agencyId}: ${result.reason}; ignored`);
      return;
    }
    await manager.save(row);
  }
}
