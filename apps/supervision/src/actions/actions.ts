/**
 * What a supervisor does (role supervisor): press (催办), escalate, list for joint supervision. Each act
 * is an integration event written to the outbox in the same transaction as its trace in the
 * projection (timeline row, step counters), so it reaches Kafka — and the owing office's inbox — if
 * and only if it is recorded here.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import {
  AGENCY_ID_PATTERN,
  DomainError,
  SupervisionEscalated,
  SupervisionJointListed,
  SupervisionJointMeetingRecorded,
  SupervisionPressed,
  type IntegrationEventEnvelope,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { caseNotFound, stepNotFound, SupervisionErrors } from '../domain/errors';
import { describeEvent, isDivisionCode, ownerNames } from '@casebridge/directory';
import {
  escalationRefusal,
  escalationTarget,
  pressRefusal,
  regionKeys,
  regionWithin,
  visibleTo,
} from '../domain/region';
import { notifyChange } from '../live/change-feed';
import { repeatsMeeting, type RecordedMeeting } from '../domain/joint-meeting';
import { SupervisionCase, SupervisionStep, TimelineEvent } from '../projection/entities';
import { SupervisionSettings } from '../settings';
import { randomUUID } from 'node:crypto';
import type { EscalateRequest, JointListRequest, JointMeetingRequest, PressRequest } from '../api/dto';

export interface ActionResult {
  eventId: string;
  type: string;
  linkedCaseId: string;
  stepId?: string;
  owingAgencyId?: string;
  toLevel?: string;
}

/**
 * The step to press or escalate, locked: visible (else 404), the supervisor's to press (else 403), open (else 409),
 * owed by an agency (else 409 STEP.NOT_PRESSABLE / STEP.NOT_ESCALATABLE: a party — the defendant ordered to restore, an
 * eligible organisation — owes it, and the agency that only follows it owes nothing to be pressed for).
 */
async function lockPressableOpenStep(
  manager: EntityManager,
  officer: OfficerClaims,
  stepId: string,
  act: 'press' | 'escalate',
): Promise<SupervisionStep> {
  const s = await manager.findOne(SupervisionStep, { where: { stepId }, lock: { mode: 'pessimistic_write' } });
  if (!s || !visibleTo(s, officer.region)) throw stepNotFound(stepId);
  const refusal = pressRefusal(officer, s.owingAgencyId);
  if (refusal)
    throw new DomainError(SupervisionErrors.outsideSupervisoryScope, 'forbidden', refusal, {
      owingAgencyId: s.owingAgencyId,
    });
  if (s.closedAt) {
    throw new DomainError(
      SupervisionErrors.stepClosed,
      'conflict',
      `Step ${stepId} is closed (${s.outcome ?? 'done'}): there is nothing to press on.`,
      { outcome: s.outcome, closedAt: s.closedAt.toISOString() },
    );
  }
  if (s.owner?.kind === 'party') {
    const owner = ownerNames(s.owner);
    throw new DomainError(
      act === 'press' ? SupervisionErrors.stepNotPressable : SupervisionErrors.notEscalatable,
      'conflict',
      `Step ${stepId} is owed by ${owner.en} (${owner.zh}), not by an agency: ${s.owingAgencyId} only follows it, so there is no agency to ${act === 'press' ? 'press' : 'escalate to'}.`,
      { owner: s.owner, followedBy: s.owingAgencyId },
    );
  }
  return s;
}

/** The console's trace of its own event (it does not consume its own topic). */
async function trace(
  manager: EntityManager,
  e: IntegrationEventEnvelope,
  officer: OfficerClaims,
  stepId: string | null,
): Promise<void> {
  const s = describeEvent(e);
  const by = `${officer.agencyId} ${officer.name ?? officer.sub}`;
  await manager.insert(TimelineEvent, {
    eventId: e.eventId,
    linkedCaseId: e.linkedCaseId,
    type: e.type,
    version: e.version,
    producerKind: e.producer.kind,
    producerAgencyId: e.producer.agencyId,
    producerRegion: null,
    actor: officer.sub.slice(0, 128),
    occurredAt: new Date(e.occurredAt),
    recordedAt: new Date(e.recordedAt),
    stepId,
    summary: `${s.en} — by ${by}`,
    summaryZh: `${s.zh}（${by}）`,
    payload: e.payload as never,
  });
}

