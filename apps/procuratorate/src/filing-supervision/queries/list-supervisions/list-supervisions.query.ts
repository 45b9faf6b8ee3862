import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { SupervisionResponse } from '../get-supervision/get-supervision.response.dto';
import type { ListSupervisionsRequest } from './list-supervisions.request.dto';

export class ListSupervisionsQuery extends Query<SupervisionResponse[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly filter: ListSupervisionsRequest = {},
  ) {
    super();
  }
}
