import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class NotAcceptRequest {
  @ApiProperty({ example: '起诉不符合法定条件：被告不明确', description: 'the reasons of the ruling (裁定不予受理)' })
  @IsText(4000)
  reasons!: string;
}

export class RuleNotToAcceptCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: NotAcceptRequest,
  ) {
    super();
  }
}
