/**
 * Joint supervision as a pure decider (联合督办, E17 arts 29, 31): the listing names the participants and the review
 * interval (rule `joint-supervision`, period set per case: P14D, P2W, P1M); each round opens one keyed step per
 * participant (key: its agency id) due at the end of the interval; a participant's progress report closes its step;
 * one that runs out is flagged (deadline.missed to that agency and the supervisors; recorded per round). The joint
 * meeting (联席会议) closes the round (unreported steps moot) and opens the next from the meeting, and each of its
 * decisions becomes a step owned by its owner (key `decision:<id>`), due at the decision's own instant, as the
 * meeting gave it (JOINT_DUE_AS_GIVEN_PATCH); the owner's report closes it. Mirrors libs/flows
 * joint-supervision.flow.ts. No Temporal, no I/O.
 */
import type { CasePeriodInput } from '../activities/case-activities.contracts';
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import {
  apply,
  defer,
  ignore,
  payloadString,
  type CaseDecider,
  type Decision,
  type StepAction,
  type StepContext,
} from '../shared/step-actions';
import { roleOf } from '../notification/notification.decider';

export const JOINT_RULE = 'joint-supervision';
const MS_PER_HOUR = 3_600_000;
/**
 * A decision's due instant is the one the meeting gave (on the whole hour, as the supervision API requires). Before
 * this patch the step counted whole hours from the meeting, and legal-time counts an hour period from the next whole
 * hour, so 17:00 became 18:00; now the step counts the same whole hours back from the due instant (its start lies in
 * the hour before the meeting), which ends exactly on it. Runs recorded before keep their old due dates on replay.
 */
export const JOINT_DUE_AS_GIVEN_PATCH = 'joint-decision-due-as-given';

export interface JointDecisionEntry {
  decisionId: string;
  ownerAgencyId: string;
  done: boolean;
}

export interface JointSupervisionModel {
  listed: boolean;
  period: CasePeriodInput | null;
  participants: string[];
  round: number;
  reported: string[];
  flagged: Array<{ round: number; agencyId: string }>;
  decisions: JointDecisionEntry[];
}

export function initialJointSupervisionModel(): JointSupervisionModel {
  return { listed: false, period: null, participants: [], round: 0, reported: [], flagged: [], decisions: [] };
}

/** `P14D` → 14 days, `P2W` → 14 days, `P1M` → 1 month; null otherwise (libs/flows reviewPeriod). */
export function reviewPeriodOf(interval: string | undefined): CasePeriodInput | null {
  const m = /^P([1-9]\d{0,2})([DWM])$/.exec(interval ?? '');
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === 'M') return { unit: 'months', amount: n };
  return { unit: 'days', amount: m[2] === 'W' ? n * 7 : n };
}

export function decisionKey(decisionId: string): string {
  return `decision:${decisionId}`;
}

function roundSteps(participants: readonly string[], period: CasePeriodInput, from: string): StepAction[] {
  return participants.map((agencyId) => ({
    kind: 'open',
    ruleId: JOINT_RULE,
    key: agencyId,
    role: roleOf(agencyId),
    owner: { kind: 'agency', agencyId },
    from,
    casePeriod: period,
  }));
}

function list(event: CaseEventSignal, field: string): unknown[] {
  const v = event.payload[field];
  return Array.isArray(v) ? v : [];
}

