/**
 * Builds the supervision projection from every agency and workflow event (Topics enforcement, police,
 * procuratorate, court, workflow). Runs in the inbox transaction of each event: applied exactly once,
 * and the change notification (NOTIFY) is delivered only when it commits.
 */
import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import {
  ALL_EVENT_DEFINITIONS,
  type DeadlineClosedV2,
  type DeadlineMissedV3,
  type DeadlineStartedV2,
  type DeadlineWarningV2,
  type IntegrationEventEnvelope,
  type TransferForwardedV1,
  type TransferReceiptSignedV1,
  type TransferReviewExtendedV1,
  type TransferSentV1,
} from '@casebridge/contracts';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { legalTime } from '../domain/legal';
import { expectationDeltas, factsOf, referencesOf, type ExpectationDelta } from '../domain/reconciliation';
import { regionKeys, scopeKeys, splitAgencyId } from '../domain/region';
import { RECEIPT_RULE } from '../domain/status';
import { describeEvent } from '@casebridge/directory';
import { notifyChange } from '../live/change-feed';
import { SupervisionSettings } from '../settings';
import {
  EventReference,
  Expectation,
  KnownFact,
  SupervisionCase,
  SupervisionStep,
  SupervisionTransfer,
  TimelineEvent,
} from './entities';
import { placeStep, recordDuration, saveStep } from './step-store';

/** Every event type an agency or the workflow engine produces (the console's own events excluded). */
export const CONSUMED_TYPES: readonly string[] = [
  ...new Set(
    ALL_EVENT_DEFINITIONS.filter((d) =>
      d.producers.some((p) => ['enforcement', 'police', 'procuratorate', 'court', 'workflow'].includes(p)),
    ).map((d) => d.type),
  ),
];

const receiptStepId = (transferId: string): string => `${transferId}/${RECEIPT_RULE}`;
const sameOrLater = (a: Date, b: Date): boolean => a.getTime() >= b.getTime() - 1000;

interface Touched {
  stepIds: Set<string>;
  keys: Set<string>;
}

@Injectable()
export class SupervisionProjector {
  constructor(private readonly settings: SupervisionSettings) {}

  @OnIntegrationEvent(CONSUMED_TYPES[0]!, ...CONSUMED_TYPES.slice(1))
  async apply(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
    const now = new Date();
    const occurredAt = new Date(e.occurredAt);
    const c = await this.touchCase(manager, e, occurredAt);
    const touched: Touched = { stepIds: new Set(), keys: new Set(regionKeys(c.originRegion)) };
    await this.record(manager, e, occurredAt);
    await this.transfer(manager, e, occurredAt, c, touched, now);
    await this.deadline(manager, e, occurredAt, c, touched, now);
    await this.expectations(manager, e);
    const subject = e.payload as { transferId?: unknown; supervisionId?: unknown };
    for (const id of [subject.transferId, subject.supervisionId]) {
      if (typeof id !== 'string') continue;
      await manager.query(
        `UPDATE supervision_step SET last_activity_at = GREATEST(last_activity_at, $2) WHERE subject_id = $1 AND closed_at IS NULL`,
        [id, occurredAt],
      );
    }
    await notifyChange(manager, {
      kind: 'event',
      type: e.type,
      linkedCaseId: e.linkedCaseId,
      stepIds: [...touched.stepIds],
      scopeKeys: [...touched.keys],
    });
  }

