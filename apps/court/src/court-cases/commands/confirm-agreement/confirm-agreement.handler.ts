import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtAgreementConfirmed } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertAnnouncementRun } from '../../court-clock';
import { record } from '../../court-case.timeline';
import { ConfirmAgreementCommand } from './confirm-agreement.command';

/** Confirms a compensation agreement (司法确认) once edc.confirmation-announcement (≥ 30 days) has run. */
@CommandHandler(ConfirmAgreementCommand)
export class ConfirmAgreementHandler implements ICommandHandler<ConfirmAgreementCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: ConfirmAgreementCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'confirm-agreement', (c, tx) => {
      assertAnnouncementRun('edc.confirmation-announcement', c.confirmationAnnouncedAt ?? new Date(), new Date());
      c.previousPhase = c.phase;
      c.phase = 'confirmed';
      record(c, officer, 'compensation agreement confirmed', request.note);
      publishAs(tx, officer, CourtAgreementConfirmed, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        edcCaseId: c.sourceId,
      });
    });
  }
}
