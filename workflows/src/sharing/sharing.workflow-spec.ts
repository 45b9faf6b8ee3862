/**
 * sharingWorkflow on Temporal's time-skipping server: sharing.platform-entry (E17 art 34), 7 days from each decision,
 * one step per decision (`<linkedCaseId>/sharing.platform-entry@<decisionId>`).
 */
import { v7 as uuidv7 } from 'uuid';
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import {
  DAYS,
  eventually,
  HOURS,
  POLICE,
  PROCURATORATE,
  ProsecutionDriver,
  SharingDriver,
  startCaseTestKit,
  type CaseTestKit,
} from '../testing/workflow-test-kit';

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

describe('sharingWorkflow (sharing.platform-entry)', () => {
  it('one decision entered in time (met), another never entered: warning, then missed 7 days after the decision', async () => {
    const d = new SharingDriver(kit);
    const decidedAt = new Date(await kit.now()).toISOString();
    const entered = uuidv7();
    const forgotten = uuidv7();
    await d.recorded(entered, decidedAt);
    await d.recorded(forgotten, decidedAt);
    const started = await d.published('deadline.started', 'sharing.platform-entry', 2);
    const expected = kit.engine.compute({ rule: 'sharing.platform-entry', from: decidedAt });
    expect(started.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stepId: `${d.linkedCaseId}/sharing.platform-entry@${entered}`,
          stepKey: entered,
          owingAgencyId: PROCURATORATE,
          dueAt: expected.dueAt,
        }),
        expect.objectContaining({ stepId: `${d.linkedCaseId}/sharing.platform-entry@${forgotten}` }),
      ]),
    );

    await sleepUntil(Date.parse(decidedAt) + DAYS(2));
    await d.shared(entered, decidedAt);
    const [closed] = await d.published('deadline.closed', 'sharing.platform-entry');
    expect(closed!.payload).toMatchObject({ stepKey: entered, outcome: 'met' });

    await sleepUntil(expected.dueAtEpochMs + HOURS(1));
    const [missed] = await d.published('deadline.missed', 'sharing.platform-entry');
    expect(missed!.payload).toMatchObject({
      stepId: `${d.linkedCaseId}/sharing.platform-entry@${forgotten}`,
      owingAgencyId: PROCURATORATE,
      dueAt: expected.dueAt,
    });
    // warned once: the entered decision was closed before its warning
    expect(
      kit.sink
        .of(d.linkedCaseId, { type: 'deadline.warning', ruleId: 'sharing.platform-entry' })
        .map((e) => e.payload.stepKey),
    ).toEqual([forgotten]);
    const state = await d.state();
    expect(state.decisions.find((x) => x.decisionId === entered)).toMatchObject({ sharedWith: [POLICE] });
    expect(state.decisions.find((x) => x.decisionId === forgotten)).toMatchObject({ enteredAt: null });
    expect(state.missedSteps).toEqual([`${d.linkedCaseId}/sharing.platform-entry@${forgotten}`]);

    // entered late after all: closed late
    await d.shared(forgotten, decidedAt);
    const closedLate = await d.published('deadline.closed', 'sharing.platform-entry', 2);
    expect(closedLate.map((e) => e.payload.outcome)).toEqual(['met', 'late']);
  });

  it('a non-prosecution the system knows is entered automatically: its step is met at once', async () => {
    const p = new ProsecutionDriver(kit);
    await p.transferred();
    const decided = await p.decided('not-prosecuted');
    const d = new SharingDriver(kit, p.linkedCaseId);
    const [closed] = await d.published('deadline.closed', 'sharing.platform-entry');
    expect(closed!.payload).toMatchObject({ stepKey: decided.eventId, outcome: 'met' });
    const state = await eventually(async () => {
      const s = await d.state();
      return s.decisions.length ? s : undefined;
    }, 'the shared record');
    expect(state.decisions).toEqual([
      expect.objectContaining({ decisionKind: 'non-prosecution', automatic: true, enteredAt: decided.occurredAt }),
    ]);
    expect(state.openSteps).toEqual([]);
  });
});
