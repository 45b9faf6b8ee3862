import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransferReconsiderationDecided } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { PoliceUnitOfWork } from '../../police-unit-of-work';
import { DecideReconsiderationCommand } from './decide-reconsideration.command';

/** Decision on reconsideration (transfer.reconsideration-decision, 3 working days). */
@CommandHandler(DecideReconsiderationCommand)
export class DecideReconsiderationHandler implements ICommandHandler<DecideReconsiderationCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: DecideReconsiderationCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'decide-reconsideration', (t, tx) => {
      t.phase = request.outcome === 'upheld' ? 'upheld' : 'filed';
      t.policeCaseNumber = request.policeCaseNumber ?? t.policeCaseNumber;
      t.timeline = withEntry(
        t.timeline,
        entry(`reconsideration: ${request.outcome}`, officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, TransferReconsiderationDecided, t.linkedCaseId, {
        transferId: t.id,
        outcome: request.outcome,
        reasons: request.reasons,
        ...(request.policeCaseNumber ? { policeCaseNumber: request.policeCaseNumber } : {}),
      });
    });
  }
}
