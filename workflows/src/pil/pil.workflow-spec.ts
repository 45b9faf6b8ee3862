/**
 * pilCaseWorkflow on Temporal's time-skipping server: every rule id of deadlines.md "Public-interest
 * litigation" started, warned and missed when time is skipped, each owed by its party (the respondent agency,
 * the procuratorate, the eligible organisations the procuratorate follows), and the paths to their end.
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { PilDriver } from '../testing/pil-drivers';
import { ENFORCEMENT, HOURS, PROCURATORATE, startCaseTestKit, type CaseTestKit } from '../testing/workflow-test-kit';

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

/** Skips to just after the due instant of a published deadline.started. */
async function pastDue(started: { payload: Record<string, unknown> }): Promise<void> {
  await sleepUntil(Date.parse(String(started.payload.dueAt)) + HOURS(1));
}

describe('pilCaseWorkflow: administrative PIL', () => {
  it('the agency corrects in time: reply met, the procuratorate closes and serves the closing decision (keyed step): finished', async () => {
    const d = new PilDriver(kit);
    await d.opened();
    await d.investigated();
    const served = await d.served('urgent');
    const [reply] = await d.published('deadline.started', 'pil.agency-reply');
    expect(reply!.payload).toMatchObject({
      owingAgencyId: ENFORCEMENT,
      owner: { kind: 'agency', agencyId: ENFORCEMENT },
      variant: 'urgent',
      dueAt: kit.engine.compute({ rule: 'pil.agency-reply', variant: 'urgent', from: served.occurredAt }).dueAt,
    });
    const [filing] = await d.published('deadline.started', 'pil.recommendation-filing');
    expect(filing!.payload).toMatchObject({ owingAgencyId: PROCURATORATE });
    await d.filedUpward();
    await d.actionRecorded();
    await d.replied('corrected');
    await d.closingDecided();
    const [, notice] = await d.published('deadline.started', 'pil.admin-suit-decision', 2);
    expect(notice!.payload).toMatchObject({
      stepId: `${d.pilCaseId}/pil.admin-suit-decision@closing-notice`,
      variant: 'closing-notice',
      owingAgencyId: PROCURATORATE,
    });
    await d.closingServed();
    const state = await d.state();
    expect(state).toMatchObject({ phase: 'closed', outcome: 'closed', finished: true, openSteps: [] });
    expect(state.closedSteps.map((s) => `${s.ruleId}${s.stepKey ? `@${s.stepKey}` : ''} ${s.outcome}`).sort()).toEqual([
      'pil.admin-suit-decision met',
      'pil.admin-suit-decision@closing-notice met',
      'pil.agency-reply met',
      'pil.recommendation-filing met',
    ]);
  });

  it('no reply (time skipped): pil.agency-reply warned and missed for the agency, the filing upward missed for the procuratorate; the suit decision runs and the suit ends it', async () => {
    const d = new PilDriver(kit);
    await d.opened();
    await d.served('standard');
    const [filing] = await d.published('deadline.started', 'pil.recommendation-filing');
    await pastDue(filing!);
    const [filingMissed] = await d.published('deadline.missed', 'pil.recommendation-filing');
    expect(filingMissed!.payload).toMatchObject({ owingAgencyId: PROCURATORATE });
    const [reply] = await d.published('deadline.started', 'pil.agency-reply');
    await pastDue(reply!);
    const [warning] = await d.published('deadline.warning', 'pil.agency-reply');
    expect(warning!.payload).toMatchObject({ owingAgencyId: ENFORCEMENT });
    const [missed] = await d.published('deadline.missed', 'pil.agency-reply');
    expect(missed!.payload).toMatchObject({
      owingAgencyId: ENFORCEMENT,
      owner: { kind: 'agency', agencyId: ENFORCEMENT },
    });
    const [decision] = await d.published('deadline.started', 'pil.admin-suit-decision');
    expect(decision!.payload).toMatchObject({ owingAgencyId: PROCURATORATE, variant: 'standard' });
    expect((await d.state()).phase).toBe('reply-overdue');
    await pastDue(decision!);
    await d.published('deadline.warning', 'pil.admin-suit-decision');
    await d.published('deadline.missed', 'pil.admin-suit-decision');
    await d.sued();
    expect(await d.state()).toMatchObject({ phase: 'sued', outcome: 'sued', finished: true, openSteps: [] });
  });
});

