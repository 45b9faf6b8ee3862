import { Injectable } from '@nestjs/common';
import { ErrorCodes } from '@casebridge/contracts';
import {
  POLICE_PROSECUTION_ACT_RULES,
  type PoliceProsecutionAct,
  type PoliceProsecutionPhase,
} from '@casebridge/flows';
import { TransactionalOutbox } from '@casebridge/messaging';
import { UnitOfWork, type RecordSpec } from '@casebridge/platform';
import { PoliceProsecution } from './police-prosecution.entity';

export const PROSECUTION_NOT_FOUND = (id: string) => ({
  code: ErrorCodes.prosecutionNotFound,
  message: `No prosecution ${id} was transferred by your office.`,
});

const RECORD: RecordSpec<PoliceProsecution, PoliceProsecutionPhase, PoliceProsecutionAct> = {
  entity: PoliceProsecution,
  where: (id, officer) => ({ id, agencyId: officer.agencyId }),
  ownerOf: (p) => p.agencyId,
  notFound: PROSECUTION_NOT_FOUND,
  rules: POLICE_PROSECUTION_ACT_RULES,
};

/** Loads a prosecution of the officer's office under a row lock, checks the act, saves state and events in one transaction. */
@Injectable()
export class PoliceProsecutionUnitOfWork extends UnitOfWork<
  PoliceProsecution,
  PoliceProsecutionPhase,
  PoliceProsecutionAct
> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, RECORD);
  }
}
