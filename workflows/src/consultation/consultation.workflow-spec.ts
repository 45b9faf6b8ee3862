/**
 * caseConsultationWorkflow on Temporal's time-skipping server: the consultations of one case run side by side,
 * each a keyed step of consultation.written-reply (7 days, E17 art 24) owed by the consulted agency.
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { DAYS, POLICE, PROCURATORATE, startCaseTestKit, type CaseTestKit } from '../testing/workflow-test-kit';
import { ConsultationDriver } from '../testing/cooperation-drivers';

let kit: CaseTestKit;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv());
});
afterAll(async () => {
  await kit?.close();
});

const RULE = 'consultation.written-reply';

describe('caseConsultationWorkflow (双向案件咨询)', () => {
  it('two questions at once: one answered in time (met), the other overdue (warning, missed)', async () => {
    const d = new ConsultationDriver(kit);
    const answered = await d.asked(POLICE);
    const overdue = await d.asked(PROCURATORATE);
    const started = await d.published('deadline.started', RULE, 2);
    expect(started.map((e) => e.payload.stepId)).toEqual([
      `${d.linkedCaseId}/${RULE}@${answered}`,
      `${d.linkedCaseId}/${RULE}@${overdue}`,
    ]);
    expect(started.map((e) => e.payload.owingAgencyId)).toEqual([POLICE, PROCURATORATE]);

    await kit.env.sleep(DAYS(2));
    await d.replied(answered, POLICE);
    const [closed] = await d.published('deadline.closed', RULE);
    expect(closed!.payload).toMatchObject({ stepKey: answered, outcome: 'met' });

    await kit.env.sleep(DAYS(8));
    const [warning] = await d.published('deadline.warning', RULE);
    const [missed] = await d.published('deadline.missed', RULE);
    expect(warning!.payload).toMatchObject({ stepKey: overdue });
    expect(missed!.payload).toMatchObject({ stepKey: overdue, owingAgencyId: PROCURATORATE });
    const s = await d.state();
    expect(s.consultations.map((c) => [c.consultationId, c.repliedAt !== null])).toEqual([
      [answered, true],
      [overdue, false],
    ]);
    expect(s.openSteps).toEqual([expect.objectContaining({ stepKey: overdue, status: 'overdue' })]);
  });

  it('a reply from the wrong agency changes nothing; a later question joins the running workflow', async () => {
    const d = new ConsultationDriver(kit);
    const q = await d.asked(POLICE);
    await d.replied(q, PROCURATORATE);
    const again = await d.asked(POLICE);
    const s = await d.state();
    expect(s.events.map((e) => e.disposition)).toEqual(['applied', 'ignored', 'applied']);
    expect(s.openSteps.map((x) => x.stepKey)).toEqual([q, again]);
  });
});
