import { Injectable } from '@nestjs/common';
import { ErrorCodes, PenaltyClockChanged } from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { AdministrativeCase } from '../cases/administrative-case.entity';
import { Transfer } from './transfer.entity';
import { assertAllowed, penaltyClockSuspendedIn, type TransferAct } from './transfer.machine';

/**
 * Loads one transfer of the officer's agency under a row lock, checks that the act fits its phase,
 * runs the change and its events in one transaction, and keeps the case's penalty clock in step.
 */
@Injectable()
export class TransferUnitOfWork {
  constructor(private readonly outbox: TransactionalOutbox) {}

  act<T>(officer: OfficerClaims, transferId: string, act: TransferAct, fn: (t: Transfer, tx: OutboxTransaction) => Promise<T> | T): Promise<T> {
    return this.outbox.run(async (tx) => {
      const t = ensureOwnAgency(
        await tx.manager.findOne(Transfer, { where: { id: transferId }, lock: { mode: 'pessimistic_write' } }),
        officer, { code: ErrorCodes.transferNotFound, message: `No transfer ${transferId} in your agency.` },
      );
      assertAllowed(t.phase, act, t.previousPhase);
      const before = t.phase;
      const result = await fn(t, tx);
      if (t.phase !== before) t.phaseAt = new Date(); // the act's time: an older act of another agency learnt later does not undo it
      await tx.manager.save(t);
      await syncPenaltyClock(tx, t);
      return result;
    });
  }
}

/** penalty.decision-period does not run while the case is with the police (E17 art 16): open or close the suspension. */
export async function syncPenaltyClock(tx: OutboxTransaction, t: Transfer, at: Date = new Date()): Promise<void> {
  const c = await tx.manager.findOne(AdministrativeCase, { where: { id: t.caseId }, lock: { mode: 'pessimistic_write' } });
  if (!c) return;
  const open = c.penaltySuspensions.find((s) => s.to === null);
  const shouldSuspend = penaltyClockSuspendedIn(t.phase);
  if (shouldSuspend && !open) {
    c.penaltySuspensions = [...c.penaltySuspensions, { from: at.toISOString(), to: null, reason: `transfer ${t.id} with the police` }];
  } else if (!shouldSuspend && open) {
    c.penaltySuspensions = c.penaltySuspensions.map((s) => (s === open ? { ...s, to: at.toISOString() } : s));
  } else {
    return;
  }
  await tx.manager.save(c);
  publishAs(tx, { sub: 'system:penalty-clock', agencyId: c.agencyId }, PenaltyClockChanged, c.linkedCaseId, {
    caseId: c.id,
    state: shouldSuspend ? 'suspended' : 'running',
    reason: shouldSuspend ? 'the case is with the police (E17 art 16)' : `the case is back with the agency (transfer ${t.phase})`,
  }, { occurredAt: at });
}
