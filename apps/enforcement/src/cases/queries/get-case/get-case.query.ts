import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseResponse } from './get-case.response.dto';

export class GetCaseQuery extends Query<CaseResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly caseId: string,
  ) {
    super();
  }
}
