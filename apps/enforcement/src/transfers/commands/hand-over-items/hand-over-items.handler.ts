import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TransferItemsHandedOver } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../../transfer-unit-of-work';
import { toItems } from '../materials.dto';
import { HandOverItemsCommand } from './hand-over-items.command';

/** Hands the seized items to the police after filing (transfer.items-handover, 3 days). */
@CommandHandler(HandOverItemsCommand)
export class HandOverItemsHandler implements ICommandHandler<HandOverItemsCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}
  execute({ officer, transferId, request }: HandOverItemsCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'hand-over-items', (t, tx) => {
      const items = toItems(request.items);
      t.phase = 'items-handed-over';
      t.timeline = withEntry(t.timeline, entry(`seized items handed over (${items.length})`, officer.sub));
      publishAs(tx, officer, TransferItemsHandedOver, t.linkedCaseId, { transferId: t.id, items });
    });
  }
}
