/**
 * courtCaseWorkflow on Temporal's time-skipping server: every court.* rule id of deadlines.md "Court" and
 * edc.confirmation-announcement starts, warns and is missed as time runs, owed by the court office (or the
 * eligible organisations, or the procuratorate for its answer to a hearing notice), and closes on the court's acts.
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { COURT, CourtDriver } from '../testing/court-driver';
import {
  DAYS,
  ENFORCEMENT,
  HOURS,
  PROCURATORATE,
  startCaseTestKit,
  type CaseTestKit,
} from '../testing/workflow-test-kit';
import { CourtRules as R, PROCURATORATE_ANSWER_KEY } from './court.decider';

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

/** Lets the step of `ruleId` run out; returns its started, warning and missed events. */
async function runOut(d: CourtDriver, ruleId: string, startedCount = 1) {
  const started = (await d.published('deadline.started', ruleId, startedCount))[startedCount - 1];
  await sleepUntil(Date.parse(String(started!.payload.dueAt)) + HOURS(1));
  const [warning] = await d.published('deadline.warning', ruleId);
  const [missed] = await d.published('deadline.missed', ruleId);
  return { started: started!, warning: warning!, missed: missed! };
}

const courtOwner = { kind: 'agency', agencyId: COURT };

describe('courtCaseWorkflow', () => {
  it('criminal: court.docket missed, docketed late, hearing notice met and the procuratorate’s answer missed, trial period missed, judgment', async () => {
    const d = new CourtDriver(kit, 'prosecution', 'criminal');
    const received = await d.received();
    const docket = await runOut(d, R.docket);
    expect(docket.started.payload).toMatchObject({
      owingAgencyId: COURT,
      owner: courtOwner,
      dueAt: kit.engine.compute({ rule: R.docket, from: received.occurredAt }).dueAt,
    });
    expect(docket.missed.payload).toMatchObject({ owingAgencyId: COURT });
    await d.docketed();
    const [closed] = await d.published('deadline.closed', R.docket);
    expect(closed!.payload).toMatchObject({ outcome: 'late' });

    const hearingAt = new Date((await kit.now()) + DAYS(10)).toISOString();
    await d.hearingScheduled(hearingAt);
    // the closing event goes out through the activity and the sink: wait for it (CI under load read it too early)
    const notice = await d.published('deadline.closed', R.hearingNotice);
    expect(notice.map((e) => e.payload.outcome)).toEqual(['met']);
    const answer = await runOut(d, R.hearingNotice);
    expect(answer.missed.payload).toMatchObject({ owingAgencyId: PROCURATORATE, stepKey: PROCURATORATE_ANSWER_KEY });

    const trial = await runOut(d, R.trialCriminal);
    expect(trial.missed.payload).toMatchObject({ owingAgencyId: COURT });
    await d.judgment();
    const state = await d.state();
    expect(state).toMatchObject({ finished: true, outcome: 'judged', openSteps: [] });
  });

  it('a restoration order runs out on the last day the judgment names (owed by the defendant, a party, followed by the procuratorate), then is verified late and ends the case', async () => {
    const d = new CourtDriver(kit, 'pil', 'civil', 'civil');
    await d.received();
    await d.docketed();
    const judgedAt = await kit.now();
    const lastDay = new Date(judgedAt + 8 * HOURS(1) + DAYS(20)).toISOString().slice(0, 10);
    await d.judgment(undefined, lastDay);
    const restoration = await runOut(d, R.restorationOrder);
    expect(restoration.started.payload).toMatchObject({
      owingAgencyId: PROCURATORATE,
      owner: { kind: 'party', role: 'liable-party', name: '被告 defendant' },
      lastDay: expect.any(String),
    });
    // the last day named by the judgment, moved only past a holiday (CivPL art 85)
    expect(String(restoration.started.payload.lastDay) >= lastDay).toBe(true);
    expect(restoration.missed.payload).toMatchObject({ owingAgencyId: PROCURATORATE });
    expect((await d.state()).finished).toBe(false);
    await d.restorationVerified('not-completed');
    expect((await d.state()).phase).toBe('restoring');
    await d.restorationVerified('completed');
    const [closed] = await d.published('deadline.closed', R.restorationOrder);
    expect(closed!.payload).toMatchObject({ outcome: 'late' });
    expect(await d.state()).toMatchObject({ finished: true, outcome: 'judged', openSteps: [] });
  });

  it('administrative PIL: the restoration order is owed by the defendant agency (the agency the court notified), not the procuratorate', async () => {
    const d = new CourtDriver(kit, 'pil', 'administrative', 'administrative');
    await d.received();
    await d.docketed();
    await d.agencyNotified(ENFORCEMENT);
    const lastDay = new Date((await kit.now()) + 8 * HOURS(1) + DAYS(20)).toISOString().slice(0, 10);
    await d.judgment(undefined, lastDay);
    const [started] = await d.published('deadline.started', R.restorationOrder);
    expect(started!.payload).toMatchObject({
      owingAgencyId: ENFORCEMENT,
      owner: { kind: 'agency', agencyId: ENFORCEMENT },
    });
    await d.restorationVerified('completed');
    await d.published('deadline.closed', R.restorationOrder);
    expect(await d.state()).toMatchObject({ finished: true, outcome: 'judged', openSteps: [] });
  });

  it('civil PIL: complaint served in time, agency notified (its own copy met), co-plaintiff window and settlement announcement run out, settlement approved', async () => {
    const d = new CourtDriver(kit, 'pil', 'civil', 'civil');
    await d.received();
    await d.docketed();
    await d.complaintServed();
    const [served] = await d.published('deadline.closed', R.serveComplaint);
    expect(served!.payload).toMatchObject({ outcome: 'met' });
    await d.agencyNotified(ENFORCEMENT);
    const notified = await d.published('deadline.closed', R.notifyAgency, 2);
    expect(notified.map((e) => [e.payload.owner, e.payload.outcome])).toEqual(
      expect.arrayContaining([
        [courtOwner, 'met'],
        [{ kind: 'agency', agencyId: ENFORCEMENT }, 'met'],
      ]),
    );
    const copy = kit.sink
      .of(d.courtCaseId, { type: 'deadline.started', ruleId: R.notifyAgency })
      .find((e) => e.payload.stepKey);
    expect(copy?.payload).toMatchObject({ owingAgencyId: ENFORCEMENT, stepKey: ENFORCEMENT });

    await d.coPlaintiffAnnounced();
    const window = await runOut(d, R.coPlaintiffWindow);
    expect(window.started.payload).toMatchObject({
      owingAgencyId: PROCURATORATE,
      owner: { kind: 'party', role: 'eligible-organisation' },
    });

    await d.settlementAnnounced();
    const settlement = await runOut(d, R.settlementAnnouncement);
    expect(String(settlement.missed.payload.onExpiry)).toMatch(/may now approve/);
    await d.settlementApproved();
    expect(await d.state()).toMatchObject({ finished: true, outcome: 'settled', openSteps: [] });
  });

  it('civil PIL: court.serve-complaint and court.notify-agency run out when the court does nothing; civil trial period extended with approval', async () => {
    const d = new CourtDriver(kit, 'pil', 'civil', 'civil');
    await d.received();
    const docketed = await d.docketed();
    const serve = await runOut(d, R.serveComplaint);
    expect(serve.missed.payload).toMatchObject({ owingAgencyId: COURT });
    const notify = await runOut(d, R.notifyAgency);
    expect(notify.missed.payload).toMatchObject({ owingAgencyId: COURT });
    await d.trialExtended(R.trialCivil, 'extended');
    const started = await d.published('deadline.started', R.trialCivil, 2);
    expect(started[1]!.payload).toMatchObject({
      variant: 'extended',
      dueAt: kit.engine.compute({ rule: R.trialCivil, variant: 'extended', from: docketed.occurredAt }).dueAt,
    });
    const trial = await runOut(d, R.trialCivil, 2);
    expect(trial.missed.payload).toMatchObject({ variant: 'extended' });
  });

  it('administrative PIL: simplified trial period runs out (45 days)', async () => {
    const d = new CourtDriver(kit, 'pil', 'administrative', 'administrative');
    await d.received();
    const docketed = await d.docketed('simplified');
    const trial = await runOut(d, R.trialAdministrative);
    expect(trial.started.payload).toMatchObject({
      variant: 'simplified',
      dueAt: kit.engine.compute({ rule: R.trialAdministrative, variant: 'simplified', from: docketed.occurredAt })
        .dueAt,
    });
  });

  it('ruling not to accept closes court.docket met and ends the case', async () => {
    const d = new CourtDriver(kit, 'edc-suit', 'civil');
    await d.received();
    await d.notAccepted();
    const [closed] = await d.published('deadline.closed', R.docket);
    expect(closed!.payload).toMatchObject({ outcome: 'met' });
    expect(await d.state()).toMatchObject({ finished: true, outcome: 'not-accepted' });
  });

  it('EDC confirmation: the announcement runs its 30 days, then the agreement is confirmed', async () => {
    const d = new CourtDriver(kit, 'edc-confirmation', 'civil');
    await d.received();
    await d.confirmationAnnounced();
    const announcement = await runOut(d, R.confirmationAnnouncement);
    expect(announcement.started.payload).toMatchObject({ owingAgencyId: COURT });
    await d.agreementConfirmed();
    expect(await d.state()).toMatchObject({ finished: true, outcome: 'confirmed', openSteps: [] });
    const closed = await d.published('deadline.closed', R.confirmationAnnouncement);
    expect(closed.map((e) => e.payload.outcome)).toEqual(['met']);
  });
});
