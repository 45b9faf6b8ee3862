import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCodes, TransferFilingDecided } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { SupervisionMatter } from '../../../supervision/supervision-matter.entity';
import { entry, withEntry } from '@casebridge/platform';
import { PoliceUnitOfWork } from '../../police-unit-of-work';
import { DecideFilingCommand } from './decide-filing.command';

/**
 * Decision on filing (transfer.filing-review), notified to enforcement with a copy to the procuratorate
 * (transfer.decision-notice). After a notice to file (supervision.police-file) pass its supervisionId.
 */
@CommandHandler(DecideFilingCommand)
export class DecideFilingHandler implements ICommandHandler<DecideFilingCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: DecideFilingCommand): Promise<void> {
    const afterNotice = request.supervisionId !== undefined;
    if (afterNotice && request.outcome !== 'filed') {
      throw new DomainError(
        'SUPERVISION.MUST_FILE',
        'invalid',
        'After a notice to file the only answer here is outcome "filed" (JR art 563).',
      );
    }
    return this.uow.act(officer, transferId, afterNotice ? 'file-after-notice' : 'decide-filing', async (t, tx) => {
      if (afterNotice) {
        const matter = await tx.manager.findOne(SupervisionMatter, {
          where: { id: request.supervisionId, agencyId: officer.agencyId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!matter || matter.transferId !== t.id)
          throw new DomainError(
            ErrorCodes.supervisionNotFound,
            'not-found',
            'No filing supervision of this transfer with that id for your office.',
          );
        if (matter.phase !== 'notice-to-file')
          throw new DomainError(
            ErrorCodes.supervisionOutOfOrder,
            'conflict',
            `The procuratorate has not issued a notice to file (supervision is "${matter.phase}").`,
          );
        matter.phase = 'filed';
        matter.timeline = withEntry(matter.timeline, entry('filed after the notice to file', officer.sub));
        await tx.manager.save(matter);
      }
      t.phase = request.outcome;
      t.policeCaseNumber = request.policeCaseNumber ?? null;
      t.decisionReasons = request.reasons ?? null;
      t.timeline = withEntry(
        t.timeline,
        entry(
          `decision: ${request.outcome}`,
          officer.sub,
          new Date(),
          request.reasons ? { note: request.reasons } : {},
        ),
      );
      publishAs(tx, officer, TransferFilingDecided, t.linkedCaseId, {
        transferId: t.id,
        outcome: request.outcome,
        ...(request.policeCaseNumber ? { policeCaseNumber: request.policeCaseNumber } : {}),
        ...(request.reasons ? { reasons: request.reasons } : {}),
        ...(request.supervisionId ? { supervisionId: request.supervisionId } : {}),
      });
    });
  }
}
