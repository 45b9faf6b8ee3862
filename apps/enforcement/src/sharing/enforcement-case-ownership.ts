import { Injectable } from '@nestjs/common';
import { EntityCaseOwnership } from '@casebridge/sharing';
import { AdministrativeCase } from '../cases/administrative-case.entity';
import { Transfer } from '../transfers/transfer.entity';

/** A linked case is the enforcement office's own when it holds an administrative case or a transfer of its own (need-to-know access: "own"). */
@Injectable()
export class EnforcementCaseOwnership extends EntityCaseOwnership {
  constructor() {
    super([AdministrativeCase, Transfer]);
  }
}
