import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { TransferOpinionResponse } from './list-transfer-opinions.response.dto';

export class ListTransferOpinionsQuery extends Query<TransferOpinionResponse[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}
