import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseOwnership } from '@casebridge/sharing';
import { AdministrativeCase } from '../cases/administrative-case.entity';
import { Transfer } from '../transfers/transfer.entity';

/** A linked case is the enforcement office's own when it holds an administrative case or a transfer of its own (need-to-know access: "own"). */
@Injectable()
export class EnforcementCaseOwnership implements CaseOwnership {
  async owns(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean> {
    return (
      (await manager.existsBy(AdministrativeCase, { agencyId, linkedCaseId })) ||
      (await manager.existsBy(Transfer, { agencyId, linkedCaseId }))
    );
  }
}
