import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtHearingScheduled } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertHearingInWindow, assertHearingNoticeInTime, hearingNoticeDue } from '../../court-clock';
import { repeatsScheduledHearing } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { ScheduleHearingCommand } from './schedule-hearing.command';

/**
 * Schedules a hearing and serves its notice now (出庭通知书, court.hearing-notice; PILJI art 8). Refused with 409
 * COURT_CASE.HEARING_DATE_OUT_OF_RANGE outside the hearing window (court-clock HEARING_WINDOW: after docketing, within
 * the trial period's outer limit), 400 COURT_CASE.HEARING_NOTICE_TOO_LATE when the hearing is less than 3 days away.
 * The same hearing requested again (same instant, not yet held) is answered as the first time and changes nothing:
 * no second notice, no second step. A different instant reschedules (a new notice). The procuratorate owes its answer
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
    const now = new Date();
    return this.uow.act(officer, courtCaseId, 'schedule-hearing', (c, tx) => {
      if (repeatsScheduledHearing(c.hearingAt, hearingAt, now)) {
        return { hearingAt: hearingAt.toISOString(), latestNoticeAt: hearingNoticeDue(hearingAt) };
      }
      assertHearingInWindow(c.track, hearingAt, c.docketedAt ?? c.receivedAt, now);
      const latestNoticeAt = assertHearingNoticeInTime(hearingAt, now);
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
