/**
 * How a PIL case of the procuratorate changes: every change is an integration event folded into the case's
 * view with the flow's own function (libs/flows), so the app, the workflow and the audit read the same act.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ErrorCodes, type EventDefinition, type IntegrationEventEnvelope } from '@casebridge/contracts';
import {
  PROCURATORATE_PIL_ADMIN_ACT_RULES,
  PROCURATORATE_PIL_CIVIL_ACT_RULES,
  isPilAdminEvent,
  isPilCivilEvent,
  pilAdministrativeViews,
  pilCivilViews,
  procuratoratePilAdminNext,
  type ProcuratoratePilAdminAct,
  type ProcuratoratePilAdminView,
  type ProcuratoratePilCivilAct,
  type ProcuratoratePilCivilView,
} from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox, type OutboxTransaction } from '@casebridge/messaging';
import { eventEntry, UnitOfWork, withEntry, type RecordSpec } from '@casebridge/platform';
import { PilCase, type PilCasePhase } from './pil-case.entity';

export const CIVIL_KINDS = ['civil', 'criminal-incidental-civil'] as const;

export const pilNotFound = (pilCaseId: string) => ({
  code: ErrorCodes.pilNotFound,
  message: `No public-interest case ${pilCaseId} in your agency.`,
});

/** Folds one event of the case into its view (the flow's function) and its timeline; moves the phase with it. */
export function fold(c: PilCase, e: IntegrationEventEnvelope, what: string, note?: string | null): void {
  if (c.kind === 'administrative') {
    if (isPilAdminEvent(e))
      c.view = pilAdministrativeViews.procuratorate.evolve(c.view as ProcuratoratePilAdminView, e);
  } else if (isPilCivilEvent(e)) {
    c.view = pilCivilViews.procuratorate.evolve(c.view as ProcuratoratePilCivilView, e);
  }
  if (c.view.phase !== c.phase) {
    c.previousPhase = c.phase;
    c.phase = c.view.phase;
    // the view's time of the last act (a period running out is no act: libs/flows overdue)
    c.phaseAt = c.view.phaseAt ? new Date(c.view.phaseAt) : c.phaseAt;
  }
  c.timeline = withEntry(c.timeline, eventEntry(e, what, note));
}

/** Publishes the officer's act on the case through the transaction's outbox and folds it into the case. */
export function record<P extends object>(
  tx: OutboxTransaction,
  officer: Pick<OfficerClaims, 'sub' | 'agencyId'>,
  c: PilCase,
  definition: EventDefinition<P>,
  payload: P,
  what: string,
  note?: string | null,
): IntegrationEventEnvelope<P> {
  const e = publishAs(tx, officer, definition, c.linkedCaseId, payload);
  fold(c, e, what, note);
  return e;
}

/** What comes next on an administrative case, from its view (filing upward does not move the phase). */
export function adminPilNext(c: PilCase): string | null {
  return procuratoratePilAdminNext({
    phase: c.phase as ProcuratoratePilAdminView['phase'],
    filedUpwardAt: (c.view as ProcuratoratePilAdminView).filedUpwardAt,
  });
}

const ADMIN_RECORD: RecordSpec<PilCase, PilCasePhase, ProcuratoratePilAdminAct> = {
  entity: PilCase,
  where: (pilCaseId) => ({ pilCaseId, kind: 'administrative' }),
  ownerOf: (c) => c.procuratorateAgencyId,
  notFound: pilNotFound,
  rules: PROCURATORATE_PIL_ADMIN_ACT_RULES,
  next: adminPilNext,
};

const CIVIL_RECORD: RecordSpec<PilCase, PilCasePhase, ProcuratoratePilCivilAct> = {
  entity: PilCase,
  where: (pilCaseId) => ({ pilCaseId, kind: In([...CIVIL_KINDS]) }),
  ownerOf: (c) => c.procuratorateAgencyId,
  notFound: pilNotFound,
  rules: PROCURATORATE_PIL_CIVIL_ACT_RULES,
};

/** An administrative PIL case of the officer's procuratorate, locked, its act judged by the flow's rules. */
@Injectable()
export class AdminPilUnitOfWork extends UnitOfWork<PilCase, PilCasePhase, ProcuratoratePilAdminAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, ADMIN_RECORD);
  }
}

/** A civil (or criminal-incidental civil) PIL case of the officer's procuratorate. */
@Injectable()
export class CivilPilUnitOfWork extends UnitOfWork<PilCase, PilCasePhase, ProcuratoratePilCivilAct> {
  constructor(outbox: TransactionalOutbox) {
    super(outbox, CIVIL_RECORD);
  }
}
