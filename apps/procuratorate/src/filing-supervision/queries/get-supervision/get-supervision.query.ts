import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext } from '@casebridge/sharing';
import type { SupervisionResponse } from './get-supervision.response.dto';

export class GetSupervisionQuery extends Query<SupervisionResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
