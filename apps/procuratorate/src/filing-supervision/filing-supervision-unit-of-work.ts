import { Injectable } from '@nestjs/common';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { FilingSupervision } from './filing-supervision.entity';
import { assertAllowed, SupervisionErrorCodes, type SupervisionAct } from './filing-supervision.machine';

/** A supervision of another procuratorate looks exactly like a missing one. */
export function ownSupervision(s: FilingSupervision | null, officer: OfficerClaims, supervisionId: string): FilingSupervision {
  return ensureOwnAgency(s && { agencyId: s.procuratorateAgencyId, s }, officer,
    { code: SupervisionErrorCodes.notFound, message: `No filing supervision ${supervisionId} in your agency.` }).s;
}

/**
 * Loads one supervision of the officer's procuratorate under a row lock, checks that the act fits its
 * phase, and runs the change and its events in one transaction (nothing changes when it refuses).
 */
@Injectable()
export class FilingSupervisionUnitOfWork {
  constructor(private readonly outbox: TransactionalOutbox) {}

  act<T>(officer: OfficerClaims, supervisionId: string, act: SupervisionAct, fn: (s: FilingSupervision, tx: OutboxTransaction) => Promise<T> | T): Promise<T> {
    return this.outbox.run(async (tx) => {
      const s = ownSupervision(
        await tx.manager.findOne(FilingSupervision, { where: { supervisionId }, lock: { mode: 'pessimistic_write' } }), officer, supervisionId,
      );
      assertAllowed(s.phase, act);
      const result = await fn(s, tx);
      await tx.manager.save(s);
      return result;
    });
  }
}
