import { Injectable } from '@nestjs/common';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { TransactionalOutbox } from '@casebridge/messaging';
import { UnitOfWork, type RecordSpec } from '@casebridge/platform';
import { CourtCase } from './court-case.entity';
import {
  assertActFits,
  COURT_ACT_RULES,
  CourtErrorCodes,
  type CourtAct,
  type CourtCasePhase,
} from './court-case.machine';

export const courtCaseNotFound = (courtCaseId: string) => ({
  code: CourtErrorCodes.notFound,
  message: `No court case ${courtCaseId} at your court.`,
});

/** A case of another court looks exactly like a missing one (404). */
export function ownCourtCase(c: CourtCase | null, officer: OfficerClaims, courtCaseId: string): CourtCase {
  return ensureOwnAgency(c && { agencyId: c.courtAgencyId, c }, officer, courtCaseNotFound(courtCaseId)).c;
}

const COURT_CASE_RECORD: RecordSpec<CourtCase, CourtCasePhase, CourtAct> = {
  entity: CourtCase,
  where: (courtCaseId) => ({ courtCaseId }),
  ownerOf: (c) => c.courtAgencyId,
  notFound: courtCaseNotFound,
  rules: COURT_ACT_RULES,
  // an act that does not concern this kind of case (the agency notice of a criminal case…) is refused whatever the phase
  fits: assertActFits,
};

/**
 * Loads one case of the officer's court under a row lock, checks that the act concerns this kind of case
 * (assertActFits, 409 COURT_CASE.NOT_APPLICABLE) and then its phase, and runs the
 * change and its events in one transaction (nothing changes when it refuses).
 */
@Injectable()
export class CourtCaseUnitOfWork extends UnitOfWork<CourtCase, CourtCasePhase, CourtAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, COURT_CASE_RECORD);
  }
}
