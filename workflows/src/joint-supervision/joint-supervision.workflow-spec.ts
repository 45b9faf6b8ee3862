/**
 * jointSupervisionWorkflow on Temporal's time-skipping server: each participant owes its progress report of a round
 * (joint-supervision, period set per case: the review interval); the one behind is flagged by deadline.missed; the
 * joint meeting opens the next round and a step per decision owned by its owner, due at the decision's date.
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import {
  DAYS,
  ENFORCEMENT,
  POLICE,
  PROCURATORATE,
  startCaseTestKit,
  type CaseTestKit,
} from '../testing/workflow-test-kit';
import { JointSupervisionDriver } from '../testing/cooperation-drivers';

let kit: CaseTestKit;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv());
});
afterAll(async () => {
  await kit?.close();
});

const RULE = 'joint-supervision';

describe('jointSupervisionWorkflow (联合督办, 联席会议)', () => {
  it('flags the lagging participant at the end of the interval; the meeting opens round 2 and the decision steps', async () => {
    const d = new JointSupervisionDriver(kit);
    const listed = await d.listed([ENFORCEMENT, POLICE, PROCURATORATE], 'P14D');
    const started = await d.published('deadline.started', RULE, 3);
    const expected = kit.engine.compute({
      rule: RULE,
      from: listed.occurredAt,
      casePeriod: { unit: 'days', amount: 14 },
    });
    expect(started.map((e) => e.payload.stepId)).toEqual(
      [ENFORCEMENT, POLICE, PROCURATORATE].map((a) => `${d.linkedCaseId}/${RULE}@${a}`),
    );
    expect(started.map((e) => e.payload.dueAt)).toEqual(Array(3).fill(expected.dueAt));

    await kit.env.sleep(DAYS(3));
    await d.reported(POLICE, 1);
    await d.reported(PROCURATORATE, 1);
    await d.reported(POLICE, 1);
    const closed = await d.published('deadline.closed', RULE, 2);
    expect(closed.map((e) => [e.payload.stepKey, e.payload.outcome])).toEqual([
      [POLICE, 'met'],
      [PROCURATORATE, 'met'],
    ]);

    await kit.env.sleep(DAYS(15));
    const [missed] = await d.published('deadline.missed', RULE);
    expect(missed!.payload).toMatchObject({ stepKey: ENFORCEMENT, owingAgencyId: ENFORCEMENT });
    expect(String(missed!.payload.onExpiry)).toContain('flagged');
    expect(await d.state()).toMatchObject({ round: 1, flagged: [{ round: 1, agencyId: ENFORCEMENT }] });

    const now = await kit.now();
    const dueAt = new Date(now + DAYS(10)).toISOString();
    const [decisionId] = await d.meeting(1, [{ ownerAgencyId: POLICE, dueAt }]);
    const state = await d.state();
    expect(state.round).toBe(2);
    expect(state.openSteps.map((s) => s.stepId).sort()).toEqual(
      [
        ...[ENFORCEMENT, POLICE, PROCURATORATE].map((a) => `${d.linkedCaseId}/${RULE}@${a}#2`),
        `${d.linkedCaseId}/${RULE}@decision:${decisionId}`,
      ].sort(),
    );
    const decision = state.openSteps.find((s) => s.stepKey === `decision:${decisionId}`)!;
    expect(decision).toMatchObject({ owingAgencyId: POLICE, owner: { kind: 'agency', agencyId: POLICE } });
    expect(Date.parse(decision.dueAt!)).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(state.closedSteps.find((s) => s.stepKey === ENFORCEMENT)).toMatchObject({
      outcome: 'moot',
      wasMissed: true,
    });

    await d.decisionDone(decisionId!, POLICE);
    const after = await d.state();
    expect(after.closedSteps.find((s) => s.stepKey === `decision:${decisionId}`)).toMatchObject({ outcome: 'met' });
    expect(after.rejections).toEqual([]);
  });
});