export function decideJointSupervision(
  model: JointSupervisionModel,
  event: CaseEventSignal,
  ctx?: Pick<StepContext, 'patched'>,
): Decision<JointSupervisionModel> {
  const at = event.occurredAt;
  const agency = event.producerAgencyId;
  switch (event.type) {
    case 'supervision.joint-listed': {
      if (model.listed) return ignore('the case is already listed');
      const participants = [...new Set(list(event, 'participants').filter((x): x is string => typeof x === 'string'))];
      const period = reviewPeriodOf(payloadString(event, 'reviewInterval'));
      const next = { ...model, listed: true, period, participants, round: 1 };
      if (!period || !participants.length) return apply(next);
      return apply(next, ...roundSteps(participants, period, at));
    }
    case 'joint-supervision.progress-reported': {
      if (!model.listed) return defer('waiting for supervision.joint-listed');
      if (!model.participants.includes(agency)) return ignore(`${agency} does not take part`);
      if (event.payload.round !== model.round) return ignore(`not the current round (${model.round})`);
      if (model.reported.includes(agency)) return ignore(`${agency} already reported in round ${model.round}`);
      return apply(
        { ...model, reported: [...model.reported, agency] },
        { kind: 'close', ruleId: JOINT_RULE, key: agency, at },
      );
    }
    case 'supervision.joint-meeting-recorded': {
      if (!model.listed) return defer('waiting for supervision.joint-listed');
      if (event.payload.round !== model.round) return ignore(`not the current round (${model.round})`);
      const decisions: JointDecisionEntry[] = [];
      const actions: StepAction[] = model.participants
        .filter((a) => !model.reported.includes(a))
        .map((a) => ({ kind: 'close', ruleId: JOINT_RULE, key: a, at, outcome: 'moot' }));
      if (model.period) actions.push(...roundSteps(model.participants, model.period, at));
      for (const d of list(event, 'decisions')) {
        const { decisionId, ownerAgencyId, dueAt } = (d ?? {}) as Record<string, unknown>;
        if (typeof decisionId !== 'string' || typeof ownerAgencyId !== 'string' || typeof dueAt !== 'string') continue;
        decisions.push({ decisionId, ownerAgencyId, done: false });
        const due = Date.parse(dueAt);
        const hours = Math.max(1, Math.ceil((due - Date.parse(at)) / MS_PER_HOUR));
        const asGiven = ctx?.patched(JOINT_DUE_AS_GIVEN_PATCH) ?? true;
        actions.push({
          kind: 'open',
          ruleId: JOINT_RULE,
          key: decisionKey(decisionId),
          role: roleOf(ownerAgencyId),
          owner: { kind: 'agency', agencyId: ownerAgencyId },
          from: asGiven ? new Date(due - hours * MS_PER_HOUR).toISOString() : at,
          casePeriod: { unit: 'hours', amount: hours },
        });
      }
      return apply(
        { ...model, round: model.round + 1, reported: [], decisions: [...model.decisions, ...decisions] },
        ...actions,
      );
    }
    case 'joint-supervision.decision-done': {
      const decisionId = payloadString(event, 'decisionId');
      const d = model.decisions.find((x) => x.decisionId === decisionId);
      if (!d) return defer(`waiting for the meeting of decision ${String(decisionId)}`);
      if (d.ownerAgencyId !== agency) return ignore(`decision ${d.decisionId} is not ${agency}'s`);
      if (d.done) return ignore(`decision ${d.decisionId} is already done`);
      return apply(
        { ...model, decisions: model.decisions.map((x) => (x === d ? { ...x, done: true } : x)) },
        { kind: 'close', ruleId: JOINT_RULE, key: decisionKey(d.decisionId), at },
      );
    }
    default:
      return ignore(`not a joint-supervision event: ${event.type}`);
  }
}

export const jointSupervisionDecider: CaseDecider<JointSupervisionModel> = {
  decide: (model, event, ctx) => decideJointSupervision(model, event, ctx),
  // a participant's report that ran out: flagged as behind in this round (the step stays owed until the meeting)
  onMissed: (model, ruleId, _at, _ctx, key) =>
    ruleId === JOINT_RULE && key && model.participants.includes(key)
      ? apply({ ...model, flagged: [...model.flagged, { round: model.round, agencyId: key }] })
      : null,
  isFinished: () => false,
};

export function jointSupervisionOwners(input: { region: string }): Record<AgencyRole, string> {
  return {
    enforcement: `enforcement:${input.region}`,
    police: `police:${input.region}`,
    procuratorate: `procuratorate:${input.region}`,
  };
}
