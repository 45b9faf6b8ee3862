import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCodes, ProsecutionReviewExtended } from '@casebridge/contracts';
import { ProsecutionUnitOfWork, recordAct } from '../../prosecution-unit-of-work';
import { ExtendProsecutionReviewCommand } from './extend-review.command';

/**
 * prosecution.review extended by 15 days for a major or complex case, the head's approval and the reason
 * recorded (CPL art 172). @throws 404 PROSECUTION.NOT_FOUND; 409 PROSECUTION.OUT_OF_ORDER / ALREADY_DONE
 */
@CommandHandler(ExtendProsecutionReviewCommand)
export class ExtendProsecutionReviewHandler implements ICommandHandler<ExtendProsecutionReviewCommand> {
  constructor(private readonly uow: ProsecutionUnitOfWork) {}

  execute({ officer, prosecutionId, request }: ExtendProsecutionReviewCommand): Promise<void> {
    return this.uow.act(officer, prosecutionId, 'extend-review', (p, tx) => {
      if (p.view.reviewVariant === 'extended') {
        throw new DomainError(
          ErrorCodes.prosecutionAlreadyDone,
          'conflict',
          'This review is already extended to 1 month + 15 days.',
        );
      }
      recordAct(
        tx,
        officer,
        p,
        ProsecutionReviewExtended,
        { prosecutionId: p.id, variant: 'extended', reasons: request.reasons, approvedBy: officer.sub },
        'review extended by 15 days (major or complex case)',
        request.reasons,
      );
    });
  }
}
