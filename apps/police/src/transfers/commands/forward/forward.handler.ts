import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { DomainError, TransferForwarded } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { IncomingTransfer } from '../../incoming-transfer.entity';
import { entry, withEntry } from '@casebridge/platform';
import { PoliceUnitOfWork } from '../../police-unit-of-work';
import { ForwardCommand } from './forward.command';

/** Outside our competence: forward or return with written notice, copy to the procuratorate (transfer.forward-or-return, 24 h). */
@CommandHandler(ForwardCommand)
export class ForwardHandler implements ICommandHandler<ForwardCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: ForwardCommand): Promise<void> {
    if (request.mode === 'forwarded' && request.toAgencyId === officer.agencyId) {
      throw new DomainError('TRANSFER.FORWARD_TO_SELF', 'invalid', 'You cannot forward a transfer to your own office.');
    }
    return this.uow.act(officer, transferId, 'forward', async (t, tx) => {
      t.phase = request.mode;
      t.timeline = withEntry(
        t.timeline,
        entry(
          request.mode === 'forwarded' ? `forwarded to ${request.toAgencyId}` : 'returned to the sender',
          officer.sub,
          new Date(),
          { note: request.reasons },
        ),
      );
      publishAs(tx, officer, TransferForwarded, t.linkedCaseId, {
        transferId: t.id,
        mode: request.mode,
        reasons: request.reasons,
        ...(request.mode === 'forwarded' ? { toAgencyId: request.toAgencyId } : {}),
      });
      if (request.mode === 'forwarded' && request.toAgencyId) {
        // The competent office receives the same transfer in its own list (one police service serves every office).
        if (await tx.manager.existsBy(IncomingTransfer, { id: t.id, agencyId: request.toAgencyId })) {
          throw new DomainError(
            'TRANSFER.ALREADY_THERE',
            'conflict',
            `${request.toAgencyId} already received this transfer.`,
          );
        }
        const { version: _v, updatedAt: _u, ...rest } = t;
        await tx.manager.insert(IncomingTransfer, {
          ...rest,
          agencyId: request.toAgencyId,
          phase: 'awaiting-receipt',
          phaseAt: new Date(),
          receivedAt: new Date(),
          receiptNumber: null,
          receiptSignedAt: null,
          reviewVariant: 'standard',
          timeline: [
            entry(`forwarded here by ${officer.agencyId}`, officer.sub, new Date(), { note: request.reasons }),
          ],
        });
      }
    });
  }
}
