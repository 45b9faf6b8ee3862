import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext } from '@casebridge/sharing';
import type { CaseResponse } from './get-case.response.dto';

export class GetCaseQuery extends Query<CaseResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly caseId: string,
    /** what the own-or-granted guard found (absent: the caller's own record only) */
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
