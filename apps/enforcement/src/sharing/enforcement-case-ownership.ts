import { Injectable } from '@nestjs/common';
import { EntityCaseOwnership } from '@casebridge/sharing';
import { AdministrativeCase } from '../cases/administrative-case.entity';
import { PilRecommendation } from '../pil-recommendations/pil-recommendation.entity';
import { Transfer } from '../transfers/transfer.entity';

/**
 * A linked case is the enforcement office's own when it holds an administrative case or a transfer of its own, or a
 * PIL recommendation served on it (need-to-know access: "own"; who gets the court's decisions on the case).
 */
@Injectable()
export class EnforcementCaseOwnership extends EntityCaseOwnership {
  constructor() {
    super([AdministrativeCase, Transfer, PilRecommendation]);
  }
}
