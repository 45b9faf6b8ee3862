import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtConfirmationAnnounced } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { record } from '../../court-case.timeline';
import { AnnounceConfirmationCommand } from './announce-confirmation.command';

/** Announces a compensation agreement for ≥ 30 days before judicial confirmation (edc.confirmation-announcement; EDC art 20). */
@CommandHandler(AnnounceConfirmationCommand)
export class AnnounceConfirmationHandler implements ICommandHandler<AnnounceConfirmationCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: AnnounceConfirmationCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'announce-confirmation', (c, tx) => {
      c.previousPhase = c.phase;
      c.phase = 'announced';
      c.confirmationAnnouncedAt = new Date();
      record(c, officer, `agreement announced in ${request.channel} (edc.confirmation-announcement, at least 30 days)`);
      publishAs(tx, officer, CourtConfirmationAnnounced, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        edcCaseId: c.sourceId,
        channel: request.channel,
      });
    });
  }
}
