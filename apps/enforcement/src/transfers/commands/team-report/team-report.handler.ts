import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransferTeamReported } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../../transfer-unit-of-work';
import { TeamReportCommand } from './team-report.command';

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
