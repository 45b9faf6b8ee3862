import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { DomainError, TransferTeamReported } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { entry, IsText, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../transfer-unit-of-work';

export class TeamReportRequest {
  @ApiProperty({
    example: ['officer-zhang', 'officer-li'],
    description: 'the case team: at least two officers (R310 art 5(1))',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'the case team needs at least two officers (R310 art 5(1))' })
  @ArrayMaxSize(20)
  @IsText(128, { each: true })
  teamOfficerIds!: string[];
  @ApiProperty({ example: '经调查，涉嫌污染环境罪，建议移送公安机关' }) @IsText(4000) summary!: string;
}

export class TeamReportCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: TeamReportRequest,
  ) {
    super();
  }
}

/** The team's written report (transfer.team-report); starts transfer.head-decision (3 days). */
@CommandHandler(TeamReportCommand)
export class TeamReportHandler implements ICommandHandler<TeamReportCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}

  execute({ officer, transferId, request }: TeamReportCommand): Promise<void> {
    const team = [...new Set(request.teamOfficerIds)];
    if (team.length < 2)
      throw new DomainError(
        'TRANSFER.TEAM_TOO_SMALL',
        'invalid',
        'The case team needs at least two different officers (R310 art 5(1)).',
      );
    return this.uow.act(officer, transferId, 'team-report', (t, tx) => {
      t.phase = 'reported';
      t.teamOfficerIds = team;
      t.teamSummary = request.summary;
      t.timeline = withEntry(t.timeline, entry('case team reported in writing', officer.sub));
      publishAs(tx, officer, TransferTeamReported, t.linkedCaseId, {
        transferId: t.id,
        caseId: t.caseId,
        teamOfficerIds: team,
        thresholdFacts: t.thresholdFacts,
        summary: request.summary,
      });
    });
  }
}
