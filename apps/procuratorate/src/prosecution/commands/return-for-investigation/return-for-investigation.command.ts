import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { ReturnForInvestigationRequest } from './return-for-investigation.request';

/** → the round (1 or 2) */
export class ReturnForInvestigationCommand extends Command<{ round: number }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly prosecutionId: string,
    readonly request: ReturnForInvestigationRequest,
  ) {
    super();
  }
}
