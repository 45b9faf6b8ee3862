import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtHearingScheduled } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertHearingNoticeInTime } from '../../court-clock';
import { record } from '../../court-case.timeline';
import { ScheduleHearingCommand } from './schedule-hearing.command';

/**
 * Schedules a hearing and serves its notice now (出庭通知书, court.hearing-notice; PILJI art 8): refused with 400
 * COURT_CASE.HEARING_NOTICE_TOO_LATE when the hearing is less than 3 days away. The procuratorate owes its answer
 * within 3 days (the workflow's step).
 */
@CommandHandler(ScheduleHearingCommand)
export class ScheduleHearingHandler implements ICommandHandler<ScheduleHearingCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({
    officer,
    courtCaseId,
    request,
  }: ScheduleHearingCommand): Promise<{ hearingAt: string; latestNoticeAt: string }> {
    const hearingAt = new Date(request.hearingAt);
    const latestNoticeAt = assertHearingNoticeInTime(hearingAt, new Date());
    return this.uow.act(officer, courtCaseId, 'schedule-hearing', (c, tx) => {
      c.hearingAt = hearingAt;
      record(c, officer, `hearing scheduled at ${hearingAt.toISOString()}; notice served (court.hearing-notice)`);
      publishAs(tx, officer, CourtHearingScheduled, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        hearingAt: hearingAt.toISOString(),
      });
      return { hearingAt: hearingAt.toISOString(), latestNoticeAt };
    });
  }
}
