import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class AnnouncementRequest {
  @ApiProperty({ example: '人民法院公告网', description: 'where the announcement is published' })
  @IsText(500)
  channel!: string;
}

export class AnnounceCoPlaintiffsCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: AnnouncementRequest,
  ) {
    super();
  }
}
