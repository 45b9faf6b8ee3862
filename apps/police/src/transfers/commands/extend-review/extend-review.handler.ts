import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCodes, TransferReviewExtended, type FilingReviewVariant } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { PoliceUnitOfWork } from '../../police-unit-of-work';
import { ExtendReviewCommand } from './extend-review.command';

/** transfer.filing-review: 3 → 7 days (verification) or → 30 days (major-complex, approved) — E17 art 9; R310 art 8. */
@CommandHandler(ExtendReviewCommand)
export class ExtendReviewHandler implements ICommandHandler<ExtendReviewCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: ExtendReviewCommand): Promise<void> {
    if (request.variant === 'major-complex' && !officer.roles.includes('head')) {
      throw new DomainError(
        ErrorCodes.approvalRequired,
        'forbidden',
        'A 30-day review needs the approval of a county-level police head: a head must record it.',
      );
    }
    // the approval is the caller's own act: the approver is the head whose token this is, never a name typed in
    if (
      request.approvedBy !== undefined &&
      (request.variant !== 'major-complex' || request.approvedBy !== officer.sub)
    ) {
      throw new DomainError(
        ErrorCodes.approverNotCaller,
        'invalid',
        request.variant !== 'major-complex'
          ? 'approvedBy goes only with a 30-day (major-complex) review.'
          : `approvedBy must be you, the head recording the approval (${officer.sub}), not ${request.approvedBy}; you may leave it out.`,
      );
    }
    return this.uow.act(officer, transferId, 'extend-review', (t, tx) => {
      const order: FilingReviewVariant[] = ['standard', 'verification', 'major-complex'];
      if (order.indexOf(request.variant) <= order.indexOf(t.reviewVariant as FilingReviewVariant)) {
        throw new DomainError(
          'TRANSFER.EXTENSION_NOT_LONGER',
          'conflict',
          `The review is already "${t.reviewVariant}"; an extension must be longer.`,
        );
      }
      t.reviewVariant = request.variant;
      t.timeline = withEntry(
        t.timeline,
        entry(`filing review extended (${request.variant})`, officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, TransferReviewExtended, t.linkedCaseId, {
        transferId: t.id,
        variant: request.variant,
        reasons: request.reasons,
        ...(request.variant === 'major-complex' ? { approvedBy: officer.sub } : {}),
      });
    });
  }
}
