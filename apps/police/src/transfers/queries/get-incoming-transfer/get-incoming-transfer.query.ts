import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { IncomingTransferResponse } from './get-incoming-transfer.response.dto';

export class GetIncomingTransferQuery extends Query<IncomingTransferResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
  ) {
    super();
  }
}
