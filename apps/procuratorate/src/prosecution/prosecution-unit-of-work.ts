import { Injectable } from '@nestjs/common';
import { ErrorCodes, type EventDefinition } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import {
  PROCURATORATE_PROSECUTION_ACT_RULES,
  prosecutionViews,
  type ProcuratorateProsecutionAct,
  type ProcuratorateProsecutionPhase,
  type ProsecutionEvent,
} from '@casebridge/flows';
import { publishAs, TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { entry, UnitOfWork, withEntry, type RecordSpec } from '@casebridge/platform';
import { applyReviewView, ProsecutionReview } from './prosecution-review.entity';

export const PROSECUTION_NOT_FOUND = (id: string) => ({
  code: ErrorCodes.prosecutionNotFound,
  message: `No prosecution ${id} was transferred to your procuratorate.`,
});

const RECORD: RecordSpec<ProsecutionReview, ProcuratorateProsecutionPhase, ProcuratorateProsecutionAct> = {
  entity: ProsecutionReview,
  where: (id, officer) => ({ id, agencyId: officer.agencyId }),
  ownerOf: (p) => p.agencyId,
  notFound: PROSECUTION_NOT_FOUND,
  rules: PROCURATORATE_PROSECUTION_ACT_RULES,
};

/** Loads a prosecution of the officer's procuratorate under a row lock, checks the act, saves state and events in one transaction. */
@Injectable()
export class ProsecutionUnitOfWork extends UnitOfWork<
  ProsecutionReview,
  ProcuratorateProsecutionPhase,
  ProcuratorateProsecutionAct
> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, RECORD);
  }
}

/**
 * Publishes one act of the procuratorate on the prosecution (outbox, same transaction) and folds the very
 * event into the row's view (libs/flows), with a timeline entry in the officer's words.
 */
export function recordAct<P extends object>(
  tx: OutboxTransaction,
  officer: OfficerClaims,
  row: ProsecutionReview,
  definition: EventDefinition<P>,
  payload: P,
  what: string,
  note?: string,
): void {
  const now = new Date();
  const e = publishAs(tx, officer, definition, row.linkedCaseId, payload, { occurredAt: now });
  applyReviewView(row, prosecutionViews.procuratorate.evolve(row.view, e as unknown as ProsecutionEvent));
  row.timeline = withEntry(
    row.timeline,
    entry(what, officer.sub, now, { eventId: e.eventId, ...(note ? { note } : {}) }),
  );
}
