import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import { TeamReportRequest } from './team-report.request.dto';

export class TeamReportCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: TeamReportRequest,
  ) {
    super();
  }
}
