/** Every path of the court workflow (recorded by workflows/scripts/record-histories.ts, replayed by replay.workflow-spec.ts). */
import { CourtRules as R } from '../court/court.decider';
import { CourtDriver } from './court-driver';
import type { Scenario } from './scenarios';
import { DAYS, ENFORCEMENT, HOURS, type CaseTestKit } from './workflow-test-kit';

async function sleepPast(kit: CaseTestKit, d: CourtDriver, ruleId: string, count = 1): Promise<void> {
  const started = (await d.published('deadline.started', ruleId, count))[count - 1]!;
  const due = Date.parse(String(started.payload.dueAt)) + HOURS(1);
  const now = await kit.now();
  if (due > now) await kit.env.sleep(due - now);
  await d.published('deadline.missed', ruleId);
}

export const COURT_SCENARIOS: readonly Scenario[] = [
  {
    name: 'court-criminal-docket-missed-hearing-judged',
    async run(kit) {
      const d = new CourtDriver(kit, 'prosecution', 'criminal');
      await d.received();
      await sleepPast(kit, d, R.docket);
      await d.docketed();
      await d.hearingScheduled(new Date((await kit.now()) + DAYS(10)).toISOString());
      await sleepPast(kit, d, R.hearingNotice);
      await sleepPast(kit, d, R.trialCriminal);
      await d.judgment();
      return d.workflowId;
    },
  },
  {
    name: 'court-civil-pil-served-notified-settled',
    async run(kit) {
      const d = new CourtDriver(kit, 'pil', 'civil', 'civil');
      await d.received();
      await d.docketed();
      await d.complaintServed();
      await d.agencyNotified(ENFORCEMENT);
      await d.coPlaintiffAnnounced();
      await sleepPast(kit, d, R.coPlaintiffWindow);
      await d.settlementAnnounced();
      await sleepPast(kit, d, R.settlementAnnouncement);
      await d.settlementApproved();
      return d.workflowId;
    },
  },
  {
    name: 'court-civil-pil-missed-extended',
    async run(kit) {
      const d = new CourtDriver(kit, 'pil', 'civil', 'civil');
      await d.received();
      await d.docketed();
      await sleepPast(kit, d, R.notifyAgency);
      await d.trialExtended(R.trialCivil, 'extended');
      await sleepPast(kit, d, R.trialCivil, 2);
      await d.judgment();
      return d.workflowId;
    },
  },
  {
    name: 'court-not-accepted',
    async run(kit) {
      const d = new CourtDriver(kit, 'edc-suit', 'civil');
      await d.received();
      await d.notAccepted();
      return d.workflowId;
    },
  },
  {
    name: 'court-edc-confirmed',
    async run(kit) {
      const d = new CourtDriver(kit, 'edc-confirmation', 'civil');
      await d.received();
      await d.confirmationAnnounced();
      await sleepPast(kit, d, R.confirmationAnnouncement);
      await d.agreementConfirmed();
      return d.workflowId;
    },
  },
  {
    name: 'court-restoration-overdue-verified',
    async run(kit) {
      const d = new CourtDriver(kit, 'pil', 'civil', 'civil');
      await d.received();
      await d.docketed();
      const lastDay = new Date((await kit.now()) + HOURS(8) + DAYS(20)).toISOString().slice(0, 10);
      await d.judgment(undefined, lastDay);
      await sleepPast(kit, d, R.restorationOrder);
      await d.restorationVerified('not-completed');
      await d.restorationVerified('completed');
      return d.workflowId;
    },
  },
];
