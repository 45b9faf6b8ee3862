import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCodes, ProsecutionNonprosecutionNotified } from '@casebridge/contracts';
import { ProsecutionUnitOfWork, recordAct } from '../../prosecution-unit-of-work';
import { NotifyEnforcementCommand } from './notify-enforcement.command';

/**
 * Notify the enforcement agency that transferred the case of the non-prosecution, with any 检察意见
 * proposing a penalty (prosecution.nonprosecution-notice, 3 days, E17 art 18); its penalty clock resumes.
 * @throws 404 PROSECUTION.NOT_FOUND; 409 PROSECUTION.NO_ENFORCEMENT_AGENCY, PROSECUTION.OUT_OF_ORDER / ALREADY_DONE
 */
@CommandHandler(NotifyEnforcementCommand)
export class NotifyEnforcementHandler implements ICommandHandler<NotifyEnforcementCommand> {
  constructor(private readonly uow: ProsecutionUnitOfWork) {}

  execute({ officer, prosecutionId, request }: NotifyEnforcementCommand): Promise<void> {
    return this.uow.act(officer, prosecutionId, 'notify-enforcement', (p, tx) => {
      const enforcementAgencyId = p.view.enforcementAgencyId;
      if (!enforcementAgencyId) {
        throw new DomainError(
          ErrorCodes.prosecutionNoEnforcementAgency,
          'conflict',
          'This case did not come from an enforcement agency: there is no agency to notify.',
        );
      }
      const penaltyOpinion = request.penaltyOpinion ?? p.view.penaltyOpinion ?? undefined;
      recordAct(
        tx,
        officer,
        p,
        ProsecutionNonprosecutionNotified,
        {
          prosecutionId: p.id,
          transferId: p.view.transferId,
          enforcementAgencyId,
          reasons: p.view.decisionReasons ?? 'not prosecuted',
          ...(penaltyOpinion ? { penaltyOpinion } : {}),
        },
        `notified ${enforcementAgencyId} of the non-prosecution${penaltyOpinion ? ', with a 检察意见 proposing a penalty' : ''}`,
        penaltyOpinion,
      );
    });
  }
}
