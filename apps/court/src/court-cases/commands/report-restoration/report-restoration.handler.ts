import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtRestorationReported } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertProgressNotBackwards, restorationAfter } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { ReportRestorationCommand } from './report-restoration.command';

/**
 * Records a progress report on the judgment's restoration order (409 COURT_CASE.NO_RESTORATION_ORDER / ALREADY_DONE when
 * none was ordered or it is completed; 409 COURT_CASE.RESTORATION_PROGRESS_BACKWARDS below the last reported percentage).
 */
@CommandHandler(ReportRestorationCommand)
export class ReportRestorationHandler implements ICommandHandler<ReportRestorationCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: ReportRestorationCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'report-restoration', (c, tx) => {
      c.restorationStatus = restorationAfter(c.restorationStatus, { kind: 'report' });
      assertProgressNotBackwards(c.restorationRecords, request.percentDone);
      const at = new Date().toISOString();
      c.restorationRecords = [
        ...c.restorationRecords,
        { at, by: officer.sub, kind: 'report', percentDone: request.percentDone, text: request.progress },
      ];
      record(c, officer, `restoration progress: ${request.percentDone}% done`, request.progress);
      publishAs(tx, officer, CourtRestorationReported, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        progress: request.progress,
        percentDone: request.percentDone,
      });
    });
  }
}
