import { Injectable } from '@nestjs/common';
import { ErrorCodes } from '@casebridge/contracts';
import { TransactionalOutbox } from '@casebridge/messaging';
import { UnitOfWork, type RecordSpec } from '@casebridge/platform';
import { IncomingTransfer } from './incoming-transfer.entity';
import { POLICE_ACT_RULES, type IncomingPhase, type PoliceAct } from './incoming-transfer.machine';

/** A transfer as one police office holds it (one row per office it was sent or forwarded to). */
const INCOMING_TRANSFER_RECORD: RecordSpec<IncomingTransfer, IncomingPhase, PoliceAct> = {
  entity: IncomingTransfer,
  where: (id, officer) => ({ id, agencyId: officer.agencyId }),
  ownerOf: (t) => t.agencyId,
  notFound: (id) => ({ code: ErrorCodes.transferNotFound, message: `No transfer ${id} was sent to your office.` }),
  rules: POLICE_ACT_RULES,
};

/** Loads a transfer of the officer's office under a row lock, checks the act, saves state and events in one transaction (libs/platform UnitOfWork). */
@Injectable()
export class PoliceUnitOfWork extends UnitOfWork<IncomingTransfer, IncomingPhase, PoliceAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, INCOMING_TRANSFER_RECORD);
  }
}
