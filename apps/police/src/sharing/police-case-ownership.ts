import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseOwnership } from '@casebridge/sharing';
import { IncomingTransfer } from '../transfers/incoming-transfer.entity';

/** A linked case is the police office's own when it holds a transfer sent or forwarded to it (need-to-know access: "own"). */
@Injectable()
export class PoliceCaseOwnership implements CaseOwnership {
  async owns(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean> {
    return await manager.existsBy(IncomingTransfer, { agencyId, linkedCaseId });
  }
}
