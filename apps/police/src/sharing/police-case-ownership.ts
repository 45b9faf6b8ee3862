import { Injectable } from '@nestjs/common';
import { EntityCaseOwnership } from '@casebridge/sharing';
import { IncomingTransfer } from '../transfers/incoming-transfer.entity';

/** A linked case is the police office's own when it holds a transfer sent or forwarded to it (need-to-know access: "own"). */
@Injectable()
export class PoliceCaseOwnership extends EntityCaseOwnership {
  constructor() {
    super([IncomingTransfer]);
  }
}
