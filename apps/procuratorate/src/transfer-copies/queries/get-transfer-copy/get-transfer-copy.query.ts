import { Query } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext } from '@casebridge/sharing';
import type { TransferCopyResponse } from './get-transfer-copy.response.dto';

export class GetTransferCopyQuery extends Query<TransferCopyResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    /** what the own-or-granted guard found (absent: the caller's own record only) */
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