export class PressStepCommand extends Command<ActionResult> {
  constructor(
    readonly officer: OfficerClaims,
    readonly stepId: string,
    readonly request: PressRequest,
  ) {
    super();
  }
}

@CommandHandler(PressStepCommand)
export class PressStepHandler implements ICommandHandler<PressStepCommand> {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly settings: SupervisionSettings,
  ) {}

  execute({ officer, stepId, request }: PressStepCommand): Promise<ActionResult> {
    return this.outbox.run(async (tx) => {
      const s = await lockPressableOpenStep(tx.manager, officer, stepId, 'press');
      if (!AGENCY_ID_PATTERN.test(s.owingAgencyId)) {
        throw new DomainError(
          SupervisionErrors.stepNotPressable,
          'conflict',
          `${s.owingAgencyId} is not an agency with an inbox; contact it directly.`,
        );
      }
      const now = new Date();
      if (
        this.settings.pressCooldownMs > 0 &&
        s.lastPressedAt &&
        now.getTime() - s.lastPressedAt.getTime() < this.settings.pressCooldownMs
      ) {
        throw new DomainError(
          SupervisionErrors.pressedRecently,
          'conflict',
          `${s.owingAgencyId} was already pressed on this step at ${s.lastPressedAt.toISOString()}; wait before pressing again.`,
          { lastPressedAt: s.lastPressedAt.toISOString(), cooldownSeconds: this.settings.pressCooldownMs / 1000 },
        );
      }
      const e = publishAs(tx, { sub: officer.sub }, SupervisionPressed, s.linkedCaseId, {
        stepId: s.stepId,
        owingAgencyId: s.owingAgencyId,
        message: request.message,
        pressingAgencyId: officer.agencyId,
      });
      await trace(tx.manager, e, officer, s.stepId);
      await tx.manager.update(
        SupervisionStep,
        { stepId: s.stepId },
        { lastPressedAt: now, pressCount: s.pressCount + 1, updatedAt: now },
      );
      await notifyChange(tx.manager, {
        kind: 'action',
        type: e.type,
        linkedCaseId: s.linkedCaseId,
        stepIds: [s.stepId],
        scopeKeys: s.scopeKeys,
      });
      return {
        eventId: e.eventId,
        type: e.type,
        linkedCaseId: s.linkedCaseId,
        stepId: s.stepId,
        owingAgencyId: s.owingAgencyId,
      };
    });
  }
}

export class EscalateStepCommand extends Command<ActionResult> {
  constructor(
    readonly officer: OfficerClaims,
    readonly stepId: string,
    readonly request: EscalateRequest,
  ) {
    super();
  }
}

