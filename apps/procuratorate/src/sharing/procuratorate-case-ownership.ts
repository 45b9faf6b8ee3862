import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseOwnership } from '@casebridge/sharing';
import { TransferCopy } from '../transfer-copies/transfer-copy.entity';

/** A linked case is the procuratorate office's own when it holds a copy of a transfer addressed to it (need-to-know access: "own"). */
@Injectable()
export class ProcuratorateCaseOwnership implements CaseOwnership {
  async owns(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean> {
    return await manager.existsBy(TransferCopy, { agencyId, linkedCaseId });
  }
}
