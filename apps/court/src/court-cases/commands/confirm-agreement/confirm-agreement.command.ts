import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CourtNoteRequest } from '../approve-settlement/approve-settlement.command';

export class ConfirmAgreementCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: CourtNoteRequest,
  ) {
    super();
  }
}
