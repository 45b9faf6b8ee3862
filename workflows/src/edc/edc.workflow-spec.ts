/**
 * edcConsultationWorkflow on Temporal's time-skipping server: edc.consultation started, warned and missed
 * for the claimant agency when time is skipped; agreed and failed paths; a fourth meeting is not recorded.
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { EdcDriver } from '../testing/pil-drivers';
import { ENFORCEMENT, HOURS, startCaseTestKit, type CaseTestKit } from '../testing/workflow-test-kit';

let kit: CaseTestKit;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv());
});
afterAll(async () => {
  await kit?.close();
});

describe('edcConsultationWorkflow (edc.consultation)', () => {
  it('meetings then an agreement: met, finished', async () => {
    const d = new EdcDriver(kit);
    const opened = await d.opened();
    const [started] = await d.published('deadline.started', 'edc.consultation');
    expect(started!.payload).toMatchObject({
      owingAgencyId: ENFORCEMENT,
      stepId: `${d.edcCaseId}/edc.consultation`,
      dueAt: kit.engine.compute({ rule: 'edc.consultation', from: opened.occurredAt }).dueAt,
    });
    await d.meeting(1);
    await d.meeting(2);
    await d.agreed();
    expect(await d.state()).toMatchObject({
      phase: 'agreed',
      finished: true,
      meetings: [1, 2],
      closedSteps: [expect.objectContaining({ ruleId: 'edc.consultation', outcome: 'met' })],
    });
  });

  it('three meetings, a fourth is not recorded; the consultation runs out (time skipped) for the claimant agency, then fails', async () => {
    const d = new EdcDriver(kit);
    await d.opened();
    const [started] = await d.published('deadline.started', 'edc.consultation');
    for (const round of [1, 2, 3]) await d.meeting(round);
    const fourth = await d.deliver('edc.meeting-held', { edcCaseId: d.edcCaseId, round: 3, minutes: 'again' });
    const state = await d.state();
    expect(state.meetings).toEqual([1, 2, 3]);
    expect(state.events.find((e) => e.eventId === fourth.eventId)?.disposition).toBe('ignored');
    const now = await kit.now();
    await kit.env.sleep(Date.parse(String(started!.payload.dueAt)) + HOURS(1) - now);
    const [warning] = await d.published('deadline.warning', 'edc.consultation');
    expect(warning!.payload).toMatchObject({ owingAgencyId: ENFORCEMENT });
    const [missed] = await d.published('deadline.missed', 'edc.consultation');
    expect(missed!.payload).toMatchObject({ owingAgencyId: ENFORCEMENT });
    await d.failed();
    expect(await d.state()).toMatchObject({
      phase: 'failed',
      finished: true,
      closedSteps: [expect.objectContaining({ ruleId: 'edc.consultation', outcome: 'late', wasMissed: true })],
    });
  });
});
