/**
 * The paths of pilCaseWorkflow and edcConsultationWorkflow, driven end to end on a time-skipping test server for
 * the recorded histories (workflows/scripts/record-histories.ts; replayed by replay.workflow-spec.ts). The
 * workflow specs assert the same paths in detail.
 */
import { EdcDriver, PilDriver } from './pil-drivers';
import { HOURS, type CaseTestKit } from './workflow-test-kit';
import type { Scenario } from './scenarios';

async function pastDue(kit: CaseTestKit, started: { payload: Record<string, unknown> } | undefined): Promise<void> {
  const ms = Date.parse(String(started?.payload.dueAt)) + HOURS(1);
  const now = await kit.now();
  if (ms > now) await kit.env.sleep(ms - now);
}

export const PIL_SCENARIOS: readonly Scenario[] = [
  {
    name: 'pil-admin-corrected-closed',
    async run(kit) {
      const d = new PilDriver(kit);
      await d.opened();
      await d.investigated();
      await d.served('urgent');
      await d.filedUpward();
      await d.actionRecorded();
      await d.replied('corrected');
      await d.closingDecided();
      await d.closingServed();
      return d.workflowId;
    },
  },
  {
    name: 'pil-admin-no-reply-sued',
    async run(kit) {
      const d = new PilDriver(kit);
      await d.opened();
      await d.served('standard');
      const [reply] = await d.published('deadline.started', 'pil.agency-reply');
      await pastDue(kit, reply);
      await d.published('deadline.missed', 'pil.agency-reply');
      await d.published('deadline.started', 'pil.admin-suit-decision');
      await d.sued();
      return d.workflowId;
    },
  },
  {
    name: 'pil-civil-nobody-sued',
    async run(kit) {
      const d = new PilDriver(kit, 'civil');
      await d.opened();
      await d.announced();
      const [ann] = await d.published('deadline.started', 'pil.civil-announcement');
      await pastDue(kit, ann);
      await d.published('deadline.started', 'pil.civil-suit-decision');
      await d.sued();
      return d.workflowId;
    },
  },
  {
    name: 'pil-civil-organisation-supported',
    async run(kit) {
      const d = new PilDriver(kit, 'civil');
      await d.opened();
      await d.announced();
      await d.organisation(false);
      await d.organisation(true);
      await d.supported();
      return d.workflowId;
    },
  },
  {
    name: 'pil-civil-waited-for-consultation',
    async run(kit) {
      const d = new PilDriver(kit, 'civil');
      await d.opened();
      await d.clock('suspended');
      await d.announced();
      await kit.env.sleep(HOURS(24 * 40));
      await d.clock('running');
      const [, resumed] = await d.published('deadline.started', 'pil.civil-announcement', 2);
      await pastDue(kit, resumed);
      await d.published('deadline.started', 'pil.civil-suit-decision');
      await d.sued();
      return d.workflowId;
    },
  },
  {
    name: 'edc-agreed',
    async run(kit) {
      const d = new EdcDriver(kit);
      await d.opened();
      await d.meeting(1);
      await d.agreed();
      return d.workflowId;
    },
  },
  {
    name: 'edc-missed-failed',
    async run(kit) {
      const d = new EdcDriver(kit);
      await d.opened();
      for (const round of [1, 2, 3]) await d.meeting(round);
      const [started] = await d.published('deadline.started', 'edc.consultation');
      await pastDue(kit, started);
      await d.published('deadline.missed', 'edc.consultation');
      await d.failed();
      return d.workflowId;
    },
  },
];
