import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  agencyIdKind,
  AGENCY_ID_PATTERN,
  type AgencyKind,
  type DeadlineClosedV2,
  type DeadlineMissedV3,
  type DeadlineOwner,
  type DeadlineStartedV2,
  type DeadlineWarningV2,
  type IntegrationEventEnvelope,
  type SupervisionEscalatedV1,
  type SupervisionPressedV2,
  RULE_ID_PATTERN,
} from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { AgencyInboxItem } from './inbox-item.entity';

export const INBOX_AGENCY_KIND = Symbol('INBOX_AGENCY_KIND');

/** Presses kept per item (the newest); older ones stay in the supervision console's timeline. */
export const INBOX_MAX_PRESSES = 20;

/** `<subjectId>/<ruleId>[@stepKey][#round]` → ruleId */
function ruleOf(stepId: string): string | null {
  const rule = stepId.split('/')[1]?.split('#')[0]?.split('@')[0];
  return rule && RULE_ID_PATTERN.test(rule) ? rule : null;
}

/**
 * Keeps one to-do item per step an office owes, from the workflow's deadline events and the supervisors'
 * presses: deadline.started opens it (or re-opens it after a suspension; an extension moves its due date),
 * warning/missed mark it, deadline.closed moves it to done (met/late/moot) or to suspended. An act done
 * at the instant of its trigger (started and closed together) therefore lands in done, never in what is
 * owed. Runs in the inbox transaction of each event: applied once however often Kafka delivers it.
 */
@Injectable()
export class AgencyInboxConsumer {
  constructor(@Inject(INBOX_AGENCY_KIND) private readonly kind: AgencyKind) {}

  private mine(agencyId: string): boolean {
    return AGENCY_ID_PATTERN.test(agencyId) && agencyIdKind(agencyId) === this.kind;
  }

  private async item(
    manager: EntityManager,
    e: IntegrationEventEnvelope,
    agencyId: string,
    stepId: string,
    subjectId?: string,
  ): Promise<AgencyInboxItem> {
    const found = await manager.findOne(AgencyInboxItem, {
      where: { agencyId, stepId },
      lock: { mode: 'pessimistic_write' },
    });
    return (
      found ??
      manager.create(AgencyInboxItem, {
        id: uuidv7(),
        agencyId,
        stepId,
        linkedCaseId: e.linkedCaseId,
        ruleId: ruleOf(stepId),
        subjectId: subjectId ?? null,
        variant: null,
        state: 'open',
        startedAt: null,
        dueAt: null,
        lastDay: null,
        warnedAt: null,
        missedAt: null,
        onExpiry: null,
        presses: [],
        role: 'owes',
        owingAgencyId: agencyId,
        stepKey: null,
        owner: null,
        escalations: [],
        closedAt: null,
        outcome: null,
        readAt: null,
      })
    );
  }

