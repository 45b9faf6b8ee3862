import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { PilClosingDecided, PilClosingDecisionServed } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { AdminPilUnitOfWork, record } from '../../pil-case.record';

export class ClosingDecisionRequest {
  @ApiProperty({ example: '区生态环境局已责令清运全部危险废物并作出行政处罚，公益受损状态已消除' })
  @IsText(4000)
  reasons!: string;
}

export class DecideClosingCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: ClosingDecisionRequest,
  ) {
    super();
  }
}

/**
 * The head decides not to sue (终结审查, pil.admin-suit-decision): the closing decision is owed to the agency
 * within 7 days (pil.admin-suit-decision, closing-notice).
 */
@CommandHandler(DecideClosingCommand)
export class DecideClosingHandler implements ICommandHandler<DecideClosingCommand> {
  constructor(private readonly uow: AdminPilUnitOfWork) {}

  execute({ officer, pilCaseId, request }: DecideClosingCommand): Promise<void> {
    return this.uow.act(officer, pilCaseId, 'decide-closing', (c, tx) => {
      record(
        tx,
        officer,
        c,
        PilClosingDecided,
        { pilCaseId, reasons: request.reasons },
        'decided not to sue: closing decision owed to the agency within 7 days (pil.admin-suit-decision)',
        request.reasons,
      );
    });
  }
}

export class ClosingServiceRequest {
  @ApiProperty({ example: '沈检行公终〔2026〕1号', description: 'number of the 终结审查决定书' })
  @IsText(64)
  documentNumber!: string;
}

export class ServeClosingDecisionCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: ClosingServiceRequest,
  ) {
    super();
  }
}

/** Serves the closing decision on the respondent agency: the case is closed on both sides. */
@CommandHandler(ServeClosingDecisionCommand)
export class ServeClosingDecisionHandler implements ICommandHandler<ServeClosingDecisionCommand> {
  constructor(private readonly uow: AdminPilUnitOfWork) {}

  execute({ officer, pilCaseId, request }: ServeClosingDecisionCommand): Promise<void> {
    return this.uow.act(officer, pilCaseId, 'serve-closing-decision', (c, tx) => {
      record(
        tx,
        officer,
        c,
        PilClosingDecisionServed,
        { pilCaseId, agencyId: c.respondentAgencyId!, documentNumber: request.documentNumber },
        `closing decision ${request.documentNumber} served on ${c.respondentAgencyId}; case closed`,
      );
    });
  }
}
