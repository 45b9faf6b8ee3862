import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { TransferResponse } from './get-transfer.response.dto';

export class GetTransferQuery extends Query<TransferResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
  ) {
    super();
  }
}
