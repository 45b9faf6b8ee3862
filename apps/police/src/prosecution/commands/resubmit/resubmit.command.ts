import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { ResubmitRequest } from './resubmit.request';

export class ResubmitCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly prosecutionId: string,
    readonly request: ResubmitRequest,
  ) {
    super();
  }
}
