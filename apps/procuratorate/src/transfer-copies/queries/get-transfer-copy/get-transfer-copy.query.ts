import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { TransferCopyResponse } from './get-transfer-copy.response.dto';

export class GetTransferCopyQuery extends Query<TransferCopyResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
  ) {
    super();
  }
}