  /** Saves an owed item and carries where the step stands (rule, due date, warning, miss) to the offices it was escalated to. */
  private async saveOwed(manager: EntityManager, it: AgencyInboxItem): Promise<void> {
    await manager.save(it);
    const above = await manager.find(AgencyInboxItem, {
      where: { stepId: it.stepId, role: 'supervises' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const s of above) {
      if (s.state === 'done') continue;
      await manager.save(Object.assign(s, stepFields(it)));
    }
  }

  @OnIntegrationEvent('deadline.started')
  async started(e: IntegrationEventEnvelope<DeadlineStartedV2>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    if (!this.mine(p.owingAgencyId)) return;
    const it = await this.item(manager, e, p.owingAgencyId, p.stepId, p.subjectId);
    if (it.state === 'done') return; // a step id is never reopened once closed (a new round has its own id)
    const moved = it.dueAt !== null && it.dueAt.getTime() !== Date.parse(p.dueAt);
    Object.assign(it, {
      ...keyAndOwner(p),
      ruleId: p.ruleId,
      subjectId: p.subjectId,
      variant: p.variant,
      state: 'open',
      startedAt: it.startedAt ?? new Date(p.startedAt),
      dueAt: new Date(p.dueAt),
      lastDay: p.lastDay,
      // an extension (or a resumed clock) gives a new due date: an earlier warning no longer applies
      ...(moved ? { warnedAt: null, missedAt: null, readAt: null } : {}),
    });
    await this.saveOwed(manager, it);
  }

  @OnIntegrationEvent('deadline.warning')
  async warning(e: IntegrationEventEnvelope<DeadlineWarningV2>, manager: EntityManager): Promise<void> {
    if (!this.mine(e.payload.owingAgencyId)) return;
    const it = await this.item(manager, e, e.payload.owingAgencyId, e.payload.stepId, e.payload.subjectId);
    if (it.state === 'done') return;
    Object.assign(it, {
      ...keyAndOwner(e.payload),
      warnedAt: new Date(e.occurredAt),
      dueAt: new Date(e.payload.dueAt),
      readAt: null,
    });
    await this.saveOwed(manager, it);
  }

  @OnIntegrationEvent('deadline.missed')
  async missed(e: IntegrationEventEnvelope<DeadlineMissedV3>, manager: EntityManager): Promise<void> {
    if (!this.mine(e.payload.owingAgencyId)) return;
    const it = await this.item(manager, e, e.payload.owingAgencyId, e.payload.stepId, e.payload.subjectId);
    if (it.state === 'done') return;
    Object.assign(it, {
      ...keyAndOwner(e.payload),
      missedAt: new Date(e.occurredAt),
      dueAt: new Date(e.payload.dueAt),
      onExpiry: e.payload.onExpiry ?? null,
      readAt: null,
    });
    await this.saveOwed(manager, it);
  }

  /** deadline.closed names no agency: it closes the step wherever this office holds it. */
  @OnIntegrationEvent('deadline.closed')
  async closed(e: IntegrationEventEnvelope<DeadlineClosedV2>, manager: EntityManager): Promise<void> {
    const items = await manager.find(AgencyInboxItem, {
      where: { stepId: e.payload.stepId },
      lock: { mode: 'pessimistic_write' },
    });
    for (const it of items) {
      if (it.state === 'done') continue;
      if (e.payload.outcome === 'suspended') {
        it.state = 'suspended';
      } else {
        Object.assign(it, { state: 'done', closedAt: new Date(e.occurredAt), outcome: e.payload.outcome });
      }
      await manager.save(it);
    }
  }

  @OnIntegrationEvent('supervision.pressed')
  async pressed(e: IntegrationEventEnvelope<SupervisionPressedV2>, manager: EntityManager): Promise<void> {
    if (!this.mine(e.payload.owingAgencyId)) return;
    const it = await this.item(manager, e, e.payload.owingAgencyId, e.payload.stepId);
    const by = e.payload.pressingAgencyId;
    it.presses = [
      ...it.presses,
      { eventId: e.eventId, at: e.occurredAt, message: e.payload.message, ...(by && { byAgencyId: by }) },
    ].slice(-INBOX_MAX_PRESSES);
    it.readAt = null;
    await manager.save(it);
  }

  /**
   * An escalation (supervision.escalated) to a superior office of the owing office: the superior office gets the
   * step as an item it supervises (role supervises: rule, due date and status copied from the owing office's item,
   * kept current by saveOwed, closed with the step); the owing office's item shows the escalation. Both unread.
   */
  @OnIntegrationEvent('supervision.escalated')
  async escalated(e: IntegrationEventEnvelope<SupervisionEscalatedV1>, manager: EntityManager): Promise<void> {
    const { stepId, toLevel, message } = e.payload;
    if (!stepId) return;
    const entry = { eventId: e.eventId, at: e.occurredAt, toLevel, message };
    const note = async (it: AgencyInboxItem): Promise<void> => {
      if (it.escalations.some((x) => x.eventId === e.eventId)) return;
      it.escalations = [...it.escalations, entry].slice(-INBOX_MAX_PRESSES);
      it.readAt = null;
      await manager.save(it);
    };
    // supervision.escalated v1 names no owing office: it is the office that owes the step in this table (a superior
    // is of the same kind as the owing office, so both are served here); if none owes it here yet, the superior's
    // item still shows the step (rule from its id), without the owing office
    const owed = await manager.findOne(AgencyInboxItem, {
      where: { stepId, role: 'owes' },
      lock: { mode: 'pessimistic_write' },
    });
    const owing = owed?.agencyId;
    if (owed && owed.state !== 'done') await note(owed);
    if (!this.mine(toLevel) || toLevel === owing) return;
    const it = await this.item(manager, e, toLevel, stepId);
    if (it.state === 'done') return;
    Object.assign(it, { role: 'supervises', owingAgencyId: owing ?? null }, owed ? stepFields(owed) : {});
    await note(it);
  }
}

/** The step key and owner a deadline event names (upcast events always name an owner). */
function keyAndOwner(p: { stepKey?: string; owner: DeadlineOwner }): Pick<AgencyInboxItem, 'stepKey' | 'owner'> {
  return { stepKey: p.stepKey ?? null, owner: p.owner };
}

/** Where a step stands (what an item it was escalated to mirrors from the owing office's item). */
function stepFields(it: AgencyInboxItem): Partial<AgencyInboxItem> {
  const { ruleId, subjectId, variant, stepKey, owner, state, startedAt, dueAt, lastDay, warnedAt, missedAt, onExpiry } =
    it;
  return { ruleId, subjectId, variant, stepKey, owner, state, startedAt, dueAt, lastDay, warnedAt, missedAt, onExpiry };
}
