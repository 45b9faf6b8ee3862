import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext } from '@casebridge/sharing';
import type { TransferResponse } from './get-transfer.response.dto';

export class GetTransferQuery extends Query<TransferResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    /** what the own-or-granted guard found (absent: the caller's own record only) */
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
