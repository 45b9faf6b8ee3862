import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { TransferCopyResponse } from '../get-transfer-copy/get-transfer-copy.response.dto';
import type { ListTransferCopiesRequest } from './list-transfer-copies.request.dto';

export class ListTransferCopiesQuery extends Query<TransferCopyResponse[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly filter: ListTransferCopiesRequest = {},
  ) {
    super();
  }
}
