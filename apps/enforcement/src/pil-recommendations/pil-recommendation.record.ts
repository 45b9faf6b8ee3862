/** How a recommendation served on the office changes: each event folded into its view with the flow's function. */
import { Injectable } from '@nestjs/common';
import { ErrorCodes, type EventDefinition, type IntegrationEventEnvelope } from '@casebridge/contracts';
import {
  AGENCY_PIL_ACT_RULES,
  isPilAdminEvent,
  pilAdministrativeViews,
  type AgencyPilAct,
  type AgencyPilPhase,
} from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { eventEntry, UnitOfWork, withEntry, type RecordSpec } from '@casebridge/platform';
import { PilRecommendation } from './pil-recommendation.entity';

export const recommendationNotFound = (pilCaseId: string) => ({
  code: ErrorCodes.pilNotFound,
  message: `No procuratorial recommendation of public-interest case ${pilCaseId} was served on your agency.`,
});

export function fold(r: PilRecommendation, e: IntegrationEventEnvelope, what: string, note?: string | null): void {
  if (isPilAdminEvent(e)) r.view = pilAdministrativeViews.agency.evolve(r.view, e);
  if (r.view.phase !== r.phase) {
    r.previousPhase = r.phase;
    r.phase = r.view.phase;
    // the view's time of the last act (a period running out is no act: libs/flows overdue)
    r.phaseAt = r.view.phaseAt ? new Date(r.view.phaseAt) : r.phaseAt;
  }
  r.timeline = withEntry(r.timeline, eventEntry(e, what, note));
}

export function record<P extends object>(
  tx: OutboxTransaction,
  officer: OfficerClaims,
  r: PilRecommendation,
  definition: EventDefinition<P>,
  payload: P,
  what: string,
  note?: string | null,
): void {
  fold(r, publishAs(tx, officer, definition, r.linkedCaseId, payload), what, note);
}

const RECORD: RecordSpec<PilRecommendation, AgencyPilPhase, AgencyPilAct> = {
  entity: PilRecommendation,
  where: (pilCaseId) => ({ pilCaseId }),
  ownerOf: (r) => r.agencyId,
  notFound: recommendationNotFound,
  rules: AGENCY_PIL_ACT_RULES,
};

/** A recommendation served on the officer's office, locked, its act judged by the flow's rules. */
@Injectable()
export class PilRecommendationUnitOfWork extends UnitOfWork<PilRecommendation, AgencyPilPhase, AgencyPilAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, RECORD);
  }
}
