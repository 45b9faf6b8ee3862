/**
 * penaltyPeriodWorkflow on Temporal's time-skipping server: penalty.decision-period (90 days from 立案,
 * APL art 60) held like every other statutory clock, suspended while the case is with the police and
 * resumed when it comes back (E17 art 16), with its deadline events for enforcement's inbox and the supervisors.
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { DAYS, ENFORCEMENT, PenaltyDriver, startCaseTestKit, type CaseTestKit } from '../testing/workflow-test-kit';

let kit: CaseTestKit;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv());
});
afterAll(async () => {
  await kit?.close();
});

async function sleepUntil(ms: number): Promise<void> {
  const now = await kit.now();
  if (ms > now) await kit.env.sleep(ms - now);
}

describe('penaltyPeriodWorkflow (penalty.decision-period)', () => {
  it('starts on case.registered, stops while with the police, and its due date moves by the time it stood still; then runs out', async () => {
    const d = new PenaltyDriver(kit);
    const registered = await d.registered();
    const [started] = await d.published('deadline.started', 'penalty.decision-period');
    const expected = kit.engine.compute({ rule: 'penalty.decision-period', from: registered.occurredAt });
    expect(started!.payload).toMatchObject({
      owingAgencyId: ENFORCEMENT,
      dueAt: expected.dueAt,
      stepId: `${d.caseId}/penalty.decision-period`,
    });
    expect((await d.state()).openSteps.map((s) => s.ruleId)).toEqual(['penalty.decision-period']);

    // sent to the police on day 10, back on day 40 (returned for an administrative penalty)
    await sleepUntil(Date.parse(registered.occurredAt) + DAYS(10));
    await d.clock('suspended');
    const [suspended] = await d.published('deadline.closed', 'penalty.decision-period');
    expect(suspended!.payload).toMatchObject({ outcome: 'suspended' });
    expect(await d.state()).toMatchObject({
      phase: 'suspended',
      openSteps: [expect.objectContaining({ status: 'suspended' })],
    });
    await sleepUntil(Date.parse(registered.occurredAt) + DAYS(40));
    expect(kit.sink.of(d.caseId, { type: 'deadline.missed' })).toEqual([]);
    await d.clock('running');
    const resumed = (await d.published('deadline.started', 'penalty.decision-period', 2))[1]!;
    const moved = Date.parse(String(resumed.payload.dueAt)) - Date.parse(expected.dueAt);
    // 30 days stood still (counted in whole days, so within a day of it)
    expect(moved).toBeGreaterThanOrEqual(DAYS(29));
    expect(moved).toBeLessThanOrEqual(DAYS(31));

    await sleepUntil(Date.parse(String(resumed.payload.dueAt)) + 1000);
    const [missed] = await d.published('deadline.missed', 'penalty.decision-period');
    expect(missed!.payload).toMatchObject({ owingAgencyId: ENFORCEMENT, dueAt: resumed.payload.dueAt });
  });

  it('a second registration or a repeated clock change changes nothing', async () => {
    const d = new PenaltyDriver(kit);
    await d.registered();
    await d.clock('suspended');
    await d.clock('suspended');
    const state = await d.state();
    expect(state.events.map((e) => e.disposition)).toEqual(['applied', 'applied', 'ignored']);
    expect(state.rejections).toEqual([]);
  });
});
