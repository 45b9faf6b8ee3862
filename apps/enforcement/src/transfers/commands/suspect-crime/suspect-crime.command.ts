import { Command } from '@nestjs/cqrs';
import { type OfficerClaims } from '@casebridge/auth';
import { SuspectCrimeRequest } from './suspect-crime.request.dto';

export class SuspectCrimeCommand extends Command<{ transferId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: SuspectCrimeRequest,
  ) {
    super();
  }
}
