import { Command } from '@nestjs/cqrs';

import type { OfficerClaims } from '@casebridge/auth';
import { RequestMaterialsRequest } from './request-materials.request.dto';

export class RequestMaterialsCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: RequestMaterialsRequest,
  ) {
    super();
  }
}
