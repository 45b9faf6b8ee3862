import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtSettlementApproved, DomainError } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { CourtErrorCodes } from '../../court-case.machine';
import { assertAnnouncementRun } from '../../court-clock';
import { record } from '../../court-case.timeline';
import { ApproveSettlementCommand } from './approve-settlement.command';

/** Approves an announced settlement once court.settlement-announcement (≥ 30 days) has run; the case ends settled. */
@CommandHandler(ApproveSettlementCommand)
export class ApproveSettlementHandler implements ICommandHandler<ApproveSettlementCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: ApproveSettlementCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'approve-settlement', (c, tx) => {
      if (!c.settlementAnnouncedAt) {
        throw new DomainError(
          CourtErrorCodes.outOfOrder,
          'conflict',
          'No settlement was announced: announce it first (court.settlement-announcement, at least 30 days).',
        );
      }
      assertAnnouncementRun('court.settlement-announcement', c.settlementAnnouncedAt, new Date());
      c.previousPhase = c.phase;
      c.phase = 'settled';
      record(c, officer, 'settlement approved after its announcement', request.note);
      publishAs(tx, officer, CourtSettlementApproved, c.linkedCaseId, { courtCaseId: c.courtCaseId });
    });
  }
}
