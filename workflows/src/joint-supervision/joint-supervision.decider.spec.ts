import { createDeadlineEngine } from '@casebridge/legal-time';
import { Harness, ev } from '../testing/decider-harness';
import {
  decisionKey,
  initialJointSupervisionModel,
  JOINT_DUE_AS_GIVEN_PATCH,
  JOINT_RULE,
  jointSupervisionDecider,
  jointSupervisionOwners,
  reviewPeriodOf,
  type JointSupervisionModel,
} from './joint-supervision.decider';

const ENF = 'enforcement:210100';
const POLICE = 'police:210100';
const PROC = 'procuratorate:210100';
const SUP = 'supervision:000000';
const D1 = '0190f7a2-0000-7000-8000-0000000000d1';
const ctx = { isOpen: () => true, patched: () => true };

/** Whole hours from `at` to the meeting's decision due (2025-10-10 17:00 +08:00), at least 1. */
const hoursTo = (at: string) =>
  Math.max(1, Math.ceil((Date.parse('2025-10-10T17:00:00+08:00') - Date.parse(at)) / 3_600_000));

const joint = () => new Harness<JointSupervisionModel>(jointSupervisionDecider, initialJointSupervisionModel());
const listed = (participants = [ENF, POLICE, PROC], reviewInterval = 'P14D') =>
  ev('supervision.joint-listed', { reviewInterval, reason: '重大案件', participants }, SUP);
const report = (by: string, round = 1) => ev('joint-supervision.progress-reported', { round, progress: '进展' }, by);
const meeting = (round = 1) =>
  ev(
    'supervision.joint-meeting-recorded',
    {
      round,
      minutes: '纪要',
      decisions: [{ decisionId: D1, text: '补充鉴定', ownerAgencyId: POLICE, dueAt: '2025-10-10T17:00:00+08:00' }],
    },
    SUP,
  );

