import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCodes, ProsecutionDecided, type ProsecutionDecidedV1 } from '@casebridge/contracts';
import { courtOfSender } from '@casebridge/directory';
import { ProsecutionUnitOfWork, recordAct } from '../../prosecution-unit-of-work';
import { DecideProsecutionCommand } from './decide.command';

/**
 * Indict before the court (default: the court the jurisdiction map gives the procuratorate's region, else the same level) or decide not to prosecute
 * (prosecution.review; a non-prosecution starts prosecution.nonprosecution-notice, E17 art 18).
 * @throws 400 PROSECUTION.FIELD_NOT_FOR_OUTCOME; 404 AGENCY.OUTSIDE_JURISDICTION (the court), PROSECUTION.NOT_FOUND;
 *         409 PROSECUTION.OUT_OF_ORDER / ALREADY_DONE / CASE.CLOSED
 */
@CommandHandler(DecideProsecutionCommand)
export class DecideProsecutionHandler implements ICommandHandler<DecideProsecutionCommand> {
  constructor(private readonly uow: ProsecutionUnitOfWork) {}

  execute({ officer, prosecutionId, request }: DecideProsecutionCommand): Promise<void> {
    const indicted = request.outcome === 'indicted';
    if (indicted ? request.penaltyOpinion !== undefined : request.courtAgencyId !== undefined) {
      throw new DomainError(
        ErrorCodes.prosecutionFieldNotForOutcome,
        'invalid',
        indicted
          ? 'A penalty opinion goes with a decision not to prosecute, not with an indictment.'
          : 'A court is named only when indicting.',
      );
    }
    // the court the jurisdiction map allows (集中管辖; default: the court it gives the procuratorate's region)
    const court = indicted ? courtOfSender(officer.agencyId, request.courtAgencyId) : null;
    return this.uow.act(officer, prosecutionId, 'decide', (p, tx) => {
      const payload: ProsecutionDecidedV1 = court
        ? {
            prosecutionId: p.id,
            outcome: 'indicted',
            courtAgencyId: court,
            ...(request.reasons ? { reasons: request.reasons } : {}),
          }
        : {
            prosecutionId: p.id,
            outcome: 'not-prosecuted',
            reasons: request.reasons!,
            ...(request.penaltyOpinion ? { penaltyOpinion: request.penaltyOpinion } : {}),
          };
      recordAct(
        tx,
        officer,
        p,
        ProsecutionDecided,
        payload,
        court
          ? `indicted before ${court}`
          : 'decided not to prosecute: notify the enforcement agency within 3 days (prosecution.nonprosecution-notice)',
        request.reasons,
      );
    });
  }
}
