import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import { HeadDecisionRequest } from './head-decide.request.dto';

export class HeadDecideCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: HeadDecisionRequest,
  ) {
    super();
  }
}
