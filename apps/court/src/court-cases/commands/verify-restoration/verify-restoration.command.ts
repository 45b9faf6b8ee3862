import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class VerifyRestorationRequest {
  @ApiProperty({
    enum: ['completed', 'not-completed'],
    example: 'completed',
    description: 'result of the on-site verification',
  })
  @IsIn(['completed', 'not-completed'], { message: 'outcome must be completed or not-completed' })
  outcome!: 'completed' | 'not-completed';
  @ApiProperty({ example: '经现场验收，补植面积及成活率符合判决要求', description: 'the verification record' })
  @IsText(4000)
  note!: string;
}

export class VerifyRestorationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: VerifyRestorationRequest,
  ) {
    super();
  }
}
