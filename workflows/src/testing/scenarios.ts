/**
 * Every path of the case workflows, driven end to end on a time-skipping test server. Used by
 * workflows/scripts/record-histories.ts to record the histories that replay.workflow-spec.ts replays
 * against the current workflow code (the specs assert the same paths in detail).
 */
import { v7 as uuidv7 } from 'uuid';
import {
  DAYS,
  ENFORCEMENT,
  HOURS,
  PenaltyDriver,
  SharingDriver,
  ProsecutionDriver,
  SupervisionDriver,
  TransferDriver,
  type CaseTestKit,
} from './workflow-test-kit';
import { recomputeOpenDeadlines } from '../operator/recompute-deadlines';
import { COURT_SCENARIOS } from './court-scenarios';
import { COOPERATION_SCENARIOS } from './cooperation-scenarios';
import { PIL_SCENARIOS } from './pil-scenarios';

export interface Scenario {
  /** File name under workflows/test-histories (without .json). */
  name: string;
  /** Drives one workflow; returns its workflow id. */
  run(kit: CaseTestKit): Promise<string>;
}

async function sleepUntil(kit: CaseTestKit, ms: number): Promise<void> {
  const now = await kit.now();
  if (ms > now) await kit.env.sleep(ms - now);
}

function untilReceipt(d: TransferDriver) {
  return d.untilReceipt();
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'penalty-suspended-resumed-missed',
    async run(kit) {
      const d = new PenaltyDriver(kit);
      const registered = await d.registered();
      await sleepUntil(kit, Date.parse(registered.occurredAt) + DAYS(10));
      await d.clock('suspended');
      await sleepUntil(kit, Date.parse(registered.occurredAt) + DAYS(40));
      await d.clock('running');
      const [, resumed] = await d.published('deadline.started', 'penalty.decision-period', 2);
      await sleepUntil(kit, Date.parse(String(resumed!.payload.dueAt)) + HOURS(1));
      await d.published('deadline.missed', 'penalty.decision-period');
      return d.workflowId;
    },
  },
  {
    name: 'transfer-filed',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-not-filed-upheld-supervision-requested',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await d.filingDecided('not-filed');
      await d.reconsiderationRequested();
      await d.reconsiderationDecided('upheld');
      await d.supervisionRequested('upheld-on-reconsideration');
      return d.workflowId;
    },
  },
  {
    // TransferPatches.requestReview: the transfer holds supervision.request-review, then waits under
    // supervision and opens transfer.items-handover when the police file on the notice.
    name: 'transfer-supervision-review-then-filed-on-notice',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await d.filingDecided('not-filed');
      await d.supervisionRequested('not-filed');
      const supervisionId = uuidv7();
      await d.supervisionOpened(supervisionId, 'not-filed');
      await d.filingDecided('filed', undefined, supervisionId);
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-supervision-review-missed-reasons-accepted',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await d.filingDecided('not-filed');
      await d.supervisionRequested('not-filed');
      const [started] = await d.published('deadline.started', 'supervision.request-review');
      await sleepUntil(kit, Date.parse(String(started!.payload.dueAt)) + HOURS(1));
      await d.published('deadline.missed', 'supervision.request-review');
      const supervisionId = uuidv7();
      await d.supervisionOpened(supervisionId, 'not-filed');
      await d.reasonsAccepted(supervisionId);
      return d.workflowId;
    },
  },
  {
    name: 'transfer-returned-for-penalty',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await d.filingDecided('returned-for-penalty');
      return d.workflowId;
    },
  },
  {
    name: 'transfer-materials-supplemented',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await d.materialsRequested();
      await d.materialsSupplemented();
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-forwarded-late',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await kit.env.sleep(HOURS(30));
      await d.forwarded('forwarded');
      return d.workflowId;
    },
  },
  {
    // TransferPatches.forwardFollows: the receiving office owes the receipt, then the filing review.
    // (transfer-forwarded-late.json was recorded before it: the transfer ended at the forward.)
    name: 'transfer-forwarded-then-filed-by-receiving-office',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await kit.env.sleep(HOURS(30));
      await d.forwarded('forwarded');
      await d.receiptSigned();
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    // TransferPatches.supplementCovers: a supplement of another kind leaves transfer.materials-supplement open.
    name: 'transfer-materials-partial-then-complete',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      await d.materialsRequested();
      await d.materialsSupplemented(undefined, [{ kind: 'other', title: '补充说明' }]);
      await d.materialsSupplemented();
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-refused',
    async run(kit) {
      const d = new TransferDriver(kit);
      await d.crimeSuspected();
      await d.teamReported();
      await d.headDecided('refused');
      return d.workflowId;
    },
  },
  {
    name: 'transfer-procuratorate-opinion',
    async run(kit) {
      const d = new TransferDriver(kit);
      await d.procuratorateOpinion();
      await d.sent();
      await d.receiptSigned();
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-review-extended-and-duplicate',
    async run(kit) {
      const d = new TransferDriver(kit);
      const crime = await d.crimeSuspected();
      await kit.bridge.deliver(crime); // duplicate
      await d.teamReported();
      await d.headDecided('approved');
      await d.sent();
      const receipt = await d.receiptSigned();
      const stepId = `${d.transferId}/transfer.filing-review`;
      await d.handle().signal('extendDeadline', { stepId, variant: 'major-complex' }); // refused: no approval
      await d.reviewExtended('major-complex');
      const standard = kit.engine.compute({ rule: 'transfer.filing-review', from: receipt.occurredAt });
      await sleepUntil(kit, standard.dueAtEpochMs + HOURS(1));
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-suspended-resumed',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      const stepId = `${d.transferId}/transfer.filing-review`;
      await d.handle().signal('suspendClock', { stepId, reason: '鉴定期间' });
      await kit.env.sleep(HOURS(48));
      await d.handle().signal('resumeClock', { stepId });
      await kit.env.sleep(HOURS(1));
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-filing-review-missed',
    async run(kit) {
      const d = new TransferDriver(kit);
      const receipt = await untilReceipt(d);
      const due = kit.engine.compute({ rule: 'transfer.filing-review', from: receipt.occurredAt });
      await sleepUntil(kit, due.dueAtEpochMs + HOURS(1));
      await d.supervisionRequested('decision-overdue');
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'transfer-receipt-missed-then-signed',
    async run(kit) {
      const d = new TransferDriver(kit);
      await d.crimeSuspected();
      await d.teamReported();
      await d.headDecided('approved');
      await d.sent();
      await kit.env.sleep(HOURS(26));
      await d.receiptSigned();
      await d.filingDecided('returned-for-penalty');
      return d.workflowId;
    },
  },
  {
    name: 'transfer-reconsideration-right-lapsed',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      const decided = await d.filingDecided('not-filed');
      const due = kit.engine.compute({ rule: 'transfer.reconsideration-request', from: decided.occurredAt });
      await sleepUntil(kit, due.dueAtEpochMs + HOURS(1));
      return d.workflowId;
    },
  },
  {
    name: 'transfer-continued-as-new',
    async run(kit) {
      const d = new TransferDriver(kit);
      d.waitMode = 'idle';
      await kit.client.workflow.start('caseTransferWorkflow', {
        workflowId: d.workflowId,
        taskQueue: kit.taskQueue,
        args: [
          {
            transferId: d.transferId,
            linkedCaseId: d.linkedCaseId,
            enforcementAgencyId: ENFORCEMENT,
            region: '210100',
            config: { continueAsNewAfterEvents: 40 },
          },
        ],
      });
      await untilReceipt(d);
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    // recomputeDeadlines after an official calendar year was loaded: the open steps that used the year are
    // recounted through the activity (here the built-in year of the step: recounted, unchanged)
    name: 'transfer-calendar-recomputed',
    async run(kit) {
      const d = new TransferDriver(kit);
      await untilReceipt(d);
      const step = (await d.state()).openSteps.find((s) => s.ruleId === 'transfer.filing-review');
      const year = Number(step!.lastDay!.slice(0, 4));
      const report = await recomputeOpenDeadlines(kit.client, {
        years: [{ year }],
        workflowIds: [d.workflowId],
        reason: 'recorded scenario',
      });
      if (!report.workflows[0]?.result) throw new Error(`no recompute answer: ${JSON.stringify(report)}`);
      await d.filingDecided('filed');
      await d.itemsHandedOver();
      return d.workflowId;
    },
  },
  {
    name: 'supervision-reasons-accepted',
    async run(kit) {
      const d = new SupervisionDriver(kit);
      await d.opened();
      await d.explanationRequired();
      await d.explained();
      await d.reasonsAccepted();
      return d.workflowId;
    },
  },
  {
    name: 'supervision-police-file-missed-then-chaser',
    async run(kit) {
      const d = new SupervisionDriver(kit);
      await d.opened();
      const notice = await d.filingNoticeIssued();
      const due = kit.engine.compute({ rule: 'supervision.police-file', from: notice.occurredAt });
      await sleepUntil(kit, due.dueAtEpochMs + HOURS(1));
      await d.correctionIssued();
      const filed = await d.policeFiled();
      const chaser = kit.engine.compute({ rule: 'supervision.investigation-chaser', from: filed.occurredAt });
      await sleepUntil(kit, chaser.dueAtEpochMs + HOURS(1));
      await d.chaserIssued();
      return d.workflowId;
    },
  },
  // the court workflow's paths (./court-scenarios.ts)
  ...COURT_SCENARIOS,
  {
    name: 'prosecution-supplementary-then-indicted',
    async run(kit) {
      const d = new ProsecutionDriver(kit);
      await d.transferred();
      await d.extended();
      await d.returned(1);
      await d.resubmitted(1);
      await d.decided('indicted');
      return d.workflowId;
    },
  },
  {
    name: 'prosecution-two-rounds-review-missed',
    async run(kit) {
      const d = new ProsecutionDriver(kit);
      await d.transferred();
      await d.returned(1);
      await d.resubmitted(1);
      await d.returned(2);
      const back = await d.resubmitted(2);
      const due = kit.engine.compute({ rule: 'prosecution.review', from: back.occurredAt });
      await sleepUntil(kit, due.dueAtEpochMs + HOURS(1));
      await d.published('deadline.missed', 'prosecution.review');
      await d.decided('indicted');
      return d.workflowId;
    },
  },
  {
    name: 'prosecution-not-prosecuted-notice-missed-then-notified',
    async run(kit) {
      const d = new ProsecutionDriver(kit);
      await d.transferred();
      const decided = await d.decided('not-prosecuted');
      const due = kit.engine.compute({ rule: 'prosecution.nonprosecution-notice', from: decided.occurredAt });
      await sleepUntil(kit, due.dueAtEpochMs + HOURS(1));
      await d.published('deadline.missed', 'prosecution.nonprosecution-notice');
      await d.notified();
      return d.workflowId;
    },
  },
  ...COOPERATION_SCENARIOS,
  ...PIL_SCENARIOS,
  {
    // sharing.platform-entry: one decision entered in time, one missed then entered late, one known decision
    // entered automatically
    name: 'sharing-entered-missed-automatic',
    async run(kit) {
      const d = new SharingDriver(kit);
      const decidedAt = new Date(await kit.now()).toISOString();
      const [entered, forgotten] = [uuidv7(), uuidv7()];
      await d.recorded(entered, decidedAt);
      await d.recorded(forgotten, decidedAt);
      await sleepUntil(kit, Date.parse(decidedAt) + DAYS(2));
      await d.shared(entered, decidedAt);
      const due = kit.engine.compute({ rule: 'sharing.platform-entry', from: decidedAt });
      await sleepUntil(kit, due.dueAtEpochMs + HOURS(1));
      await d.shared(forgotten, decidedAt);
      // (recorded with a bare prosecution.decided before the prosecution workflow existed; re-recording needs a
      // ProsecutionDriver on the same linked case)
      return d.workflowId;
    },
  },
];
