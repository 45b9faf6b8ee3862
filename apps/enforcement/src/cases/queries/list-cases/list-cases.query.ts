import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseResponse } from '../get-case/get-case.response.dto';

export class ListCasesQuery extends Query<CaseResponse[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}