  /** The case row; its origin is the agency of its earliest agency event (domain/region.ts). */
  private async touchCase(
    manager: EntityManager,
    e: IntegrationEventEnvelope,
    occurredAt: Date,
  ): Promise<SupervisionCase> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SupervisionCase)
      .values({ linkedCaseId: e.linkedCaseId, lastActivityAt: occurredAt, eventCount: 0 })
      .orIgnore()
      .execute();
    const c = await manager.findOneOrFail(SupervisionCase, {
      where: { linkedCaseId: e.linkedCaseId },
      lock: { mode: 'pessimistic_write' },
    });
    const p = e.payload as Record<string, unknown>;
    const producer = splitAgencyId(e.producer.agencyId);
    const originBefore = c.originRegion;
    if (producer.region && (!c.originAt || occurredAt < c.originAt)) {
      c.originAgencyId = e.producer.agencyId;
      c.originRegion = producer.region;
      c.originAt = occurredAt;
    }
    if (typeof p.caseNumber === 'string' && (!c.caseNumber || e.type === 'case.registered'))
      c.caseNumber = p.caseNumber;
    const party = p.party as { name?: unknown } | undefined;
    if (typeof party?.name === 'string' && !c.partyName) c.partyName = party.name;
    if (occurredAt > c.lastActivityAt) c.lastActivityAt = occurredAt;
    c.eventCount += 1;
    await manager.save(SupervisionCase, c);
    if (c.originRegion !== originBefore) {
      const steps = await manager.find(SupervisionStep, { where: { linkedCaseId: c.linkedCaseId } });
      for (const s of steps) {
        s.originRegion = c.originRegion;
        s.scopeKeys = scopeKeys(s.owingRegion, c.originRegion);
        await manager.update(
          SupervisionStep,
          { stepId: s.stepId },
          { originRegion: s.originRegion, scopeKeys: s.scopeKeys },
        );
      }
    }
    return c;
  }

  /** Timeline row, known facts and references (for orphans). */
  private async record(manager: EntityManager, e: IntegrationEventEnvelope, occurredAt: Date): Promise<void> {
    const p = e.payload as Record<string, unknown>;
    const summary = describeEvent(e);
    await manager
      .createQueryBuilder()
      .insert()
      .into(TimelineEvent)
      .values({
        eventId: e.eventId,
        linkedCaseId: e.linkedCaseId,
        type: e.type,
        version: e.version,
        producerKind: e.producer.kind,
        producerAgencyId: e.producer.agencyId,
        producerRegion: splitAgencyId(e.producer.agencyId).region,
        actor: e.actor.officerId,
        occurredAt,
        recordedAt: new Date(e.recordedAt),
        stepId: typeof p.stepId === 'string' ? p.stepId : null,
        summary: summary.en,
        summaryZh: summary.zh,
        payload: p as never,
      })
      .orIgnore()
      .execute();
    // unresolved references only: a fact that becomes known resolves (deletes) the references waiting for it
    for (const f of factsOf(e)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(KnownFact)
        .values({ kind: f.kind, id: f.id, eventId: e.eventId })
        .orIgnore()
        .execute();
      await manager.delete(EventReference, { kind: f.kind, refId: f.id });
    }
    for (const r of referencesOf(e)) {
      if (await manager.existsBy(KnownFact, { kind: r.kind, id: r.id })) continue;
      await manager
        .createQueryBuilder()
        .insert()
        .into(EventReference)
        .values({
          eventId: e.eventId,
          kind: r.kind,
          refId: r.id,
          linkedCaseId: e.linkedCaseId,
          what: r.what.en,
          whatZh: r.what.zh,
        })
        .orIgnore()
        .execute();
    }
  }

  private async loadTransfer(
    manager: EntityManager,
    transferId: string,
    linkedCaseId: string,
  ): Promise<SupervisionTransfer> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SupervisionTransfer)
      .values({ transferId, linkedCaseId })
      .orIgnore()
      .execute();
    return manager.findOneOrFail(SupervisionTransfer, { where: { transferId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Transfers: who sent what to whom, and the transfer.receipt step derived from transfer.sent while no
   * workflow clock for it is known (the "transfer without receipt" rule works without the worker).
   */
  private async transfer(
    manager: EntityManager,
    e: IntegrationEventEnvelope,
    at: Date,
    c: SupervisionCase,
    touched: Touched,
    now: Date,
  ): Promise<void> {
    const min = this.settings.idleMinSamples;
    if (e.type === 'transfer.sent') {
      const p = e.payload as TransferSentV1;
      const t = await this.loadTransfer(manager, p.transferId, e.linkedCaseId);
      Object.assign(t, {
        fromAgencyId: p.fromAgencyId,
        toAgencyId: p.toAgencyId,
        copyToAgencyId: p.copyToAgencyId,
        sentAt: t.sentAt ?? at,
      });
      await manager.save(SupervisionTransfer, t);
      const exists = await manager.existsBy(SupervisionStep, { stepId: receiptStepId(p.transferId) });
      if (!exists && !t.receiptSignedAt) {
        const step = this.derivedReceiptStep(p.transferId, e.linkedCaseId, p.toAgencyId, at, c.originRegion);
        await saveStep(manager, step, now, min);
        this.touch(touched, step);
      }
    } else if (e.type === 'transfer.forwarded') {
      const p = e.payload as TransferForwardedV1;
      const t = await this.loadTransfer(manager, p.transferId, e.linkedCaseId);
      const step = await manager.findOne(SupervisionStep, {
        where: { stepId: receiptStepId(p.transferId) },
        lock: { mode: 'pessimistic_write' },
      });
      if (p.mode === 'forwarded' && p.toAgencyId) {
        t.toAgencyId = p.toAgencyId;
        await manager.save(SupervisionTransfer, t);
        if (step && step.source === 'derived' && !step.closedAt) {
          const fresh = this.derivedReceiptStep(p.transferId, e.linkedCaseId, p.toAgencyId, at, c.originRegion);
          Object.assign(step, {
            since: fresh.since,
            dueAt: fresh.dueAt,
            lastDay: fresh.lastDay,
            explanation: fresh.explanation,
            warnedAt: null,
            missedAt: null,
          });
          placeStep(step, p.toAgencyId, c.originRegion);
          await saveStep(manager, step, now, min);
          this.touch(touched, step);
        }
      } else if (p.mode === 'returned' && step && !step.closedAt) {
        Object.assign(step, { closedAt: at, outcome: 'moot' });
        await saveStep(manager, step, now, min);
        this.touch(touched, step);
      }
    } else if (e.type === 'transfer.receipt-signed') {
      const p = e.payload as TransferReceiptSignedV1;
      const t = await this.loadTransfer(manager, p.transferId, e.linkedCaseId);
      t.receiptSignedAt = t.receiptSignedAt ?? at;
      await manager.save(SupervisionTransfer, t);
      // the owed act happened: close the open receipt step(s) of the transfer now — round 1 is
      // `<transferId>/transfer.receipt`, a forward opens `…#2` — the workflow's deadline.closed confirms it later
      const open = await manager.find(SupervisionStep, {
        where: { subjectId: p.transferId, ruleId: RECEIPT_RULE, closedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      for (const step of open) {
        Object.assign(step, {
          closedAt: at,
          outcome: at.getTime() <= step.dueAt.getTime() ? 'met' : 'late',
          lastActivityAt: at,
        });
        await recordDuration(manager, step, at, min);
        await saveStep(manager, step, now, min);
        this.touch(touched, step);
      }
    } else if (e.type === 'transfer.review-extended') {
      const p = e.payload as TransferReviewExtendedV1;
      const t = await this.loadTransfer(manager, p.transferId, e.linkedCaseId);
      t.reviewVariant = p.variant;
      await manager.save(SupervisionTransfer, t);
      const x = await manager.findOneBy(Expectation, { key: `filing-decision:${p.transferId}` });
      if (x?.openedAt) {
        await manager.update(
          Expectation,
          { key: x.key },
          { dueAt: this.windowEnd('transfer.filing-review', p.variant, x.openedAt) },
        );
      }
    }
  }

  private derivedReceiptStep(
    transferId: string,
    linkedCaseId: string,
    owing: string,
    from: Date,
    originRegion: string | null,
  ): SupervisionStep {
    const d = legalTime.compute({ rule: RECEIPT_RULE, from });
    const step = Object.assign(new SupervisionStep(), {
      stepId: receiptStepId(transferId),
      linkedCaseId,
      subjectId: transferId,
      ruleId: RECEIPT_RULE,
      variant: d.variant,
      stepKey: null,
      owner: null,
      source: 'derived' as const,
      since: from,
      dueAt: new Date(d.dueAtEpochMs),
      lastDay: d.lastDay,
      explanation: { ...d.explain, derivedFrom: 'transfer.sent (no workflow clock known yet)' } as Record<
        string,
        unknown
      >,
      onExpiry: d.onExpiry,
      warnedAt: null,
      missedAt: null,
      closedAt: null,
      outcome: null,
      lastActivityAt: from,
      lastPressedAt: null,
      pressCount: 0,
      escalatedAt: null,
    });
    placeStep(step, owing, originRegion);
    return step;
  }

  /** The workflow's clocks: deadline.started / warning / missed / closed. */
  private async deadline(
    manager: EntityManager,
    e: IntegrationEventEnvelope,
    at: Date,
    c: SupervisionCase,
    touched: Touched,
    now: Date,
  ): Promise<void> {
    if (!e.type.startsWith('deadline.')) return;
    const min = this.settings.idleMinSamples;
    const stepId = (e.payload as { stepId: string }).stepId;
    const step = await manager.findOne(SupervisionStep, { where: { stepId }, lock: { mode: 'pessimistic_write' } });

    if (e.type === 'deadline.started') {
      const p = e.payload as DeadlineStartedV2;
      const startedAt = new Date(p.startedAt);
      const dueAt = new Date(p.dueAt);
      let s = step;
      if (!s) {
        s = Object.assign(new SupervisionStep(), {
          stepId,
          linkedCaseId: e.linkedCaseId,
          subjectId: p.subjectId,
          since: startedAt,
          warnedAt: null,
          missedAt: null,
          closedAt: null,
          outcome: null,
          lastActivityAt: at,
          lastPressedAt: null,
          pressCount: 0,
          escalatedAt: null,
          onExpiry: null,
        });
      } else if (s.closedAt) {
        // a done act (met/late) stays done; a suspended clock resumes; a moot step or a new owner starts again
        const resumes = s.outcome === 'suspended' || s.outcome === 'moot' || s.owingAgencyId !== p.owingAgencyId;
        if (!resumes) return;
        if (s.outcome !== 'suspended') s.since = startedAt;
        Object.assign(s, { closedAt: null, outcome: null, warnedAt: null, missedAt: null });
      } else if (s.source === 'derived') {
        s.since = startedAt; // the workflow's clock replaces the derived one
      }
      if (s.dueAt && dueAt.getTime() > s.dueAt.getTime()) Object.assign(s, { warnedAt: null, missedAt: null }); // extended
      Object.assign(s, {
        ruleId: p.ruleId,
        variant: p.variant,
        stepKey: p.stepKey ?? null,
        owner: p.owner,
        source: 'workflow',
        dueAt,
        lastDay: p.lastDay,
        explanation: p.explain,
        onExpiry: legalTime.ruleBook.has(p.ruleId) ? legalTime.ruleBook.get(p.ruleId).onExpiry : s.onExpiry,
        lastActivityAt: s.lastActivityAt && s.lastActivityAt > at ? s.lastActivityAt : at,
      });
      placeStep(s, p.owingAgencyId, c.originRegion);
      await saveStep(manager, s, now, min);
      this.touch(touched, s);
      return;
    }
    if (!step) return; // an orphan: recorded as a reference, listed by GET /reconciliation
    if (e.type === 'deadline.warning') {
      const p = e.payload as DeadlineWarningV2;
      if (step.closedAt || !sameOrLater(new Date(p.dueAt), step.dueAt)) return;
      step.warnedAt = at;
    } else if (e.type === 'deadline.missed') {
      const p = e.payload as DeadlineMissedV3;
      if (step.closedAt || !sameOrLater(new Date(p.dueAt), step.dueAt)) return;
      step.missedAt = at;
      if (p.onExpiry) step.onExpiry = p.onExpiry;
    } else if (e.type === 'deadline.closed') {
      const p = e.payload as DeadlineClosedV2;
      const wasOpen = !step.closedAt;
      step.outcome = p.outcome; // the workflow's outcome is authoritative, also over a closure seen in an agency event
      if (wasOpen) step.closedAt = at;
      if (p.outcome === 'met' || p.outcome === 'late') await recordDuration(manager, step, step.closedAt ?? at, min);
    }
    await saveStep(manager, step, now, min);
    this.touch(touched, step);
  }

  /** Reconciliation (a): upserts in event-time order, whatever order the topics deliver in. */
  private async expectations(manager: EntityManager, e: IntegrationEventEnvelope): Promise<void> {
    const transferId = (e.payload as { transferId?: unknown }).transferId;
    for (const d of expectationDeltas(e)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Expectation)
        .values({
          key: d.key,
          expectationId: d.rule.id,
          ruleId: d.rule.ruleId,
          linkedCaseId: e.linkedCaseId,
          subjectId: d.subjectId,
          transferId: typeof transferId === 'string' ? transferId : null,
        })
        .orIgnore()
        .execute();
      const x = await manager.findOneOrFail(Expectation, {
        where: { key: d.key },
        lock: { mode: 'pessimistic_write' },
      });
      if (d.action === 'fulfil') {
        if (!x.fulfilledAt || d.at > x.fulfilledAt)
          Object.assign(x, { fulfilledAt: d.at, fulfilledEventId: d.eventId });
      } else if (!x.openedAt || d.at > x.openedAt) {
        Object.assign(x, {
          openedAt: d.at,
          openedEventId: d.eventId,
          openedType: e.type,
          openedByAgencyId: e.producer.agencyId,
          owedByAgencyId: d.owedByAgencyId ?? null,
          owedByRole: d.owedByRole ?? null,
          dueAt: await this.expectationDue(manager, d),
        });
      }
      await manager.save(Expectation, x);
    }
  }

  private async expectationDue(manager: EntityManager, d: ExpectationDelta): Promise<Date | null> {
    if (d.rule.windowMs !== undefined) return new Date(d.at.getTime() + d.rule.windowMs);
    if (!d.rule.ruleId) return null;
    let variant = d.rule.variant ?? 'standard';
    if (variant === 'from-subject') {
      const t = await manager.findOneBy(SupervisionTransfer, { transferId: d.subjectId });
      variant = t?.reviewVariant ?? 'standard';
    }
    return this.windowEnd(d.rule.ruleId, variant, d.at);
  }

  private windowEnd(ruleId: string, variant: string, from: Date): Date {
    return new Date(legalTime.compute({ rule: ruleId, variant, from }).dueAtEpochMs);
  }

  private touch(t: Touched, step: SupervisionStep): void {
    t.stepIds.add(step.stepId);
    for (const k of step.scopeKeys) t.keys.add(k);
  }
}
