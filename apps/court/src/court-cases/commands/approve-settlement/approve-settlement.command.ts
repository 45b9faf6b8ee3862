import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class CourtNoteRequest {
  @ApiProperty({ example: '公告期满未收到异议', description: 'goes on the case’s timeline' })
  @IsText(4000)
  note!: string;
}

export class ApproveSettlementCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: CourtNoteRequest,
  ) {
    super();
  }
}
