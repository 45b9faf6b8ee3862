/**
 * prosecutionWorkflow on Temporal's time-skipping server (one environment, one worker for the file).
 * Test names cite the rule ids of deadlines.md "Prosecution".
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import {
  COURT,
  HOURS,
  POLICE,
  PROCURATORATE,
  ProsecutionDriver,
  eventually,
  startCaseTestKit,
  type CaseTestKit,
} from '../testing/workflow-test-kit';
import type { ProsecutionStateView } from './prosecution.contracts';

// Workflows left running are not terminated (see case-transfer.workflow-spec.ts).
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

function order(eventId: string): number {
  return kit.sink.envelopes.findIndex((e) => e.eventId === eventId);
}

function closed(state: ProsecutionStateView): Array<[string, string, string]> {
  return state.closedSteps.map((s) => [s.stepId.split('/')[1]!, s.owingAgencyId, s.outcome]);
}

async function finished(d: ProsecutionDriver): Promise<ProsecutionStateView> {
  return eventually(async () => {
    const s = await d.state();
    return s.finished ? s : undefined;
  }, 'prosecution finished');
}

describe('prosecutionWorkflow', () => {
  it('prosecution.review → one supplementary-investigation round → prosecution.review#2 → indicted (court named)', async () => {
    const d = new ProsecutionDriver(kit);
    const t = await d.transferred();
    const [started] = await d.published('deadline.started', 'prosecution.review');
    const expected = kit.engine.compute({ rule: 'prosecution.review', from: t.occurredAt });
    expect(started!.payload).toMatchObject({
      stepId: `${d.prosecutionId}/prosecution.review`,
      owingAgencyId: PROCURATORATE,
      dueAt: expected.dueAt,
    });
    await d.returned(1);
    expect((await d.state()).openSteps.map((s) => [s.stepId, s.owingAgencyId])).toEqual([
      [`${d.prosecutionId}/prosecution.supplementary-investigation`, POLICE],
    ]);
    await d.resubmitted(1);
    expect((await d.state()).openSteps.map((s) => s.stepId)).toEqual([`${d.prosecutionId}/prosecution.review#2`]);
    await d.decided('indicted');
    const state = await finished(d);
    expect(state).toMatchObject({ outcome: 'indicted', courtAgencyId: COURT, rounds: 1 });
    expect(closed(state)).toEqual([
      ['prosecution.review', PROCURATORATE, 'met'],
      ['prosecution.supplementary-investigation', POLICE, 'met'],
      ['prosecution.review#2', PROCURATORATE, 'met'],
    ]);
  });

  it('prosecution.supplementary-investigation: two rounds (#2 its own step); a third return changes nothing', async () => {
    const d = new ProsecutionDriver(kit);
    await d.transferred();
    await d.returned(1);
    await d.resubmitted(1);
    await d.returned(2);
    expect((await d.state()).openSteps.map((s) => s.stepId)).toEqual([
      `${d.prosecutionId}/prosecution.supplementary-investigation#2`,
    ]);
    await d.resubmitted(2);
    await d.returned(3).catch(() => undefined); // not contract-valid (round ≤ 2): refused before the workflow
    const s = await d.state();
    expect(s).toMatchObject({ phase: 'under-review', rounds: 2 });
    expect(s.openSteps.map((x) => x.stepId)).toEqual([`${d.prosecutionId}/prosecution.review#3`]);
  });

  it('prosecution.review: warning, then missed after 1 month (procuratorate owes it)', async () => {
    const d = new ProsecutionDriver(kit);
    const t = await d.transferred();
    const expected = kit.engine.compute({ rule: 'prosecution.review', from: t.occurredAt });
    await sleepUntil(expected.dueAtEpochMs - HOURS(25));
    expect(kit.sink.of(d.prosecutionId, { type: 'deadline.warning' })).toEqual([]);
    await sleepUntil(expected.dueAtEpochMs + 60_000);
    const [warning] = await d.published('deadline.warning', 'prosecution.review');
    const [missed] = await d.published('deadline.missed', 'prosecution.review');
    expect(missed!.payload).toMatchObject({
      stepId: `${d.prosecutionId}/prosecution.review`,
      ruleId: 'prosecution.review',
      owingAgencyId: PROCURATORATE,
      dueAt: expected.dueAt,
    });
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    expect((await d.state()).openSteps[0]).toMatchObject({ status: 'overdue' });
  });

  it('prosecution.review extended (major/complex): due 1 month + 15 days from the transfer, not missed at 1 month', async () => {
    const d = new ProsecutionDriver(kit);
    const t = await d.transferred();
    await d.extended();
    const standard = kit.engine.compute({ rule: 'prosecution.review', from: t.occurredAt });
    const extended = kit.engine.compute({ rule: 'prosecution.review', from: t.occurredAt, variant: 'extended' });
    expect((await d.state()).openSteps[0]).toMatchObject({ variant: 'extended', dueAt: extended.dueAt });
    await sleepUntil(standard.dueAtEpochMs + HOURS(1));
    expect(kit.sink.of(d.prosecutionId, { type: 'deadline.missed' })).toEqual([]);
    await sleepUntil(extended.dueAtEpochMs + 60_000);
    const [missed] = await d.published('deadline.missed', 'prosecution.review');
    expect(missed!.payload).toMatchObject({ variant: 'extended', dueAt: extended.dueAt });
  });

  it('prosecution.supplementary-investigation: missed after 1 month, owed by the police', async () => {
    const d = new ProsecutionDriver(kit);
    await d.transferred();
    const r = await d.returned(1);
    const expected = kit.engine.compute({ rule: 'prosecution.supplementary-investigation', from: r.occurredAt });
    await sleepUntil(expected.dueAtEpochMs + 60_000);
    await d.published('deadline.warning', 'prosecution.supplementary-investigation');
    const [missed] = await d.published('deadline.missed', 'prosecution.supplementary-investigation');
    expect(missed!.payload).toMatchObject({ owingAgencyId: POLICE, dueAt: expected.dueAt });
    await d.resubmitted(1);
    const s = await d.state();
    expect(closed(s)).toContainEqual(['prosecution.supplementary-investigation', POLICE, 'late']);
  });

  it('not prosecuted → prosecution.nonprosecution-notice met by the notification; the path ends', async () => {
    const d = new ProsecutionDriver(kit);
    await d.transferred();
    const decided = await d.decided('not-prosecuted');
    const [started] = await d.published('deadline.started', 'prosecution.nonprosecution-notice');
    const expected = kit.engine.compute({ rule: 'prosecution.nonprosecution-notice', from: decided.occurredAt });
    expect(started!.payload).toMatchObject({ owingAgencyId: PROCURATORATE, dueAt: expected.dueAt });
    await d.notified();
    const state = await finished(d);
    expect(state.outcome).toBe('enforcement-notified');
    expect(closed(state)).toEqual([
      ['prosecution.review', PROCURATORATE, 'met'],
      ['prosecution.nonprosecution-notice', PROCURATORATE, 'met'],
    ]);
  });

  it('prosecution.nonprosecution-notice: warning, then missed after 3 days', async () => {
    const d = new ProsecutionDriver(kit);
    await d.transferred();
    const decided = await d.decided('not-prosecuted');
    const expected = kit.engine.compute({ rule: 'prosecution.nonprosecution-notice', from: decided.occurredAt });
    await sleepUntil(expected.dueAtEpochMs + 60_000);
    const [warning] = await d.published('deadline.warning', 'prosecution.nonprosecution-notice');
    const [missed] = await d.published('deadline.missed', 'prosecution.nonprosecution-notice');
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    expect(missed!.payload).toMatchObject({ owingAgencyId: PROCURATORATE, dueAt: expected.dueAt });
    await d.notified();
    expect(closed(await finished(d))).toContainEqual(['prosecution.nonprosecution-notice', PROCURATORATE, 'late']);
  });
});