@CommandHandler(EscalateStepCommand)
export class EscalateStepHandler implements ICommandHandler<EscalateStepCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  execute({ officer, stepId, request }: EscalateStepCommand): Promise<ActionResult> {
    return this.outbox.run(async (tx) => {
      const s = await lockPressableOpenStep(tx.manager, officer, stepId, 'escalate');
      const toLevel = request.toLevel ?? escalationTarget(s.owingAgencyId) ?? '';
      // the step row is locked: a concurrent repeat waits here and then finds this escalation
      const earlier = await tx.manager
        .createQueryBuilder(TimelineEvent, 'e')
        .where('e.linkedCaseId = :linkedCaseId AND e.stepId = :stepId AND e.type = :type', {
          linkedCaseId: s.linkedCaseId,
          stepId: s.stepId,
          type: SupervisionEscalated.type,
        })
        .orderBy('e.occurredAt', 'ASC')
        .getMany();
      const refusal = escalationRefusal(
        s.owingAgencyId,
        earlier.map((x) => String((x.payload as { toLevel?: unknown } | null)?.toLevel ?? '')),
        toLevel,
      );
      if (refusal?.code === 'no-superior') {
        throw new DomainError(SupervisionErrors.notEscalatable, 'conflict', refusal.message, {
          owingAgencyId: s.owingAgencyId,
          allowedTargets: [],
        });
      }
      if (refusal?.code === 'not-a-superior') {
        throw new DomainError(SupervisionErrors.escalationTargetInvalid, 'invalid', refusal.message, {
          toLevel,
          owingAgencyId: s.owingAgencyId,
          allowedTargets: refusal.allowed,
        });
      }
      if (refusal?.code === 'already-escalated') {
        const at = earlier.find((x) => (x.payload as { toLevel?: unknown } | null)?.toLevel === refusal.earlier)!;
        throw new DomainError(SupervisionErrors.alreadyEscalated, 'conflict', refusal.message, {
          toLevel: refusal.earlier,
          escalatedAt: at.occurredAt.toISOString(),
          eventId: at.eventId,
          allowedTargets: refusal.allowed,
        });
      }
      const e = publishAs(tx, { sub: officer.sub }, SupervisionEscalated, s.linkedCaseId, {
        stepId: s.stepId,
        toLevel,
        message: request.message,
      });
      await trace(tx.manager, e, officer, s.stepId);
      const now = new Date();
      await tx.manager.update(SupervisionStep, { stepId: s.stepId }, { escalatedAt: now, updatedAt: now });
      await notifyChange(tx.manager, {
        kind: 'action',
        type: e.type,
        linkedCaseId: s.linkedCaseId,
        stepIds: [s.stepId],
        scopeKeys: s.scopeKeys,
      });
      return { eventId: e.eventId, type: e.type, linkedCaseId: s.linkedCaseId, stepId: s.stepId, toLevel };
    });
  }
}

/**
 * The agencies a supervisor names for joint supervision (participants, owners of meeting decisions) must be agencies
 * of China (a division code of GB/T 2260) inside the supervisor's own region: a city supervisor lists the city's
 * offices, a provincial one the province's. 400 CASE.JOINT_AGENCY_OUTSIDE_SCOPE names the others (nothing changes).
 */
function assertJointAgencies(officer: OfficerClaims, agencyIds: readonly string[], what: string): void {
  const outside = [...new Set(agencyIds)].filter((id) => {
    const division = id.split(':')[1] ?? '';
    return !isDivisionCode(division) || !regionWithin(division, officer.region);
  });
  if (outside.length)
    throw new DomainError(
      SupervisionErrors.jointAgencyOutsideScope,
      'invalid',
      `${what} ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} not an agency of your region (${officer.region}): name offices of your region only.`,
      { outside, region: officer.region },
    );
}

export class JointListCaseCommand extends Command<ActionResult> {
  constructor(
    readonly officer: OfficerClaims,
    readonly linkedCaseId: string,
    readonly request: JointListRequest,
  ) {
    super();
  }
}

@CommandHandler(JointListCaseCommand)
export class JointListCaseHandler implements ICommandHandler<JointListCaseCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  execute({ officer, linkedCaseId, request }: JointListCaseCommand): Promise<ActionResult> {
    assertJointAgencies(officer, request.participants ?? [], 'participants:');
    return this.outbox.run(async (tx) => {
      const c = await tx.manager.findOne(SupervisionCase, {
        where: { linkedCaseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw caseNotFound(linkedCaseId);
      const steps = await tx.manager.find(SupervisionStep, { where: { linkedCaseId } });
      if (!regionWithin(c.originRegion, officer.region) && !steps.some((s) => visibleTo(s, officer.region)))
        throw caseNotFound(linkedCaseId);
      if (c.jointListedAt) {
        throw new DomainError(
          SupervisionErrors.alreadyJointListed,
          'conflict',
          `The case was already listed for joint supervision at ${c.jointListedAt.toISOString()}.`,
          { listedAt: c.jointListedAt.toISOString(), reviewInterval: c.jointReviewInterval },
        );
      }
      const e = publishAs(tx, { sub: officer.sub }, SupervisionJointListed, linkedCaseId, {
        reviewInterval: request.reviewInterval,
        reason: request.reason,
        participants: [...new Set(request.participants ?? [])],
      });
      await trace(tx.manager, e, officer, null);
      await tx.manager.update(
        SupervisionCase,
        { linkedCaseId },
        { jointListedAt: new Date(), jointReviewInterval: request.reviewInterval, jointReason: request.reason },
      );
      const keys = new Set([...regionKeys(c.originRegion), ...steps.flatMap((s) => s.scopeKeys)]);
      await notifyChange(tx.manager, { kind: 'action', type: e.type, linkedCaseId, stepIds: [], scopeKeys: [...keys] });
      return { eventId: e.eventId, type: e.type, linkedCaseId };
    });
  }
}

export class RecordJointMeetingCommand extends Command<ActionResult & { round: number; decisionIds: string[] }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly linkedCaseId: string,
    readonly request: JointMeetingRequest,
  ) {
    super();
  }
}

