import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtCaseNotAccepted } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { record } from '../../court-case.timeline';
import { RuleNotToAcceptCommand } from './rule-not-to-accept.command';

/** Ruling not to accept (court.docket met; the plaintiff may appeal to the court above). Closes the case. */
@CommandHandler(RuleNotToAcceptCommand)
export class RuleNotToAcceptHandler implements ICommandHandler<RuleNotToAcceptCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: RuleNotToAcceptCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'not-accept', (c, tx) => {
      c.previousPhase = c.phase;
      c.phase = 'not-accepted';
      c.notAcceptedReasons = request.reasons;
      record(c, officer, 'ruled not to accept (court.docket)', request.reasons);
      publishAs(tx, officer, CourtCaseNotAccepted, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        sourceId: c.sourceId,
        reasons: request.reasons,
      });
    });
  }
}
