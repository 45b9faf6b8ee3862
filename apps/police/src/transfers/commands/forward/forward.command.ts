import { Command } from '@nestjs/cqrs';

import type { OfficerClaims } from '@casebridge/auth';
import { ForwardRequest } from './forward.request.dto';

export class ForwardCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: ForwardRequest,
  ) {
    super();
  }
}
