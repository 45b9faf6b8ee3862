import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { TransferResponse } from '../get-transfer/get-transfer.response.dto';

export class ListTransfersQuery extends Query<TransferResponse[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly caseId?: string,
  ) {
    super();
  }
}
