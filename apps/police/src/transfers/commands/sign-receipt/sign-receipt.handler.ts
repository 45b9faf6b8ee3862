import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TransferReceiptSigned } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { PoliceUnitOfWork } from '../../police-unit-of-work';
import { SignReceiptCommand } from './sign-receipt.command';

/** Signs the receipt at once (transfer.receipt); starts transfer.filing-review (3 days). */
@CommandHandler(SignReceiptCommand)
export class SignReceiptHandler implements ICommandHandler<SignReceiptCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: SignReceiptCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'sign-receipt', (t, tx) => {
      t.phase = 'received';
      t.receiptNumber = request.receiptNumber;
      t.receiptSignedAt = new Date();
      t.timeline = withEntry(t.timeline, entry(`receipt ${request.receiptNumber} signed`, officer.sub));
      publishAs(tx, officer, TransferReceiptSigned, t.linkedCaseId, {
        transferId: t.id,
        receiptNumber: request.receiptNumber,
      });
    });
  }
}
