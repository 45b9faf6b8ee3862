import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtTrialExtended, DomainError } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { CourtErrorCodes, TRIAL_RULES } from '../../court-case.machine';
import { assertExtension } from '../../court-clock';
import { record } from '../../court-case.timeline';
import { ExtendTrialCommand } from './extend-trial.command';

/** Records an approved extension of the trial period (court.trial-civil / court.trial-criminal), counted from docketing. */
@CommandHandler(ExtendTrialCommand)
export class ExtendTrialHandler implements ICommandHandler<ExtendTrialCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: ExtendTrialCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'extend-trial', (c, tx) => {
      const ruleId = TRIAL_RULES[c.track];
      assertExtension(ruleId, request.variant, c.procedure);
      if (c.trialVariant?.endsWith('extended'))
        throw new DomainError(
          CourtErrorCodes.alreadyDone,
          'conflict',
          `The trial period was already extended (${c.trialVariant}).`,
        );
      c.trialVariant = request.variant;
      record(c, officer, `${ruleId} extended to ${request.variant}, approved by ${request.approvedBy}`);
      publishAs(tx, officer, CourtTrialExtended, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        ruleId,
        variant: request.variant,
        approvedBy: request.approvedBy,
      });
    });
  }
}
