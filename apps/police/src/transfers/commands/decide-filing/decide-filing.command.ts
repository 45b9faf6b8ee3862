import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import { DecideFilingRequest } from './decide-filing.request.dto';

export class DecideFilingCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: DecideFilingRequest,
  ) {
    super();
  }
}
