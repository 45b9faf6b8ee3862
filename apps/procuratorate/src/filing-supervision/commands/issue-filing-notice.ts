import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DomainError, FilingSupervisionFilingNoticeIssued } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { entry, IsText, withEntry } from '@casebridge/platform';
import { FilingSupervision } from '../filing-supervision.entity';
import { FilingSupervisionUnitOfWork } from '../filing-supervision-unit-of-work';
import { assertFilingNoticeInOrder, SupervisionErrorCodes } from '../filing-supervision.machine';

export class FilingNoticeRequest {
  @ApiProperty({ example: '沈检立通〔2025〕3号', description: 'number of the 通知立案书, unique in your agency' })
  @IsText(64)
  noticeNumber!: string;
  @ApiPropertyOptional({ example: '不立案理由不能成立' }) @IsOptional() @IsText(4000) note?: string;
}

export class IssueFilingNoticeCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly request: FilingNoticeRequest,
  ) {
    super();
  }
}

/**
 * The non-filing is not justified: notice to file (通知立案书, JR art 563), after opening, after the
 * police explained, or after supervision.police-explain ran out without reasons; starts supervision.police-file (15 days).
 */
@CommandHandler(IssueFilingNoticeCommand)
export class IssueFilingNoticeHandler implements ICommandHandler<IssueFilingNoticeCommand> {
  constructor(private readonly uow: FilingSupervisionUnitOfWork) {}

  execute({ officer, supervisionId, request }: IssueFilingNoticeCommand): Promise<void> {
    return this.uow.act(officer, supervisionId, 'issue-filing-notice', async (s, tx) => {
      assertFilingNoticeInOrder(s.phase, s.policeExplainOverdue);
      if (
        await tx.manager.existsBy(FilingSupervision, {
          procuratorateAgencyId: s.procuratorateAgencyId,
          noticeNumber: request.noticeNumber,
        })
      ) {
        throw new DomainError(
          SupervisionErrorCodes.noticeNumberTaken,
          'conflict',
          `Your agency already issued a notice numbered ${request.noticeNumber}.`,
        );
      }
      s.phase = 'notice-to-file';
      s.noticeNumber = request.noticeNumber;
      s.policeFileOverdue = false;
      s.timeline = withEntry(
        s.timeline,
        entry(
          `notice to file ${request.noticeNumber} issued (supervision.police-file, 15 days)`,
          officer.sub,
          new Date(),
          request.note ? { note: request.note } : {},
        ),
      );
      publishAs(tx, officer, FilingSupervisionFilingNoticeIssued, s.linkedCaseId, {
        supervisionId: s.supervisionId,
        transferId: s.transferId,
        noticeNumber: request.noticeNumber,
      });
    });
  }
}
