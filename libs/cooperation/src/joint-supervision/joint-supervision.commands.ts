/**
 * A participating agency's acts in a joint supervision (联合督办, flows.md §5): report its progress for the current
 * review round, and report a joint-meeting decision it owns done. Lock, check, fold, save, outbox — one transaction.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { DomainError, JointDecisionDone, JointProgressReported } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { JointSupervisionErrors } from '@casebridge/flows';
import { IsBoundedInt, IsText } from '@casebridge/platform';
import { fold, partyRecord, saveRecord } from '../cooperation.records';

export class ReportProgressRequest {
  @ApiProperty({ example: 1, minimum: 1, maximum: 1000, description: 'the review round reported (the current one)' })
  @IsBoundedInt(1, 1000)
  round!: number;
  @ApiProperty({ example: '已完成涉案企业负责人询问，鉴定意见待出具。', maxLength: 8000 })
  @IsText(8000)
  progress!: string;
}

export class ReportProgressCommand extends Command<{ round: number }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly linkedCaseId: string,
    readonly request: ReportProgressRequest,
  ) {
    super();
  }
}

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  execute({ officer, linkedCaseId, request }: ReportProgressCommand): Promise<{ round: number }> {
    return this.outbox.run(async (tx) => {
      const { view } = await partyRecord(tx.manager, 'joint-supervision', linkedCaseId, officer.agencyId, true);
      const current = view.rounds.find((r) => r.round === view.round);
      if (
        !view.participants.includes(officer.agencyId) ||
        request.round !== view.round ||
        current?.reports[officer.agencyId]
      )
        throw new DomainError(
          JointSupervisionErrors.roundNotOpen,
          'conflict',
          `Round ${request.round} is not open for your report: the current round is ${view.round}` +
            `${current?.reports[officer.agencyId] ? ' and you already reported in it' : ''}.`,
          { round: view.round },
        );
      const e = publishAs(tx, officer, JointProgressReported, linkedCaseId, {
        round: request.round,
        progress: request.progress,
      });
      await saveRecord(
        tx.manager,
        'joint-supervision',
        linkedCaseId,
        linkedCaseId,
        fold('joint-supervision', view, e)!,
      );
      return { round: request.round };
    });
  }
}

export class DecisionDoneRequest {
  @ApiProperty({ example: '补充鉴定已完成，鉴定意见已移送。', maxLength: 8000 }) @IsText(8000) note!: string;
}

export class DecisionDoneCommand extends Command<{ decisionId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly linkedCaseId: string,
    readonly decisionId: string,
    readonly request: DecisionDoneRequest,
  ) {
    super();
  }
}

@CommandHandler(DecisionDoneCommand)
export class DecisionDoneHandler implements ICommandHandler<DecisionDoneCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  execute({ officer, linkedCaseId, decisionId, request }: DecisionDoneCommand): Promise<{ decisionId: string }> {
    return this.outbox.run(async (tx) => {
      const { view } = await partyRecord(tx.manager, 'joint-supervision', linkedCaseId, officer.agencyId, true);
      const d = view.decisions.find((x) => x.decisionId === decisionId && x.ownerAgencyId === officer.agencyId);
      if (!d)
        throw new DomainError(
          JointSupervisionErrors.decisionNotFound,
          'not-found',
          `No decision ${decisionId} of this joint supervision is yours.`,
        );
      if (d.doneAt)
        throw new DomainError(
          JointSupervisionErrors.alreadyDone,
          'conflict',
          `Decision ${decisionId} is already done.`,
        );
      const e = publishAs(tx, officer, JointDecisionDone, linkedCaseId, { decisionId, note: request.note });
      await saveRecord(
        tx.manager,
        'joint-supervision',
        linkedCaseId,
        linkedCaseId,
        fold('joint-supervision', view, e)!,
      );
      return { decisionId };
    });
  }
}
