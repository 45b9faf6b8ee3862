import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtComplaintServed } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertOnce } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { ServeComplaintCommand } from './serve-complaint.command';

/** Serves the complaint of a procuratorate civil PIL (court.serve-complaint, 5 days from docketing; PILJI art 17). */
@CommandHandler(ServeComplaintCommand)
export class ServeComplaintHandler implements ICommandHandler<ServeComplaintCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: ServeComplaintCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'serve-complaint', (c, tx) => {
      assertOnce(c.complaintServedAt, 'serve-complaint');
      c.complaintServedAt = new Date();
      record(c, officer, `complaint served on ${request.servedOn} (court.serve-complaint)`);
      publishAs(tx, officer, CourtComplaintServed, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        servedOn: request.servedOn,
      });
    });
  }
}
