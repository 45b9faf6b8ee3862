/**
 * The paths of the notification and consultation workflows, recorded for the replay test (see ./scenarios.ts).
 */
import { HOURS, DAYS, ENFORCEMENT, POLICE, PROCURATORATE, type CaseTestKit } from './workflow-test-kit';
import { ConsultationDriver, JointSupervisionDriver, NotificationDriver } from './cooperation-drivers';
import type { Scenario } from './scenarios';

async function sleepFor(kit: CaseTestKit, ms: number): Promise<void> {
  await kit.env.sleep(ms);
}

export const COOPERATION_SCENARIOS: readonly Scenario[] = [
  {
    name: 'notification-acknowledged-by-all',
    async run(kit) {
      const d = new NotificationDriver(kit);
      await d.notified([POLICE, PROCURATORATE]);
      await sleepFor(kit, HOURS(2));
      await d.inquiryOpened(POLICE);
      await d.acknowledged(PROCURATORATE);
      return d.workflowId;
    },
  },
  {
    name: 'notification-unacknowledged-missed',
    async run(kit) {
      const d = new NotificationDriver(kit);
      await d.notified([POLICE]);
      await sleepFor(kit, HOURS(25));
      await d.published('deadline.missed', 'notification.suspected-crime');
      return d.workflowId;
    },
  },
  {
    name: 'consultation-answered-and-overdue',
    async run(kit) {
      const d = new ConsultationDriver(kit);
      const first = await d.asked(POLICE);
      await d.asked(PROCURATORATE);
      await sleepFor(kit, DAYS(2));
      await d.replied(first, POLICE);
      await sleepFor(kit, DAYS(8));
      await d.published('deadline.missed', 'consultation.written-reply');
      return d.workflowId;
    },
  },
  {
    name: 'joint-supervision-lagging-agency-then-meeting',
    async run(kit) {
      const d = new JointSupervisionDriver(kit);
      await d.listed([ENFORCEMENT, POLICE, PROCURATORATE]);
      await sleepFor(kit, DAYS(3));
      await d.reported(POLICE, 1);
      await d.reported(PROCURATORATE, 1);
      await sleepFor(kit, DAYS(15));
      await d.published('deadline.missed', 'joint-supervision');
      const now = await kit.now();
      const [decisionId] = await d.meeting(1, [
        { ownerAgencyId: POLICE, dueAt: new Date(now + DAYS(10)).toISOString() },
      ]);
      await sleepFor(kit, DAYS(2));
      await d.decisionDone(decisionId!, POLICE);
      return d.workflowId;
    },
  },
];
