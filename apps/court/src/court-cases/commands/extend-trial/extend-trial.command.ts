import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class ExtendTrialRequest {
  @ApiProperty({
    example: 'extended',
    description:
      'the approved variant of the track’s trial period: court.trial-civil extended (12 months) or simplified-extended (4 months); court.trial-criminal extended (6 months)',
  })
  @IsText(32)
  variant!: string;
  @ApiProperty({
    example: '本院院长 王某',
    description: 'who approved (the president; for a criminal case the court one level up)',
  })
  @IsText(200)
  approvedBy!: string;
}

export class ExtendTrialCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: ExtendTrialRequest,
  ) {
    super();
  }
}
