import { Injectable } from '@nestjs/common';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { TransactionalOutbox } from '@casebridge/messaging';
import { UnitOfWork, type RecordSpec } from '@casebridge/platform';
import { FilingSupervision } from './filing-supervision.entity';
import {
  SUPERVISION_ACT_RULES,
  SupervisionErrorCodes,
  type FilingSupervisionPhase,
  type SupervisionAct,
} from './filing-supervision.machine';

/** A supervision of another procuratorate looks exactly like a missing one. */
export function ownSupervision(
  s: FilingSupervision | null,
  officer: OfficerClaims,
  supervisionId: string,
): FilingSupervision {
  return ensureOwnAgency(s && { agencyId: s.procuratorateAgencyId, s }, officer, {
    code: SupervisionErrorCodes.notFound,
    message: `No filing supervision ${supervisionId} in your agency.`,
  }).s;
}

/** A filing supervision as its procuratorate holds it. */
const SUPERVISION_RECORD: RecordSpec<FilingSupervision, FilingSupervisionPhase, SupervisionAct> = {
  entity: FilingSupervision,
  where: (supervisionId) => ({ supervisionId }),
  ownerOf: (s) => s.procuratorateAgencyId,
  notFound: (supervisionId) => ({
    code: SupervisionErrorCodes.notFound,
    message: `No filing supervision ${supervisionId} in your agency.`,
  }),
  rules: SUPERVISION_ACT_RULES,
};

/**
 * Loads one supervision of the officer's procuratorate under a row lock, checks that the act fits its
 * phase, and runs the change and its events in one transaction (nothing changes when it refuses).
 */
@Injectable()
export class FilingSupervisionUnitOfWork extends UnitOfWork<FilingSupervision, FilingSupervisionPhase, SupervisionAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, SUPERVISION_RECORD);
  }
}
