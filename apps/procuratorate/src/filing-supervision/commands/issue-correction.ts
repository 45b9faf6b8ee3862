import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { FilingSupervisionCorrectionIssued } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { entry, IsText, withEntry } from '@casebridge/platform';
import { FilingSupervisionUnitOfWork } from '../filing-supervision-unit-of-work';
import { assertOneLevelUp, correctionBasis } from '../filing-supervision.machine';

export class CorrectionRequest {
  @ApiProperty({ example: '公安机关收到通知立案书后超过十五日未立案，依法提出纠正意见' })
  @IsText(4000)
  note!: string;
  @ApiPropertyOptional({
    example: 'procuratorate:210000',
    description: 'report to the procuratorate one level up (JR art 564), e.g. 210100 → 210000',
  })
  @IsOptional()
  @Matches(/^procuratorate:\d{6}$/, { message: 'escalatedTo must be a procuratorate id such as procuratorate:210000' })
  escalatedTo?: string;
}

export class IssueCorrectionCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly request: CorrectionRequest,
  ) {
    super();
  }
}

const HEAD_NOTE = 'issued by the head before the workflow reported supervision.police-file missed';

/**
 * 纠正违法通知书 after supervision.police-file ran out (JR art 564), optionally escalated to the
 * procuratorate one level up. Before the workflow reported the miss only a head may issue it.
 */
@CommandHandler(IssueCorrectionCommand)
export class IssueCorrectionHandler implements ICommandHandler<IssueCorrectionCommand> {
  constructor(private readonly uow: FilingSupervisionUnitOfWork) {}

  execute({ officer, supervisionId, request }: IssueCorrectionCommand): Promise<void> {
    if (request.escalatedTo) assertOneLevelUp(officer.agencyId, request.escalatedTo);
    return this.uow.act(officer, supervisionId, 'issue-correction', (s, tx) => {
      const basis = correctionBasis(s.policeFileOverdue, officer.roles.includes('head'));
      const note = basis === 'head-before-expiry' ? `${request.note} (${HEAD_NOTE})` : request.note;
      s.phase = 'correction-issued';
      s.escalatedTo = request.escalatedTo ?? null;
      const escalation = request.escalatedTo ? `, escalated to ${request.escalatedTo}` : '';
      s.timeline = withEntry(
        s.timeline,
        entry(
          `correction notice issued (supervision.police-file ${basis === 'police-file-missed' ? 'ran out' : 'still running: head'}${escalation})`,
          officer.sub,
          new Date(),
          { note },
        ),
      );
      publishAs(tx, officer, FilingSupervisionCorrectionIssued, s.linkedCaseId, {
        supervisionId: s.supervisionId,
        transferId: s.transferId,
        note,
        ...(request.escalatedTo ? { escalatedTo: request.escalatedTo } : {}),
      });
    });
  }
}