describe('pilCaseWorkflow: civil PIL', () => {
  it('nobody comes forward in 30 days (time skipped): the announcement ends (owed by the organisations, followed by the procuratorate), the suit decision runs out, the procuratorate sues', async () => {
    const d = new PilDriver(kit, 'civil');
    await d.opened();
    const published = await d.announced();
    const [ann] = await d.published('deadline.started', 'pil.civil-announcement');
    expect(ann!.payload).toMatchObject({
      owingAgencyId: PROCURATORATE,
      owner: { kind: 'party', role: 'eligible-organisation' },
      dueAt: kit.engine.compute({ rule: 'pil.civil-announcement', from: published.occurredAt }).dueAt,
    });
    await pastDue(ann!);
    await d.published('deadline.warning', 'pil.civil-announcement');
    await d.published('deadline.missed', 'pil.civil-announcement');
    const [decision] = await d.published('deadline.started', 'pil.civil-suit-decision');
    expect(decision!.payload).toMatchObject({ owingAgencyId: PROCURATORATE });
    await pastDue(decision!);
    await d.published('deadline.warning', 'pil.civil-suit-decision');
    const [late] = await d.published('deadline.missed', 'pil.civil-suit-decision');
    expect(late!.payload).toMatchObject({ owingAgencyId: PROCURATORATE });
    await d.sued();
    expect(await d.state()).toMatchObject({ phase: 'sued', finished: true });
  });

  it('an ineligible organisation changes nothing; an eligible one ends the announcement and the procuratorate supports its suit', async () => {
    const d = new PilDriver(kit, 'criminal-incidental-civil');
    await d.opened();
    await d.announced();
    await d.organisation(false);
    expect((await d.state()).openSteps.map((s) => s.ruleId)).toEqual(['pil.civil-announcement']);
    await d.organisation(true);
    await d.published('deadline.started', 'pil.civil-suit-decision');
    const state = await d.state();
    expect(state.phase).toBe('organisation-forward');
    expect(state.closedSteps).toEqual([expect.objectContaining({ ruleId: 'pil.civil-announcement', outcome: 'met' })]);
    await d.supported();
    expect(await d.state()).toMatchObject({ phase: 'supported', outcome: 'supported', finished: true });
  });

  it('waits while a damage consultation on the same conduct is open: no miss while it stands still, the due date moves by the wait', async () => {
    const d = new PilDriver(kit, 'civil');
    await d.opened();
    const published = await d.announced();
    const [ann] = await d.published('deadline.started', 'pil.civil-announcement');
    await sleepUntil(Date.parse(published.occurredAt) + HOURS(24 * 5));
    await d.clock('suspended');
    await d.published('deadline.closed', 'pil.civil-announcement');
    expect(await d.state()).toMatchObject({
      suspended: true,
      openSteps: [expect.objectContaining({ status: 'suspended' })],
    });
    await sleepUntil(Date.parse(String(ann!.payload.dueAt)) + HOURS(24 * 10));
    expect(kit.sink.of(d.pilCaseId, { type: 'deadline.missed' })).toEqual([]);
    await d.clock('running');
    const [, resumed] = await d.published('deadline.started', 'pil.civil-announcement', 2);
    expect(Date.parse(String(resumed!.payload.dueAt))).toBeGreaterThan(
      Date.parse(String(ann!.payload.dueAt)) + HOURS(24 * 30),
    );
    await pastDue(resumed!);
    await d.published('deadline.missed', 'pil.civil-announcement');
    await d.published('deadline.started', 'pil.civil-suit-decision');
    await d.sued();
    expect(await d.state()).toMatchObject({ phase: 'sued', suspended: false, finished: true });
  });
});
