import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DomainError,
  ErrorCodes,
  OUTSIDE_JURISDICTION,
  ProsecutionDecided,
  withinJurisdiction,
  type ProsecutionDecidedV1,
} from '@casebridge/contracts';
import { ProsecutionUnitOfWork, recordAct } from '../../prosecution-unit-of-work';
import { DecideProsecutionCommand } from './decide.command';

/**
 * Indict before the court (default: the court of the procuratorate's region) or decide not to prosecute
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
    const court = request.courtAgencyId ?? `court:${officer.agencyId.split(':')[1]}`;
    if (indicted && !withinJurisdiction(officer.agencyId, court)) {
      throw new DomainError(
        OUTSIDE_JURISDICTION,
        'not-found',
        `${court} is not within your procuratorate's jurisdiction: indict before the court of your region.`,
      );
    }
    return this.uow.act(officer, prosecutionId, 'decide', (p, tx) => {
      const payload: ProsecutionDecidedV1 = indicted
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
        indicted
          ? `indicted before ${court}`
          : 'decided not to prosecute: notify the enforcement agency within 3 days (prosecution.nonprosecution-notice)',
        request.reasons,
      );
    });
  }
}
