import { Command } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class NotifyAgencyRequest {
  @ApiPropertyOptional({
    example: 'enforcement:210100',
    description:
      'the competent administrative agency (an enforcement office of the plaintiff’s region, or one the jurisdiction map gives the court); default: the enforcement office of the plaintiff’s region',
  })
  @IsOptional()
  @Matches(/^enforcement:\d{6}$/, { message: 'agencyId must be an enforcement office such as enforcement:210100' })
  agencyId?: string;
  @ApiProperty({ example: '(2026)辽01告字3号', description: 'number of the written notice' })
  @IsText(64)
  noticeNumber!: string;
  @ApiProperty({
    example: '本院已受理人民检察院提起的环境民事公益诉讼，依法告知',
    description: 'what the agency is told',
  })
  @IsText(4000)
  summary!: string;
}

export class NotifyAgencyCommand extends Command<{ agencyId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: NotifyAgencyRequest,
  ) {
    super();
  }
}
