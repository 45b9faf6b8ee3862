import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { IncomingPhase } from '../../incoming-transfer.machine';
import type { IncomingTransferResponse } from '../get-incoming-transfer/get-incoming-transfer.response.dto';

export class ListIncomingTransfersQuery extends Query<IncomingTransferResponse[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly phase?: IncomingPhase,
  ) {
    super();
  }
}
