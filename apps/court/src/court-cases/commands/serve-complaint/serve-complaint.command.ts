import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class ServeComplaintRequest {
  @ApiProperty({ example: '沈阳某化工有限公司', description: 'the defendant the complaint was served on' })
  @IsText(500)
  servedOn!: string;
}

export class ServeComplaintCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: ServeComplaintRequest,
  ) {
    super();
  }
}
