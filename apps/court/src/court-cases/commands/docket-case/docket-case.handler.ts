import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtCaseDocketed, DomainError } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { CourtCase } from '../../court-case.entity';
import { CourtErrorCodes, TRIAL_RULES } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { DocketCaseCommand } from './docket-case.command';

/** 立案 (court.docket met, CivPL art 126; ALL art 51): starts court.trial-* and, for a PIL, the notices it owes. */
@CommandHandler(DocketCaseCommand)
export class DocketCaseHandler implements ICommandHandler<DocketCaseCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: DocketCaseCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'docket', async (c, tx) => {
      const taken = await tx.manager.findOne(CourtCase, {
        where: { courtAgencyId: c.courtAgencyId, docketNumber: request.docketNumber },
      });
      if (taken)
        throw new DomainError(
          CourtErrorCodes.docketNumberTaken,
          'conflict',
          `Docket number ${request.docketNumber} is already case ${taken.courtCaseId} of your court: give this case its own number.`,
          { courtCaseId: taken.courtCaseId },
        );
      const simplified = request.procedure === 'simplified' && c.track !== 'criminal';
      c.previousPhase = c.phase;
      c.phase = 'docketed';
      c.docketNumber = request.docketNumber;
      c.procedure = request.procedure;
      c.docketedAt = new Date();
      c.trialVariant = simplified ? 'simplified' : 'standard';
      record(c, officer, `docketed ${request.docketNumber} (${request.procedure}); ${TRIAL_RULES[c.track]} running`);
      publishAs(tx, officer, CourtCaseDocketed, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        docketNumber: request.docketNumber,
        track: c.track,
        procedure: request.procedure,
        sourceId: c.sourceId,
      });
    });
  }
}
