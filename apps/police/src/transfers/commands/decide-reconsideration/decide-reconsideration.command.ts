import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import { DecideReconsiderationRequest } from './decide-reconsideration.request.dto';

export class DecideReconsiderationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: DecideReconsiderationRequest,
  ) {
    super();
  }
}
