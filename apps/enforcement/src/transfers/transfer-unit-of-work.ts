import { Injectable } from '@nestjs/common';
import { ErrorCodes } from '@casebridge/contracts';
import { TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { UnitOfWork, type RecordSpec } from '@casebridge/platform';
import { setPenaltyClock } from '../cases/penalty-clock-sync';
import { ProsecutionNotice } from '../prosecution-notices/prosecution-notice.entity';
import { Transfer } from './transfer.entity';
import { penaltyClockSuspendedIn, TRANSFER_ACT_RULES, type TransferAct, type TransferPhase } from './transfer.machine';

/** The enforcement agency's transfers, as the one unit of work (libs/platform) locks, guards and saves them. */
const TRANSFER_RECORD: RecordSpec<Transfer, TransferPhase, TransferAct> = {
  entity: Transfer,
  where: (id) => ({ id }),
  ownerOf: (t) => t.agencyId,
  notFound: (id) => ({ code: ErrorCodes.transferNotFound, message: `No transfer ${id} in your agency.` }),
  rules: TRANSFER_ACT_RULES,
  // the case's penalty clock follows where the transfer is (E17 art 16)
  afterSave: (tx, t) => syncPenaltyClock(tx, t),
};

/**
 * Loads one transfer of the officer's agency under a row lock, checks that the act fits its phase,
 * runs the change and its events in one transaction, and keeps the case's penalty clock in step.
 */
@Injectable()
export class TransferUnitOfWork extends UnitOfWork<Transfer, TransferPhase, TransferAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, TRANSFER_RECORD);
  }
}

/**
 * penalty.decision-period does not run while the case is with the police (E17 art 16): open or close the
 * suspension. A non-prosecution notice on the transfer (E17 art 18) brings the case back for good.
 */
export async function syncPenaltyClock(tx: OutboxTransaction, t: Transfer, at: Date = new Date()): Promise<void> {
  const back = await tx.manager.existsBy(ProsecutionNotice, { transferId: t.id });
  const suspend = penaltyClockSuspendedIn(t.phase) && !back;
  await setPenaltyClock(
    tx,
    t.caseId,
    suspend,
    suspend ? 'the case is with the police (E17 art 16)' : `the case is back with the agency (transfer ${t.phase})`,
    at,
  );
}
