import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtRestorationVerified } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertCompletionReported, restorationAfter } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { VerifyRestorationCommand } from './verify-restoration.command';

/**
 * Verifies the restoration on site: completed ends its tracking; not completed keeps it tracked (and overdue after its
 * due date). "completed" needs the last progress report at 100 % (409 COURT_CASE.RESTORATION_NOT_FULLY_REPORTED).
 */
@CommandHandler(VerifyRestorationCommand)
export class VerifyRestorationHandler implements ICommandHandler<VerifyRestorationCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: VerifyRestorationCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'verify-restoration', (c, tx) => {
      c.restorationStatus = restorationAfter(c.restorationStatus, { kind: 'verify', outcome: request.outcome });
      assertCompletionReported(c.restorationRecords, request.outcome);
      c.restorationRecords = [
        ...c.restorationRecords,
        {
          at: new Date().toISOString(),
          by: officer.sub,
          kind: 'verification',
          outcome: request.outcome,
          text: request.note,
        },
      ];
      record(c, officer, `restoration verified: ${request.outcome}`, request.note);
      publishAs(tx, officer, CourtRestorationVerified, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        outcome: request.outcome,
        note: request.note,
      });
    });
  }
}
