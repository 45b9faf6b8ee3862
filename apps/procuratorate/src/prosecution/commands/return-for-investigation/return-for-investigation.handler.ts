import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCodes, ProsecutionReturnedForInvestigation } from '@casebridge/contracts';
import { MAX_SUPPLEMENTARY_ROUNDS } from '@casebridge/flows';
import { ProsecutionUnitOfWork, recordAct } from '../../prosecution-unit-of-work';
import { ReturnForInvestigationCommand } from './return-for-investigation.command';

/**
 * Return for supplementary investigation (prosecution.supplementary-investigation: 1 month a round, at most
 * 2 rounds, CPL art 175). @throws 409 PROSECUTION.SUPPLEMENTARY_ROUNDS_EXHAUSTED on a third return;
 * 404 PROSECUTION.NOT_FOUND; 409 PROSECUTION.OUT_OF_ORDER / ALREADY_DONE / CASE.CLOSED
 */
@CommandHandler(ReturnForInvestigationCommand)
export class ReturnForInvestigationHandler implements ICommandHandler<ReturnForInvestigationCommand> {
  constructor(private readonly uow: ProsecutionUnitOfWork) {}

  execute({ officer, prosecutionId, request }: ReturnForInvestigationCommand): Promise<{ round: number }> {
    return this.uow.act(officer, prosecutionId, 'return', (p, tx) => {
      if (p.view.rounds >= MAX_SUPPLEMENTARY_ROUNDS) {
        throw new DomainError(
          ErrorCodes.prosecutionRoundsExhausted,
          'conflict',
          `A third return for supplementary investigation is refused: at most ${MAX_SUPPLEMENTARY_ROUNDS} rounds (CPL art 175), and this case had ${p.view.rounds}. Indict, or decide not to prosecute if the evidence is still insufficient.`,
          { rounds: p.view.rounds },
        );
      }
      const round = p.view.rounds + 1;
      recordAct(
        tx,
        officer,
        p,
        ProsecutionReturnedForInvestigation,
        { prosecutionId: p.id, round, reasons: request.reasons },
        `returned to ${p.view.policeAgencyId} for supplementary investigation, round ${round} of ${MAX_SUPPLEMENTARY_ROUNDS}`,
        request.reasons,
      );
      return { round };
    });
  }
}
