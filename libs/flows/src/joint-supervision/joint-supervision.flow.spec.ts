import {
  decisionKey,
  evolveJointSupervision,
  jointParties,
  laggingIn,
  reviewPeriod,
  type JointSupervisionEvent,
  type JointSupervisionView,
} from './joint-supervision.flow';

const ENF = 'enforcement:210100';
const POLICE = 'police:210100';
const PROC = 'procuratorate:210100';
const D1 = '0190f7a2-0000-7000-8000-0000000000d1';

const ev = <T extends JointSupervisionEvent['type']>(
  type: T,
  payload: Extract<JointSupervisionEvent, { type: T }>['payload'],
  by = 'supervision:000000',
  occurredAt = '2025-09-22T09:00:00+08:00',
) => ({ type, payload, producer: { agencyId: by }, occurredAt }) as JointSupervisionEvent;

const listed = ev('supervision.joint-listed', {
  reviewInterval: 'P2W',
  reason: '重大案件',
  participants: [ENF, POLICE, PROC],
});
const report = (by: string, round = 1) =>
  ev('joint-supervision.progress-reported', { round, progress: '已完成取证' }, by);
const meeting = ev('supervision.joint-meeting-recorded', {
  round: 1,
  minutes: '联席会议纪要',
  decisions: [{ decisionId: D1, text: '公安机关补充鉴定', ownerAgencyId: POLICE, dueAt: '2025-10-10T17:00:00+08:00' }],
});
const fold = (...events: JointSupervisionEvent[]) =>
  events.reduce<JointSupervisionView | null>((v, e) => evolveJointSupervision(v, e), null);

describe('joint supervision flow (联合督办, 联席会议)', () => {
  it('given a listing, round 1 is owed by every participant; who has not reported is behind', () => {
    const v = fold(listed, report(POLICE))!;
    expect(v.round).toBe(1);
    expect(laggingIn(v, 1)).toEqual([ENF, PROC]);
    expect(fold(listed, report(POLICE), report(POLICE))).toEqual(v);
    expect(fold(listed, report('police:210200'))!.rounds[0]!.reports).toEqual({});
    expect(fold(listed, report(POLICE, 2))!.rounds[0]!.reports).toEqual({});
  });

  it('when the joint meeting is recorded, then its decisions have owners and due dates and round 2 opens', () => {
    const v = fold(listed, report(POLICE), meeting)!;
    expect(v.round).toBe(2);
    expect(v.rounds.map((r) => [r.round, r.meeting?.minutes ?? null])).toEqual([
      [1, '联席会议纪要'],
      [2, null],
    ]);
    expect(v.decisions).toEqual([expect.objectContaining({ decisionId: D1, ownerAgencyId: POLICE, doneAt: null })]);
    expect(jointParties(v)).toEqual([ENF, POLICE, PROC]);
    const done = evolveJointSupervision(
      v,
      ev('joint-supervision.decision-done', { decisionId: D1, note: '已完成' }, POLICE),
    );
    expect(done!.decisions[0]!.doneAt).not.toBeNull();
    expect(evolveJointSupervision(v, ev('joint-supervision.decision-done', { decisionId: D1, note: 'x' }, PROC))).toBe(
      v,
    );
    expect(evolveJointSupervision(v, meeting)).toBe(v);
  });

  it('review intervals and decision keys', () => {
    expect([reviewPeriod('P14D'), reviewPeriod('P2W'), reviewPeriod('P1M'), reviewPeriod('P0D')]).toEqual([
      { unit: 'days', amount: 14 },
      { unit: 'days', amount: 14 },
      { unit: 'months', amount: 1 },
      null,
    ]);
    expect(decisionKey(D1)).toBe(`decision:${D1}`);
    expect(evolveJointSupervision(null, report(POLICE))).toBeNull();
  });
});
