import { PenaltyClockChanged } from '@casebridge/contracts';
import { publishAs, type OutboxTransaction } from '@casebridge/messaging';
import { AdministrativeCase } from './administrative-case.entity';

/**
 * Suspends or resumes penalty.decision-period of a case (E17 art 16: not while the case is with the police)
 * in the caller's transaction: opens or closes the suspension interval and publishes penalty.clock-changed
 * (the penalty workflow follows it). Nothing happens when the clock is already in that state or the case
 * is not known here. `reason`: why, as the officer reads it.
 */
export async function setPenaltyClock(
  tx: OutboxTransaction,
  caseId: string,
  suspend: boolean,
  reason: string,
  at: Date = new Date(),
): Promise<void> {
  const c = await tx.manager.findOne(AdministrativeCase, {
    where: { id: caseId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!c) return;
  const open = c.penaltySuspensions.find((s) => s.to === null);
  if (suspend === !!open) return;
  c.penaltySuspensions = suspend
    ? [...c.penaltySuspensions, { from: at.toISOString(), to: null, reason }]
    : c.penaltySuspensions.map((s) => (s === open ? { ...s, to: at.toISOString() } : s));
  await tx.manager.save(c);
  publishAs(
    tx,
    { sub: 'system:penalty-clock', agencyId: c.agencyId },
    PenaltyClockChanged,
    c.linkedCaseId,
    { caseId: c.id, state: suspend ? 'suspended' : 'running', reason },
    { occurredAt: at },
  );
}
