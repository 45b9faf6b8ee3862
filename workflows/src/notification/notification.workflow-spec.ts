/**
 * caseNotificationWorkflow on Temporal's time-skipping server: each recipient's acknowledgement is a keyed step of
 * notification.suspected-crime (24 hours, E17 art 26) with its deadline events; the last acknowledgement finishes it.
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import {
  HOURS,
  POLICE,
  PROCURATORATE,
  eventually,
  startCaseTestKit,
  type CaseTestKit,
} from '../testing/workflow-test-kit';
import { NotificationDriver } from '../testing/cooperation-drivers';

let kit: CaseTestKit;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv());
});
afterAll(async () => {
  await kit?.close();
});

const RULE = 'notification.suspected-crime';

describe('caseNotificationWorkflow (案情通报)', () => {
  it('opens one step per recipient, closes each with its acknowledgement (or inquiry), then finishes', async () => {
    const d = new NotificationDriver(kit);
    const notified = await d.notified([POLICE, PROCURATORATE]);
    const started = await d.published('deadline.started', RULE, 2);
    const expected = kit.engine.compute({ rule: RULE, from: notified.occurredAt });
    expect(started.map((e) => e.payload.stepId).sort()).toEqual(
      [`${d.notificationId}/${RULE}@${POLICE}`, `${d.notificationId}/${RULE}@${PROCURATORATE}`].sort(),
    );
    expect(started.map((e) => e.payload.dueAt)).toEqual([expected.dueAt, expected.dueAt]);
    expect(started.find((e) => e.payload.stepKey === POLICE)!.payload).toMatchObject({
      owingAgencyId: POLICE,
      owner: { kind: 'agency', agencyId: POLICE },
    });

    await kit.env.sleep(HOURS(2));
    await d.inquiryOpened(POLICE);
    const [closed] = await d.published('deadline.closed', RULE);
    expect(closed!.payload).toMatchObject({ stepKey: POLICE, outcome: 'met' });
    expect((await d.state()).openSteps.map((s) => s.stepKey)).toEqual([PROCURATORATE]);

    await d.acknowledged(PROCURATORATE);
    await d.published('deadline.closed', RULE, 2);
    const result = (await eventually(async () => {
      const s = await d.state();
      return s.finished ? s : undefined;
    }, 'finished')) as Awaited<ReturnType<typeof d.state>>;
    expect(result).toMatchObject({ phase: 'all-acknowledged', acknowledged: [POLICE, PROCURATORATE], openSteps: [] });
    expect(kit.sink.of(d.notificationId, { type: 'deadline.missed' })).toEqual([]);
  });

  it('an unacknowledged recipient is warned, then missed with the escalation prompt; the others are not', async () => {
    const d = new NotificationDriver(kit);
    const notified = await d.notified([POLICE, PROCURATORATE]);
    await d.acknowledged(PROCURATORATE);
    await kit.env.sleep(HOURS(17));
    const [warning] = await d.published('deadline.warning', RULE);
    expect(warning!.payload).toMatchObject({ stepKey: POLICE, owingAgencyId: POLICE });
    await kit.env.sleep(HOURS(8));
    const [missed] = await d.published('deadline.missed', RULE);
    expect(missed!.payload).toMatchObject({
      stepId: `${d.notificationId}/${RULE}@${POLICE}`,
      owingAgencyId: POLICE,
      dueAt: kit.engine.compute({ rule: RULE, from: notified.occurredAt }).dueAt,
    });
    expect(String(missed!.payload.onExpiry)).toContain('escalate');
    expect(await d.state()).toMatchObject({ phase: 'open', finished: false, missedSteps: [missed!.payload.stepId] });

    // a late acknowledgement still closes the step, late
    await d.acknowledged(POLICE);
    const closed = await d.published('deadline.closed', RULE, 2);
    expect(closed.at(-1)!.payload).toMatchObject({ stepKey: POLICE, outcome: 'late' });
  });

  it('a development runs no clock; a repeated or stranger acknowledgement changes nothing', async () => {
    const d = new NotificationDriver(kit);
    await d.notified([POLICE, PROCURATORATE], 'development');
    await d.acknowledged(POLICE);
    await d.acknowledged(POLICE);
    await d.acknowledged('police:210200');
    const s = await d.state();
    expect(s.events.map((e) => e.disposition)).toEqual(['applied', 'applied', 'ignored', 'ignored']);
    expect(s.openSteps).toEqual([]);
    expect(kit.sink.of(d.notificationId, { type: 'deadline.started' })).toEqual([]);
  });
});
