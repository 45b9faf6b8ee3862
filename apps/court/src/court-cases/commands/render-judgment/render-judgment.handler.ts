import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtJudgmentRendered, DomainError } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertHearingHeld, CourtErrorCodes } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { chinaToday } from '../../china-day';
import { assertAnnouncementRun } from '../../court-clock';
import { RenderJudgmentCommand, type RenderJudgmentRequest } from './render-judgment.command';

/**
 * How far ahead a restoration order may run: **policy** default (the judgment sets the period, EnvPIL art 20; no
 * article caps it): 30 years — longer than restorations are ordered for, so a typo such as 9999-12-31 is refused
 * instead of becoming a period no calendar can count (court.restoration-order).
 */
export const RESTORATION_MAX_YEARS = 30;

/**
 * A restoration order comes with a due date after today and at most RESTORATION_MAX_YEARS ahead, and a due date only
 * with an order (400 COURT_CASE.RESTORATION_INVALID). `due` is a calendar day already (`IsCalendarDay` on the request:
 * 400 REQUEST.VALIDATION_FAILED otherwise), so it compares with `today` (YYYY-MM-DD, China time) as text.
 */
export function assertRestorationTerms(request: RenderJudgmentRequest, today: string): void {
  const { restorationOrder: order, restorationDueDate: due } = request;
  if (!order && !due) return;
  const latest = `${String(Number(today.slice(0, 4)) + RESTORATION_MAX_YEARS).padStart(4, '0')}${today.slice(4)}`;
  const why = !order
    ? 'a restoration due date needs a restoration order'
    : !due
      ? 'a restoration order needs its due date (restorationDueDate)'
      : due <= today
        ? `the restoration due date ${due} must be after today (${today})`
        : due > latest
          ? `the restoration due date ${due} is more than ${RESTORATION_MAX_YEARS} years ahead: choose a day on or before ${latest}`
          : null;
  if (why)
    throw new DomainError(CourtErrorCodes.restorationInvalid, 'invalid', `${why[0]!.toUpperCase()}${why.slice(1)}.`);
}

/**
 * Judgment (ends court.trial-*); an ecological restoration order is then tracked to completion by its due date.
 * Refused (409 COURT_CASE.NO_HEARING_HELD) before a hearing took place, (409 COURT_CASE.ANNOUNCEMENT_RUNNING) while a
 * settlement is announced.
 */
@CommandHandler(RenderJudgmentCommand)
export class RenderJudgmentHandler implements ICommandHandler<RenderJudgmentCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: RenderJudgmentCommand): Promise<void> {
    assertRestorationTerms(request, chinaToday(new Date()));
    const now = new Date();
    return this.uow.act(officer, courtCaseId, 'render-judgment', (c, tx) => {
      // not while a settlement is being announced (attack round 4: the settlement was left dangling)
      if (c.settlementAnnouncedAt) assertAnnouncementRun('court.settlement-announcement', c.settlementAnnouncedAt, now);
      assertHearingHeld(c.hearingAt, now);
      c.previousPhase = c.phase;
      c.phase = 'judged';
      c.judgmentSummary = request.summary;
      c.restorationOrder = request.restorationOrder ?? null;
      c.restorationDueDate = request.restorationDueDate ?? null;
      c.restorationStatus = request.restorationOrder ? 'ordered' : 'none';
      const order = request.restorationOrder ? `; restoration ordered by ${request.restorationDueDate}` : '';
      record(c, officer, `judgment rendered${order}`, request.summary);
      publishAs(tx, officer, CourtJudgmentRendered, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        summary: request.summary,
        ...(request.restorationOrder
          ? { restorationOrder: request.restorationOrder, restorationDueDate: request.restorationDueDate }
          : {}),
      });
    });
  }
}
