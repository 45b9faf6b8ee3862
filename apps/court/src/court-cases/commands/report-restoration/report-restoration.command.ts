import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class RestorationReportRequest {
  @ApiProperty({ example: '已完成 1.2 公顷补植，成活率 85%', description: 'what was done, as reported to the court' })
  @IsText(4000)
  progress!: string;
  @ApiProperty({ example: 60, minimum: 0, maximum: 100, description: 'share of the order carried out, in percent' })
  @IsInt({ message: 'percentDone must be a whole number' })
  @Min(0)
  @Max(100)
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
