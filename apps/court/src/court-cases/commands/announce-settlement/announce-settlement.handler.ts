import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtSettlementAnnounced } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertOnce } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { AnnounceSettlementCommand } from './announce-settlement.command';

/** Announces a PIL settlement or mediation agreement for ≥ 30 days before approval (court.settlement-announcement; CivJI art 287). */
@CommandHandler(AnnounceSettlementCommand)
export class AnnounceSettlementHandler implements ICommandHandler<AnnounceSettlementCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: AnnounceSettlementCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'announce-settlement', (c, tx) => {
      assertOnce(c.settlementAnnouncedAt, 'announce-settlement');
      c.settlementAnnouncedAt = new Date();
      record(c, officer, 'settlement announced (court.settlement-announcement, at least 30 days)', request.summary);
      publishAs(tx, officer, CourtSettlementAnnounced, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        summary: request.summary,
      });
    });
  }
}
