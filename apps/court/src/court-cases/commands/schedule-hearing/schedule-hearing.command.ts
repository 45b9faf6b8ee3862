import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsInstantWithOffset } from '@casebridge/platform';

export class ScheduleHearingRequest {
  @ApiProperty({
    example: '2027-01-15T09:00:00+08:00',
    description:
      'when the hearing opens (ISO-8601 with offset); the notice is served now, which must be at least 3 days before (court.hearing-notice)',
  })
  @IsInstantWithOffset()
  hearingAt!: string;
}

export class ScheduleHearingCommand extends Command<{ hearingAt: string; latestNoticeAt: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: ScheduleHearingRequest,
  ) {
    super();
  }
}