describe('joint supervision decider (联合督办, joint-supervision; E17 arts 29, 31)', () => {
  it('the listing opens one keyed step per participant, due at the end of the review interval', () => {
    const h = joint();
    const e = listed();
    h.when(e);
    expect(h.actions).toEqual(
      [ENF, POLICE, PROC].map((agencyId) => ({
        kind: 'open',
        ruleId: JOINT_RULE,
        key: agencyId,
        role: agencyId.split(':')[0],
        owner: { kind: 'agency', agencyId },
        from: e.occurredAt,
        casePeriod: { unit: 'days', amount: 14 },
      })),
    );
    expect(h.when(listed())).toMatchObject({ kind: 'ignore' });
  });

  it('a listing without participants (v1) or with an unknown interval opens nothing', () => {
    const h = joint();
    h.when(listed([]));
    expect(h.actions).toEqual([]);
    const k = joint();
    k.when(listed([POLICE], 'P0D'));
    expect(k.actions).toEqual([]);
  });

  it("a participant's report closes its step once; a stranger's, a repeat or another round's changes nothing", () => {
    const h = joint().given(listed());
    const r = report(POLICE);
    h.when(r);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: JOINT_RULE, key: POLICE, at: r.occurredAt }]);
    expect(h.when(report(POLICE))).toMatchObject({ kind: 'ignore' });
    expect(h.when(report('police:210200'))).toMatchObject({ kind: 'ignore' });
    expect(h.when(report(PROC, 2))).toMatchObject({ kind: 'ignore' });
    expect(joint().when(report(POLICE))).toMatchObject({ kind: 'defer' });
  });

  it('a missed report flags the participant in its round; anything else missed decides nothing', () => {
    const h = joint().given(listed());
    const flagged = jointSupervisionDecider.onMissed(h.model, JOINT_RULE, '', ctx, ENF);
    expect(flagged).toMatchObject({ kind: 'apply', model: { flagged: [{ round: 1, agencyId: ENF }] } });
    expect(jointSupervisionDecider.onMissed(h.model, JOINT_RULE, '', ctx, decisionKey(D1))).toBeNull();
    expect(jointSupervisionDecider.isFinished(h.model)).toBe(false);
  });

  it('the joint meeting closes the round (unreported moot), opens the next and a step per decision owned by its owner', () => {
    const h = joint().given(listed(), report(POLICE));
    const m = meeting();
    h.when(m);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: JOINT_RULE, key: ENF, at: m.occurredAt, outcome: 'moot' },
      { kind: 'close', ruleId: JOINT_RULE, key: PROC, at: m.occurredAt, outcome: 'moot' },
      ...[ENF, POLICE, PROC].map((agencyId) =>
        expect.objectContaining({ kind: 'open', key: agencyId, from: m.occurredAt }),
      ),
      {
        kind: 'open',
        ruleId: JOINT_RULE,
        key: decisionKey(D1),
        role: 'police',
        owner: { kind: 'agency', agencyId: POLICE },
        from: new Date(Date.parse('2025-10-10T17:00:00+08:00') - hoursTo(m.occurredAt) * 3_600_000).toISOString(),
        casePeriod: { unit: 'hours', amount: hoursTo(m.occurredAt) },
      },
    ]);
    expect(h.model).toMatchObject({ round: 2, reported: [] });
    expect(h.when(meeting(1))).toMatchObject({ kind: 'ignore' });
    expect(h.when(ev('joint-supervision.decision-done', { decisionId: D1, note: 'x' }, PROC))).toMatchObject({
      kind: 'ignore',
    });
    const done = ev('joint-supervision.decision-done', { decisionId: D1, note: '已完成' }, POLICE);
    h.when(done);
    expect(h.actions.at(-1)).toEqual({ kind: 'close', ruleId: JOINT_RULE, key: decisionKey(D1), at: done.occurredAt });
    expect(h.when(done)).toMatchObject({ kind: 'ignore' });
  });

  it('intervals, early acts and owners', () => {
    expect([reviewPeriodOf('P2W'), reviewPeriodOf('P1M'), reviewPeriodOf(undefined)]).toEqual([
      { unit: 'days', amount: 14 },
      { unit: 'months', amount: 1 },
      null,
    ]);
    expect(joint().when(meeting())).toMatchObject({ kind: 'defer' });
    expect(joint().when(ev('joint-supervision.decision-done', { decisionId: D1 }, POLICE))).toMatchObject({
      kind: 'defer',
    });
    expect(joint().when(ev('transfer.sent', {}))).toMatchObject({ kind: 'ignore' });
    expect(jointSupervisionOwners({ region: '210100' })).toEqual({
      enforcement: ENF,
      police: POLICE,
      procuratorate: PROC,
    });
  });

  it('a decision is due at the instant the meeting gave (17:00 stays 17:00), counted in whole hours back from it', () => {
    const m = { ...meeting(), occurredAt: '2025-10-08T02:23:41.000Z' };
    const h = joint().given(listed());
    h.when(m);
    const step = h.actions.find((a) => a.kind === 'open' && a.key === decisionKey(D1)) as {
      from: string;
      casePeriod: { unit: string; amount: number };
    };
    // legal-time counts an hour period from the next whole hour: the start lies on the hour, so the end is the due
    const dueOf = (from: string, amount: number) =>
      new Date(
        createDeadlineEngine().compute({
          rule: JOINT_RULE,
          from,
          casePeriod: { unit: 'hours', amount },
        }).dueAtEpochMs,
      ).toISOString();
    expect(dueOf(step.from, step.casePeriod.amount)).toBe('2025-10-10T09:00:00.000Z');
    expect(Date.parse(step.from)).toBeLessThanOrEqual(Date.parse(m.occurredAt));
    expect(Date.parse(m.occurredAt) - Date.parse(step.from)).toBeLessThan(3_600_000);
    // a run recorded before the change keeps its old start (replay): counted from the meeting itself
    const old = joint().given(listed());
    old.unpatched.add(JOINT_DUE_AS_GIVEN_PATCH);
    old.when(m);
    expect(old.actions.find((a) => a.kind === 'open' && a.key === decisionKey(D1))).toMatchObject({
      from: m.occurredAt,
      casePeriod: { unit: 'hours', amount: 55 },
    });
    expect(dueOf(m.occurredAt, 55)).toBe('2025-10-10T10:00:00.000Z'); // what it was: 18:00 for 17:00
  });
});
