/** How a compensation case changes: each event folded into its view with the flow's function (libs/flows edc). */
import { Injectable } from '@nestjs/common';
import { ErrorCodes, type EventDefinition, type IntegrationEventEnvelope } from '@casebridge/contracts';
import {
  CLAIMANT_EDC_ACT_RULES,
  claimantEdcNext,
  edcViews,
  isEdcEvent,
  type ClaimantEdcAct,
  type ClaimantEdcPhase,
} from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { eventEntry, UnitOfWork, withEntry, type RecordSpec } from '@casebridge/platform';
import { EdcCase } from './edc-case.entity';

export const edcNotFound = (edcCaseId: string) => ({
  code: ErrorCodes.edcNotFound,
  message: `No damage compensation case ${edcCaseId} in your agency.`,
});

export function fold(c: EdcCase, e: IntegrationEventEnvelope, what: string, note?: string | null): void {
  if (isEdcEvent(e)) c.view = edcViews.claimant.evolve(c.view, e);
  if (c.view.phase !== c.phase) {
    c.previousPhase = c.phase;
    c.phase = c.view.phase;
    // the view's time of the last act (a period running out is no act: libs/flows overdue)
    c.phaseAt = c.view.phaseAt ? new Date(c.view.phaseAt) : c.phaseAt;
  }
  c.timeline = withEntry(c.timeline, eventEntry(e, what, note));
}

export function record<P extends object>(
  tx: OutboxTransaction,
  officer: OfficerClaims,
  c: EdcCase,
  definition: EventDefinition<P>,
  payload: P,
  what: string,
  note?: string | null,
): void {
  fold(c, publishAs(tx, officer, definition, c.linkedCaseId, payload), what, note);
}

/** What comes next on a compensation case, from its view (meetings do not move the phase). */
export function edcNext(c: EdcCase): string | null {
  return claimantEdcNext({ phase: c.phase, meetings: c.view.meetings });
}

const RECORD: RecordSpec<EdcCase, ClaimantEdcPhase, ClaimantEdcAct> = {
  entity: EdcCase,
  where: (edcCaseId) => ({ edcCaseId }),
  ownerOf: (c) => c.agencyId,
  notFound: edcNotFound,
  rules: CLAIMANT_EDC_ACT_RULES,
  next: edcNext,
};

/** A compensation case of the officer's agency, locked, its act judged by the flow's rules. */
@Injectable()
export class EdcCaseUnitOfWork extends UnitOfWork<EdcCase, ClaimantEdcPhase, ClaimantEdcAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, RECORD);
  }
}
