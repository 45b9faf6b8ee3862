import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseOwnership } from '@casebridge/sharing';
import { CourtCase } from '../court-cases/court-case.entity';

/**
 * A linked case is the court office's own when one of its court cases (an indictment, a PIL or EDC suit, a
 * confirmation application) answers it (need-to-know access: "own").
 */
@Injectable()
export class CourtCaseOwnership implements CaseOwnership {
  owns(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean> {
    return manager.existsBy(CourtCase, { courtAgencyId: agencyId, linkedCaseId });
  }

  async agenciesOn(manager: EntityManager, linkedCaseId: string): Promise<string[]> {
    const rows = await manager.find(CourtCase, { where: { linkedCaseId }, take: 50 });
    return [...new Set(rows.map((r) => r.courtAgencyId))];
  }
}
