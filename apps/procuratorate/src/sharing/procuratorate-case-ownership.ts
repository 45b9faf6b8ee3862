import { Injectable } from '@nestjs/common';
import { EntityCaseOwnership } from '@casebridge/sharing';
import { TransferCopy } from '../transfer-copies/transfer-copy.entity';

/** A linked case is the procuratorate office's own when it holds a copy of a transfer addressed to it (need-to-know access: "own"). */
@Injectable()
export class ProcuratorateCaseOwnership extends EntityCaseOwnership {
  constructor() {
    super([TransferCopy]);
  }
}
