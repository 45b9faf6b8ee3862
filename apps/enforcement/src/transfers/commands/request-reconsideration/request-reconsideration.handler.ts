import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TransferReconsiderationRequested } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../../transfer-unit-of-work';
import { RequestReconsiderationCommand } from './request-reconsideration.command';

/** Asks the police to reconsider non-filing (transfer.reconsideration-request, 3 working days). */
@CommandHandler(RequestReconsiderationCommand)
export class RequestReconsiderationHandler implements ICommandHandler<RequestReconsiderationCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}
  execute({ officer, transferId, request }: RequestReconsiderationCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'request-reconsideration', (t, tx) => {
      t.phase = 'reconsideration-requested';
      t.timeline = withEntry(
        t.timeline,
        entry('reconsideration requested', officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, TransferReconsiderationRequested, t.linkedCaseId, {
        transferId: t.id,
        reasons: request.reasons,
      });
    });
  }
}