/**
 * 联席会议: the minutes and decisions (owner, due date) of the review of the current round of a case listed for joint
 * supervision (supervision.joint-meeting-recorded); the round is the number of meetings recorded so far + 1. The same
 * meeting again (minutes and decisions as the last one recorded) is a double submission: answered with the recorded
 * meeting (same event, round and decision ids), nothing recorded and no round opened. A request naming a `round`
 * other than the current one is refused (409 CASE.JOINT_ROUND_NOT_CURRENT), nothing recorded.
 */
@CommandHandler(RecordJointMeetingCommand)
export class RecordJointMeetingHandler implements ICommandHandler<RecordJointMeetingCommand> {
  execute({
    officer,
    linkedCaseId,
    request,
  }: RecordJointMeetingCommand): Promise<ActionResult & { round: number; decisionIds: string[] }> {
    assertJointAgencies(
      officer,
      request.decisions.map((d) => d.ownerAgencyId),
      'decision owners:',
    );
    return this.outbox.run(async (tx) => {
      const c = await tx.manager.findOne(SupervisionCase, {
        where: { linkedCaseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw caseNotFound(linkedCaseId);
      const steps = await tx.manager.find(SupervisionStep, { where: { linkedCaseId } });
      if (!regionWithin(c.originRegion, officer.region) && !steps.some((s) => visibleTo(s, officer.region)))
        throw caseNotFound(linkedCaseId);
      if (!c.jointListedAt)
        throw new DomainError(
          SupervisionErrors.notJointListed,
          'conflict',
          'The case is not listed for joint supervision: list it first (joint-listing).',
        );
      const meetings = await tx.manager.find(TimelineEvent, {
        where: { linkedCaseId, type: SupervisionJointMeetingRecorded.type },
        order: { occurredAt: 'ASC' },
      });
      const held = meetings.length;
      const last = meetings.at(-1);
      const lastMeeting = (last?.payload ?? null) as RecordedMeeting | null;
      if (last && lastMeeting && repeatsMeeting(lastMeeting, request))
        return {
          eventId: last.eventId,
          type: last.type,
          linkedCaseId,
          round: lastMeeting.round,
          decisionIds: lastMeeting.decisions.map((d) => d.decisionId),
        };
      if (request.round !== undefined && request.round !== held + 1)
        throw new DomainError(
          SupervisionErrors.jointRoundNotCurrent,
          'conflict',
          request.round <= held
            ? `The joint meeting of round ${request.round} was already recorded: the current round is ${held + 1}.`
            : `Round ${request.round} is not open yet: the current round is ${held + 1}.`,
          { round: held + 1 },
        );
      const decisions = request.decisions.map((d) => ({ decisionId: randomUUID(), ...d }));
      const e = publishAs(tx, { sub: officer.sub }, SupervisionJointMeetingRecorded, linkedCaseId, {
        round: held + 1,
        minutes: request.minutes,
        decisions,
      });
      await trace(tx.manager, e, officer, null);
      const keys = new Set([...regionKeys(c.originRegion), ...steps.flatMap((s) => s.scopeKeys)]);
      await notifyChange(tx.manager, { kind: 'action', type: e.type, linkedCaseId, stepIds: [], scopeKeys: [...keys] });
      return {
        eventId: e.eventId,
        type: e.type,
        linkedCaseId,
        round: held + 1,
        decisionIds: decisions.map((d) => d.decisionId),
      };
    });
  }

  constructor(private readonly outbox: TransactionalOutbox) {}
}

export const ACTION_HANDLERS = [PressStepHandler, EscalateStepHandler, JointListCaseHandler, RecordJointMeetingHandler];
