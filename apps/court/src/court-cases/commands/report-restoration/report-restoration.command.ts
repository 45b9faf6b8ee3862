import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsBoundedInt, IsText } from '@casebridge/platform';

export class RestorationReportRequest {
  @ApiProperty({ example: '已完成 1.2 公顷补植，成活率 85%', description: 'what was done, as reported to the court' })
  @IsText(4000)
  progress!: string;
  @ApiProperty({
    example: 60,
    description: 'share of the order carried out, in whole percent (0–100, never below the last report)',
  })
  @IsBoundedInt(0, 100)
  percentDone!: number;
}

export class ReportRestorationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: RestorationReportRequest,
  ) {
    super();
  }
}
