import { Injectable } from '@nestjs/common';
import { EntityCaseOwnership } from '@casebridge/sharing';
import { PilCase } from '../pil/pil-case.entity';
import { ProsecutionReview } from '../prosecution/prosecution-review.entity';
import { TransferCopy } from '../transfer-copies/transfer-copy.entity';

/**
 * A linked case is the procuratorate office's own when it holds a copy of a transfer addressed to it, a prosecution
 * review of its own or a public-interest litigation case it opened (need-to-know access: "own"; who gets the court's
 * decisions on the case automatically).
 */
@Injectable()
export class ProcuratorateCaseOwnership extends EntityCaseOwnership {
  constructor() {
    super([TransferCopy, ProsecutionReview, { entity: PilCase, agencyField: 'procuratorateAgencyId' }]);
  }
}
