import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import type { OfficerClaims } from '@casebridge/auth';

export class ScheduleHearingRequest {
  @ApiProperty({
    example: '2027-01-15T09:00:00+08:00',
    description:
      'when the hearing opens (ISO-8601 with offset); the notice is served now, which must be at least 3 days before (court.hearing-notice)',
  })
  @IsISO8601({ strict: true }, { message: 'hearingAt must be an ISO-8601 instant such as 2027-01-15T09:00:00+08:00' })
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
