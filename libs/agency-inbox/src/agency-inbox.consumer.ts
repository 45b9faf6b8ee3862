import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  agencyIdKind, AGENCY_ID_PATTERN, type AgencyKind, type DeadlineMissedV2, type DeadlineStartedV1, type DeadlineWarningV1,
  type IntegrationEventEnvelope, type SupervisionPressedV1,
} from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { AgencyNotification } from './notification.entity';

export const INBOX_AGENCY_KIND = Symbol('INBOX_AGENCY_KIND');

/** Puts what an office owes (deadlines) and what it is pressed on (催办) into that office's inbox. */
@Injectable()
export class AgencyInboxConsumer {
  constructor(@Inject(INBOX_AGENCY_KIND) private readonly kind: AgencyKind) {}

  private mine(agencyId: string): boolean {
    return AGENCY_ID_PATTERN.test(agencyId) && agencyIdKind(agencyId) === this.kind;
  }

  private async add(manager: EntityManager, e: IntegrationEventEnvelope, agencyId: string, n: { ruleId?: string; subjectId?: string; message: string }): Promise<void> {
    await manager.createQueryBuilder().insert().into(AgencyNotification).values({
      eventId: e.eventId, agencyId, linkedCaseId: e.linkedCaseId, kind: e.type, occurredAt: new Date(e.occurredAt),
      ruleId: null, subjectId: null, data: e.payload as never, readAt: null, ...n,
    }).orIgnore().execute();
  }

  @OnIntegrationEvent('deadline.started')
  async started(e: IntegrationEventEnvelope<DeadlineStartedV1>, manager: EntityManager): Promise<void> {
    if (!this.mine(e.payload.owingAgencyId)) return;
    await this.add(manager, e, e.payload.owingAgencyId, {
      ruleId: e.payload.ruleId, subjectId: e.payload.subjectId,
      message: `You owe ${e.payload.ruleId} by ${e.payload.dueAt} (last day ${e.payload.lastDay}).`,
    });
  }

  @OnIntegrationEvent('deadline.warning')
  async warning(e: IntegrationEventEnvelope<DeadlineWarningV1>, manager: EntityManager): Promise<void> {
    if (!this.mine(e.payload.owingAgencyId)) return;
    await this.add(manager, e, e.payload.owingAgencyId, {
      ruleId: e.payload.ruleId, subjectId: e.payload.subjectId,
      message: `Deadline near: ${e.payload.ruleId} runs out at ${e.payload.dueAt}.`,
    });
  }

  @OnIntegrationEvent('deadline.missed')
  async missed(e: IntegrationEventEnvelope<DeadlineMissedV2>, manager: EntityManager): Promise<void> {
    if (!this.mine(e.payload.owingAgencyId)) return;
    await this.add(manager, e, e.payload.owingAgencyId, {
      ruleId: e.payload.ruleId, subjectId: e.payload.subjectId,
      message: `Deadline missed: ${e.payload.ruleId} ran out at ${e.payload.dueAt}.${e.payload.onExpiry ? ` Consequence: ${e.payload.onExpiry}` : ''}`,
    });
  }

  @OnIntegrationEvent('supervision.pressed')
  async pressed(e: IntegrationEventEnvelope<SupervisionPressedV1>, manager: EntityManager): Promise<void> {
    if (!this.mine(e.payload.owingAgencyId)) return;
    await this.add(manager, e, e.payload.owingAgencyId, {
      subjectId: e.payload.stepId, message: `催办 from the supervisor: ${e.payload.message}`,
    });
  }
}
