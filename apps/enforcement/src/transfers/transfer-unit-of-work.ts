import { Injectable } from '@nestjs/common';
import { ErrorCodes, PenaltyClockChanged } from '@casebridge/contracts';
import { publishAs, TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { UnitOfWork, type RecordSpec } from '@casebridge/platform';
import { AdministrativeCase } from '../cases/administrative-case.entity';
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

/** penalty.decision-period does not run while the case is with the police (E17 art 16): open or close the suspension. */
export async function syncPenaltyClock(tx: OutboxTransaction, t: Transfer, at: Date = new Date()): Promise<void> {
  const c = await tx.manager.findOne(AdministrativeCase, {
    where: { id: t.caseId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!c) return;
  const open = c.penaltySuspensions.find((s) => s.to === null);
  const shouldSuspend = penaltyClockSuspendedIn(t.phase);
  if (shouldSuspend && !open) {
    c.penaltySuspensions = [
      ...c.penaltySuspensions,
      { from: at.toISOString(), to: null, reason: `transfer ${t.id} with the police` },
    ];
  } else if (!shouldSuspend && open) {
    c.penaltySuspensions = c.penaltySuspensions.map((s) => (s === open ? { ...s, to: at.toISOString() } : s));
  } else {
    return;
  }
  await tx.manager.save(c);
  publishAs(
    tx,
    { sub: 'system:penalty-clock', agencyId: c.agencyId },
    PenaltyClockChanged,
    c.linkedCaseId,
    {
      caseId: c.id,
      state: shouldSuspend ? 'suspended' : 'running',
      reason: shouldSuspend
        ? 'the case is with the police (E17 art 16)'
        : `the case is back with the agency (transfer ${t.phase})`,
    },
    { occurredAt: at },
  );
}
