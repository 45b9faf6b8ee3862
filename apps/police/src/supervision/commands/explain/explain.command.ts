import { Command } from '@nestjs/cqrs';

import { type OfficerClaims } from '@casebridge/auth';
import { ExplainRequest } from './explain.request.dto';

export class ExplainCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly request: ExplainRequest,
  ) {
    super();
  }
}
