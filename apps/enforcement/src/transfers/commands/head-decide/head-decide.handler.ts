import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransferHeadDecided } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../../transfer-unit-of-work';
import { HeadDecideCommand } from './head-decide.command';

/** The head approves or refuses (transfer.head-decision); approval starts transfer.handover (24 h). */
@CommandHandler(HeadDecideCommand)
export class HeadDecideHandler implements ICommandHandler<HeadDecideCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}

  execute({ officer, transferId, request }: HeadDecideCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'head-decision', (t, tx) => {
      t.phase = request.decision === 'approved' ? 'approved' : 'refused';
      t.refusalReasons = request.decision === 'refused' ? request.reasons! : null;
      t.timeline = withEntry(
        t.timeline,
        entry(
          `head ${request.decision} the transfer`,
          officer.sub,
          new Date(),
          request.reasons ? { note: request.reasons } : {},
        ),
      );
      publishAs(tx, officer, TransferHeadDecided, t.linkedCaseId, {
        transferId: t.id,
        decision: request.decision,
        ...(request.decision === 'refused' ? { reasons: request.reasons } : {}),
      });
    });
  }
}
