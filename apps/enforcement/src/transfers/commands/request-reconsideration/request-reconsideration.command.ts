import { Command } from '@nestjs/cqrs';

import type { OfficerClaims } from '@casebridge/auth';
import { ReasonsRequest } from '../reasons.dto';

export class RequestReconsiderationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: ReasonsRequest,
  ) {
    super();
  }
}
