import { Command } from '@nestjs/cqrs';

import type { OfficerClaims } from '@casebridge/auth';
import { MaterialsRequest } from '../materials.dto';

export class SupplementMaterialsCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: MaterialsRequest,
  ) {
    super();
  }
}
