import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext } from '@casebridge/sharing';
import type { IncomingTransferResponse } from './get-incoming-transfer.response.dto';

export class GetIncomingTransferQuery extends Query<IncomingTransferResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    /** what the own-or-granted guard found (absent: the caller's own record only) */
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
