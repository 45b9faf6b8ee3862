import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineMissedV3, IntegrationEventEnvelope } from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { CourtCase } from './court-case.entity';

/** The rules of a court case whose miss goes on its timeline (deadlines.md "Court", edc.confirmation-announcement). */
const COURT_RULE = /^court\.|^edc\.confirmation-announcement$/;

/**
 * Puts the workflow's misses of a court case's steps on its timeline (the inbox holds what is owed; the case file
 * keeps that a period ran out, and what follows from it). Runs in the inbox transaction: applied once.
 */
@Injectable()
export class CourtDeadlinesConsumer {
  @OnIntegrationEvent('deadline.missed')
  async missed(e: IntegrationEventEnvelope<DeadlineMissedV3>, manager: EntityManager): Promise<void> {
    if (!COURT_RULE.test(e.payload.ruleId)) return;
    const c = await manager.findOne(CourtCase, {
      where: { courtCaseId: e.payload.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!c) return;
    const key = e.payload.stepKey ? ` (${e.payload.stepKey})` : '';
    c.timeline = withEntry(
      c.timeline,
      entry(`${e.payload.ruleId}${key} ran out (due ${e.payload.dueAt})`, 'workflow', e.occurredAt, {
        eventId: e.eventId,
        ...(e.payload.onExpiry ? { note: e.payload.onExpiry } : {}),
      }),
    );
    await manager.save(c);
  }
}
