import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext } from '@casebridge/sharing';
import type { SupervisionMatterResponse } from './get-supervision-matter.response.dto';

export class GetSupervisionMatterQuery extends Query<SupervisionMatterResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
