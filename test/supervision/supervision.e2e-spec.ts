/**
 * Supervisor console, acceptance 1: transfers in several states created through the agencies' REST
 * APIs, their statutory clocks run by the real workflow worker on Temporal's time-skipping test server
 * (deadlines advanced with env.sleep), seen through the supervision API; a press (催办) reaches the
 * owing office's GET /inbox. Rule ids of deadlines.md are named where a step is statutory.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../support/temporal';
import { Api, eventually, TestSystem } from '../support/system';
import {
  agencies,
  enfPhase,
  openAndSend,
  polPhase,
  POL,
  type Agencies,
  type Opened,
} from '../transfer/transfer-driver';

interface Step {
  stepId: string;
  ruleId: string;
  status: string;
  stuck: boolean;
  stuckReasons: string[];
  source: string;
  owingAgencyId: string;
  dueAt: string;
  closedAt: string | null;
  outcome: string | null;
  explanation: Record<string, unknown>;
}
interface CaseView {
  steps: Step[];
  timeline: { type: string }[];
}
interface Rec {
  unacknowledged: { expectation: string; subjectId: string; owedBy: string; stepMissed: boolean }[];
}
/** GET /inbox (libs/agency-inbox): what the office owes now, one item per step, with its presses (催办). */
interface Inbox {
  items: Array<{ stepId: string; ruleId: string | null; status: string; presses: Array<{ message: string }> }>;
}

const H = 3_600_000;
const D = 24 * H;
const enc = encodeURIComponent;

describe('supervisor console over the workflow worker (Temporal time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let a: Agencies;
  let sup: Api;
  let neverReceived: Opened;
  let received: Opened;
  let filed: Opened;

  const caseSteps = (o: Opened): Promise<Step[]> => sup.get<CaseView>(`/cases/${o.linkedCaseId}`).then((c) => c.steps);
  const stepOf = (o: Opened, ruleId: string, ok: (s: Step) => boolean, what: string): Promise<Step> =>
    eventually(
      async () => (await caseSteps(o)).find((s) => s.ruleId === ruleId && s.stepId.startsWith(o.transferId)),
      (s) => !!s && ok(s),
      what,
      60_000,
    ) as Promise<Step>;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'supervision', 'workflow-worker'], {
      '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address },
      supervision: { SUPERVISION_SWEEP_MS: '1000' },
    });
    await sys.start();
    a = agencies(sys);
    sup = new Api(sys.url('supervision'), sys.token('procuratorate:210100', ['supervisor'], 'sup-sun'));
  }, 300_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 120_000);

  it('shows each transfer’s step with the right status, before and after the clocks run out', async () => {
    // three transfers: never received, received (police reviewing), received and filed
    neverReceived = await openAndSend(a, 'never-received');
    received = await openAndSend(a, 'received');
    filed = await openAndSend(a, 'filed');
    for (const t of [received, filed]) {
      await polPhase(a.pol, t.transferId, 'awaiting-receipt');
      await a.pol.post(`/transfers/${t.transferId}/receipt`, { receiptNumber: `R-${t.transferId.slice(0, 6)}` });
    }
    await enfPhase(a, filed.transferId, 'received');
    await a.pol.post(`/transfers/${filed.transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '沈公（环）立字〔2026〕21号',
    });

    // transfer.receipt (24 h policy) runs for the one never received: the workflow's clock replaced the derived one
    const receipt = await stepOf(
      neverReceived,
      'transfer.receipt',
      (s) => s.source === 'workflow' && s.status !== 'closed',
      'receipt clock of the workflow',
    );
    expect(receipt).toMatchObject({ owingAgencyId: POL, status: 'on-time' });
    // transfer.filing-review (3 days, E17 art 9) runs for the received one
    const review = await stepOf(
      received,
      'transfer.filing-review',
      (s) => s.status === 'on-time',
      'filing review running',
    );
    expect(review.owingAgencyId).toBe(POL);
    expect(review.explanation).toHaveProperty('countingMode');
    // the filed one: its filing review closed as met
    const done = await stepOf(filed, 'transfer.filing-review', (s) => s.status === 'closed', 'filing review closed');
    expect(done.outcome).toBe('met');

    // skip 4 days of workflow time (more if a rest day pushed the last day of the review further)
    const now = await env.currentTimeMs();
    await env.sleep(Math.max(4 * D, Date.parse(review.dueAt) - now + H));

    const late = await stepOf(neverReceived, 'transfer.receipt', (s) => s.status === 'overdue', 'receipt overdue');
    expect(late.stuckReasons).toEqual(expect.arrayContaining(['overdue', 'no-receipt']));
    await stepOf(received, 'transfer.filing-review', (s) => s.status === 'overdue', 'filing review overdue');
    expect((await stepOf(filed, 'transfer.filing-review', () => true, 'still closed')).status).toBe('closed');

    const list = await sup.get<{ items: Step[] }>('/steps?status=overdue&kind=police&pageSize=200');
    expect(list.items.map((s) => s.stepId)).toEqual(expect.arrayContaining([late.stepId, review.stepId]));
    const rec = await eventually(
      () => sup.get<Rec>('/reconciliation'),
      (r) => r.unacknowledged.some((u) => u.subjectId === neverReceived.transferId),
      'reconciliation: no receipt',
    );
    expect(rec.unacknowledged.find((u) => u.subjectId === neverReceived.transferId)).toMatchObject({
      expectation: 'receipt',
      owedBy: POL,
      stepMissed: true,
    });
  });

  it('pressing the owing police office reaches its inbox; a closed step cannot be pressed', async () => {
    const late = await stepOf(neverReceived, 'transfer.receipt', (s) => s.status === 'overdue', 'receipt overdue');
    await sup.post(`/steps/${enc(late.stepId)}/press`, { message: '移送已逾期未签收回执，请立即签收。' });
    const inbox = await eventually(
      () => a.pol.get<Inbox>(`/inbox?linkedCaseId=${neverReceived.linkedCaseId}`),
      (r) => r.items.some((i) => i.stepId === late.stepId && i.presses.length > 0),
      'police inbox has the press',
      60_000,
    );
    const owed = inbox.items.find((i) => i.stepId === late.stepId)!;
    expect(owed).toMatchObject({ ruleId: 'transfer.receipt', status: 'missed' });
    expect(owed.presses[0]!.message).toContain('移送已逾期未签收回执');
    expect((await sup.get<CaseView>(`/cases/${neverReceived.linkedCaseId}`)).timeline.map((e) => e.type)).toContain(
      'supervision.pressed',
    );

    const closed = await stepOf(filed, 'transfer.filing-review', (s) => s.status === 'closed', 'closed');
    const r = await sup.call<{ code: string }>(
      'POST',
      `/steps/${enc(closed.stepId)}/press`,
      { message: '请办理' },
      409,
    );
    expect(r.body.code).toBe('STEP.CLOSED');
  });
});
