import { Command } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class RenderJudgmentRequest {
  @ApiProperty({
    example: '被告单位犯污染环境罪，判处罚金人民币五十万元',
    description: 'the operative part of the judgment',
  })
  @IsText(4000)
  summary!: string;
  @ApiPropertyOptional({
    example: '被告于判决生效后在受损地块补植复绿 2 公顷，并经验收合格',
    description: 'an ecological restoration order, tracked to completion (with restorationDueDate)',
  })
  @IsOptional()
  @IsText(4000)
  restorationOrder?: string;
  @ApiPropertyOptional({
    example: '2027-06-30',
    description: 'last day of the restoration order (YYYY-MM-DD, after today); required with restorationOrder',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'restorationDueDate must be a day such as 2027-06-30' })
  restorationDueDate?: string;
}

export class RenderJudgmentCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: RenderJudgmentRequest,
  ) {
    super();
  }
}
