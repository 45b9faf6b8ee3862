import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { SupervisionMatterResponse } from '../get-supervision-matter/get-supervision-matter.response.dto';

export class ListSupervisionMattersQuery extends Query<SupervisionMatterResponse[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}
