import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TransferHeadDecided } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { entry, IsText, RequiredWhen, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../transfer-unit-of-work';

export class HeadDecisionRequest {
  @ApiProperty({ enum: ['approved', 'refused'], example: 'approved' })
  @IsIn(['approved', 'refused'], { message: 'decision must be approved or refused' })
  decision!: 'approved' | 'refused';
  @ApiPropertyOptional({ example: '证据不足以认定达到追诉标准', description: 'required when refusing; goes on file' })
  @RequiredWhen((o: HeadDecisionRequest) => o.decision === 'refused', 'reasons are required when refusing a transfer')
  @IsText(4000)
  reasons?: string;
}

export class HeadDecideCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: HeadDecisionRequest,
  ) {
    super();
  }
}

/** The head approves or refuses (transfer.head-decision); approval starts transfer.handover (24 h). */
@CommandHandler(HeadDecideCommand)
export class HeadDecideHandler implements ICommandHandler<HeadDecideCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}

  execute({ officer, transferId, request }: HeadDecideCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'head-decision', (t, tx) => {
      t.phase = request.decision === 'approved' ? 'approved' : 'refused';
      t.refusalReasons = request.decision === 'refused' ? request.reasons! : null;
      t.timeline = withEntry(
        t.timeline,
        entry(
          `head ${request.decision} the transfer`,
          officer.sub,
          new Date(),
          request.reasons ? { note: request.reasons } : {},
        ),
      );
      publishAs(tx, officer, TransferHeadDecided, t.linkedCaseId, {
        transferId: t.id,
        decision: request.decision,
        ...(request.decision === 'refused' ? { reasons: request.reasons } : {}),
      });
    });
  }
}
