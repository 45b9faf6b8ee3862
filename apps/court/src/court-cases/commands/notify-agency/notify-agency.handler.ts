import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtAgencyNotified, DomainError, withinJurisdiction } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertOnce, CourtErrorCodes } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { NotifyAgencyCommand } from './notify-agency.command';

/**
 * Written notice of a PIL to the competent administrative agency (court.notify-agency, 10 days from docketing;
 * CivJI art 284, EnvPIL art 12). The agency must be of the plaintiff's region (the region of the conduct) or the
 * court's own; anything else is refused (400 COURT_CASE.AGENCY_NOT_COMPETENT).
 */
@CommandHandler(NotifyAgencyCommand)
export class NotifyAgencyHandler implements ICommandHandler<NotifyAgencyCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: NotifyAgencyCommand): Promise<{ agencyId: string }> {
    return this.uow.act(officer, courtCaseId, 'notify-agency', (c, tx) => {
      assertOnce(c.agencyNotifiedAt, 'notify-agency');
      const agencyId = request.agencyId ?? `enforcement:${c.plaintiffAgencyId.split(':')[1]}`;
      if (!withinJurisdiction(c.plaintiffAgencyId, agencyId) && !withinJurisdiction(c.courtAgencyId, agencyId)) {
        throw new DomainError(
          CourtErrorCodes.agencyNotCompetent,
          'invalid',
          `${agencyId} is not an agency of the plaintiff’s region (${c.plaintiffAgencyId}) nor of your court’s.`,
        );
      }
      c.notifiedAgencyId = agencyId;
      c.agencyNotifiedAt = new Date();
      record(
        c,
        officer,
        `${agencyId} notified in writing, ${request.noticeNumber} (court.notify-agency)`,
        request.summary,
      );
      publishAs(tx, officer, CourtAgencyNotified, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        agencyId,
        noticeNumber: request.noticeNumber,
        summary: request.summary,
        docketNumber: c.docketNumber ?? c.courtCaseId,
      });
      return { agencyId };
    });
  }
}
