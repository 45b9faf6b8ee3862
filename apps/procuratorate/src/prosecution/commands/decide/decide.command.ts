import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { DecideProsecutionRequest } from './decide.request';

export class DecideProsecutionCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly prosecutionId: string,
    readonly request: DecideProsecutionRequest,
  ) {
    super();
  }
}
