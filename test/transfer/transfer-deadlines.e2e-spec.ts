/**
 * Deadline expiry (issue: case transfer, acceptance 2): transfers are driven through the agency APIs,
 * then Temporal's time-skipping test server is advanced; the workflows' deadline events travel through
 * the worker's outbox and Kafka to the inbox of the agency that owes the act.
 * Rules: transfer.receipt (police, 24 h policy), transfer.filing-review (police, 3 days),
 * transfer.reconsideration-request (enforcement, 3 working days).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { eventually, TestSystem } from '../support/system';
import { createTimeSkippingEnv } from '../support/temporal';
import { agencies, enfPhase, openAndSend, polPhase, type Agencies } from './transfer-driver';

/** GET /inbox (libs/agency-inbox): one item per step the office owes now. */
interface InboxItem {
  ruleId: string | null;
  subjectId: string | null;
  status: string;
  dueAt: string | null;
  warnedAt: string | null;
  missedAt: string | null;
  outcome: string | null;
}

describe('statutory deadlines run out in the time-skipping server and reach the owing agency', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let a: Agencies;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'workflow-worker'], {
      '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address },
    });
    await sys.start();
    a = agencies(sys);
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 60_000);

  const inbox = async (api: Agencies['pol'], linkedCaseId: string, status = 'owed'): Promise<InboxItem[]> =>
    (await api.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=${status}`)).items;
  /** started: owed with a due date; warning / missed: the workflow said so */
  const has = (
    items: InboxItem[],
    what: 'started' | 'warning' | 'missed',
    ruleId: string,
    subjectId: string,
  ): boolean =>
    items.some(
      (i) =>
        i.ruleId === ruleId &&
        i.subjectId === subjectId &&
        i.dueAt !== null &&
        (what === 'started' ||
          (what === 'warning' ? i.warnedAt !== null : i.missedAt !== null && i.status === 'missed')),
    );

  it('transfer.receipt, transfer.filing-review and transfer.reconsideration-request run out; the owing agency is told', async () => {
    // A: sent, never received → transfer.receipt owed by the police
    const noReceipt = await openAndSend(a, 'no-receipt');
    // B: received, never decided → transfer.filing-review owed by the police
    const noDecision = await openAndSend(a, 'no-decision');
    await polPhase(a.pol, noDecision.transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${noDecision.transferId}/receipt`, { receiptNumber: 'R-B' });
    // C: not filed, enforcement never reacts → transfer.reconsideration-request owed by enforcement
    const noReaction = await openAndSend(a, 'no-reaction');
    await polPhase(a.pol, noReaction.transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${noReaction.transferId}/receipt`, { receiptNumber: 'R-C' });
    await a.pol.post(`/transfers/${noReaction.transferId}/decision`, { outcome: 'not-filed', reasons: '证据不足' });
    await enfPhase(a, noReaction.transferId, 'not-filed');

    // the clocks are running: each owing agency was told when its step started
    await eventually(
      () => inbox(a.pol, noReceipt.linkedCaseId),
      (i) => has(i, 'started', 'transfer.receipt', noReceipt.transferId),
      'transfer.receipt started',
    );
    await eventually(
      () => inbox(a.pol, noDecision.linkedCaseId),
      (i) => has(i, 'started', 'transfer.filing-review', noDecision.transferId),
      'transfer.filing-review started',
    );
    await eventually(
      () => inbox(a.enf, noReaction.linkedCaseId),
      (i) => has(i, 'started', 'transfer.reconsideration-request', noReaction.transferId),
      'transfer.reconsideration-request started',
    );
    // nothing has run out yet
    expect((await inbox(a.pol, noReceipt.linkedCaseId)).some((i) => i.status === 'missed')).toBe(false);

    // 12 days later (3 working days around any weekend or holiday fit easily)
    const before = await env.currentTimeMs();
    await env.sleep(12 * 24 * 3600 * 1000);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(12 * 24 * 3600 * 1000);

    const pol1 = await eventually(
      () => inbox(a.pol, noReceipt.linkedCaseId),
      (i) => has(i, 'missed', 'transfer.receipt', noReceipt.transferId),
      'police told: transfer.receipt missed',
      60_000,
    );
    expect(has(pol1, 'warning', 'transfer.receipt', noReceipt.transferId)).toBe(true);
    const pol2 = await eventually(
      () => inbox(a.pol, noDecision.linkedCaseId),
      (i) => has(i, 'missed', 'transfer.filing-review', noDecision.transferId),
      'police told: transfer.filing-review missed',
      60_000,
    );
    expect(has(pol2, 'warning', 'transfer.filing-review', noDecision.transferId)).toBe(true);
    // transfer.reconsideration-request missed: the right lapsed and the transfer ended, so nothing is owed any
    // more — the item is done (moot), with the miss on record
    const lapsed = await eventually(
      () => inbox(a.enf, noReaction.linkedCaseId, 'done'),
      (i) => i.some((x) => x.ruleId === 'transfer.reconsideration-request' && x.missedAt !== null),
      'enforcement told: transfer.reconsideration-request missed',
      60_000,
    );
    expect(lapsed.find((x) => x.ruleId === 'transfer.reconsideration-request')).toMatchObject({
      status: 'done',
      outcome: 'moot',
    });
    expect(
      (await inbox(a.enf, noReaction.linkedCaseId)).some((x) => x.ruleId === 'transfer.reconsideration-request'),
    ).toBe(false);
    // a deadline owed by the police is not put in enforcement's inbox, and the reverse
    expect((await inbox(a.enf, noDecision.linkedCaseId)).some((i) => i.status === 'missed')).toBe(false);
    expect(
      (await inbox(a.pol, noReaction.linkedCaseId)).some((i) => i.ruleId === 'transfer.reconsideration-request'),
    ).toBe(false);

    // transfer.filing-review missed: the enforcement agency shall now ask for filing supervision (E17 art 12)
    await eventually(
      () => a.enf.get<{ filingReviewOverdue: boolean }>(`/transfers/${noDecision.transferId}`),
      (t) => t.filingReviewOverdue,
      'enforcement sees the overdue review',
    );
    await a.enf.post(`/transfers/${noDecision.transferId}/supervision-request`, {
      reasons: '公安机关逾期未作出立案决定',
    });
    await eventually(
      () => a.pro.get<{ supervisionRequested: boolean }>(`/transfer-copies/${noDecision.transferId}`),
      (c) => c.supervisionRequested,
      'procuratorate has the request',
    );
    // the procuratorate now owes its review of the request (supervision.request-review, issue #9 item 5)
    await eventually(
      () => inbox(a.pro, noDecision.linkedCaseId),
      (i) => has(i, 'started', 'supervision.request-review', noDecision.transferId),
      'procuratorate owes supervision.request-review',
    );
  });
});
