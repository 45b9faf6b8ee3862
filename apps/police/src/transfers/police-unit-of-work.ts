import { Injectable } from '@nestjs/common';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { IncomingTransfer } from './incoming-transfer.entity';
import { assertPoliceAct, type PoliceAct } from './incoming-transfer.machine';

/** Loads a transfer of the officer's office under a row lock, checks the act, saves state and events in one transaction. */
@Injectable()
export class PoliceUnitOfWork {
  constructor(private readonly outbox: TransactionalOutbox) {}

  act<T>(officer: OfficerClaims, transferId: string, act: PoliceAct, fn: (t: IncomingTransfer, tx: OutboxTransaction) => Promise<T> | T): Promise<T> {
    return this.outbox.run(async (tx) => {
      const t = ensureOwnAgency(
        await tx.manager.findOne(IncomingTransfer, { where: { id: transferId, agencyId: officer.agencyId }, lock: { mode: 'pessimistic_write' } }),
        officer, { code: ErrorCodes.transferNotFound, message: `No transfer ${transferId} was sent to your office.` },
      );
      assertPoliceAct(t.phase, act, t.previousPhase);
      const before = t.phase;
      const result = await fn(t, tx);
      if (t.phase !== before) t.phaseAt = new Date(); // the act's time: an older act of another agency learnt later does not undo it
      await tx.manager.save(t);
      return result;
    });
  }
}
