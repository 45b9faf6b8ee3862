import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class DocketCaseRequest {
  @ApiProperty({ example: '(2026)辽01民初45号', description: 'the docket number (案号), at most 64 characters' })
  @IsText(64)
  docketNumber!: string;
  @ApiProperty({
    enum: ['ordinary', 'simplified'],
    example: 'ordinary',
    description:
      'the procedure: it chooses the trial period variant (court.trial-*; simplified: 3 months civil, 45 days administrative)',
  })
  @IsIn(['ordinary', 'simplified'], { message: 'procedure must be ordinary or simplified' })
  procedure!: 'ordinary' | 'simplified';
}

export class DocketCaseCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: DocketCaseRequest,
  ) {
    super();
  }
}
