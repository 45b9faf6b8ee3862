/**
 * Issue #9 acceptance 3: a transfer driven through the agencies' REST APIs — not filed, straight to filing
 * supervision, explanation, notice to file, filed on the notice, items handed over — checking at each step
 * what each agency's GET /inbox says it owes: exactly the open steps it owes, nothing else (items 5–8).
 * Real Kafka, PostgreSQL and Temporal. Rule ids of deadlines.md are named at each step.
 */
import { Api, eventually, TestSystem } from '../support/system';
import { agencies, enfPhase, openAndSend, polPhase, PRO, type Agencies } from './transfer-driver';

interface InboxItem {
  stepId: string;
  ruleId: string | null;
  status: string;
  dueAt: string | null;
  outcome: string | null;
  presses: unknown[];
}
interface Inbox {
  status: string;
  retentionDays: number;
  items: InboxItem[];
}
interface ConsoleStep {
  ruleId: string;
  owingAgencyId: string;
  closedAt: string | null;
}
interface Timeline {
  phase: string;
  timeline: { at: string; what: string; eventId?: string }[];
}

describe('each agency’s inbox is what it owes now (transfer → filing supervision → filed on the notice)', () => {
  const sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'supervision', 'workflow-worker']);
  let a: Agencies;
  let sup: Api;

  beforeAll(async () => {
    await sys.start();
    a = agencies(sys);
    sup = new Api(sys.url('supervision'), sys.token(PRO, ['supervisor'], 'sup-sun'));
  }, 240_000);
  afterAll(() => sys.stop(), 60_000);

  const inbox = (api: Api, linkedCaseId: string, status = 'owed'): Promise<Inbox> =>
    api.get<Inbox>(`/inbox?linkedCaseId=${linkedCaseId}&status=${status}`);
  const rules = (i: Inbox): string[] => i.items.map((x) => x.ruleId ?? '?').sort();

  /** Waits until the three offices owe exactly these rules on the case (and nothing else). */
  async function owes(
    linkedCaseId: string,
    expected: { enf: string[]; pol: string[]; pro: string[] },
    what: string,
  ): Promise<void> {
    const offices: Array<[keyof typeof expected, Api]> = [
      ['enf', a.enf],
      ['pol', a.pol],
      ['pro', a.pro],
    ];
    for (const [office, api] of offices) {
      const want = [...expected[office]].sort();
      const got = await eventually(
        () => inbox(api, linkedCaseId),
        (i) => JSON.stringify(rules(i)) === JSON.stringify(want),
        `${office} owes ${want.join(', ') || 'nothing'} (${what})`,
      );
      for (const item of got.items)
        expect(item).toMatchObject({
          status: expect.stringMatching(/^(due|warning|missed)$/),
          dueAt: expect.any(String),
        });
    }
  }

  it('owed steps appear when they open and leave when done; done items are listed apart', async () => {
    const { transferId, linkedCaseId } = await openAndSend(a, 'inbox');
    // transfer.receipt is owed by the police; the copy to the procuratorate was made with the transfer (E17 art 6): not owed
    await owes(linkedCaseId, { enf: [], pol: ['transfer.receipt'], pro: [] }, 'sent');
    // Item 10: penalty.decision-period is held by a workflow; with the police it is suspended, not owed (E17 art 16)
    const suspended = await eventually(
      () => inbox(a.enf, linkedCaseId, 'suspended'),
      (i) => i.items.some((x) => x.ruleId === 'penalty.decision-period'),
      'enforcement: penalty clock suspended',
    );
    expect(suspended.items.map((x) => [x.ruleId, x.status])).toEqual([['penalty.decision-period', 'suspended']]);
    const enfDone = await eventually(
      () => inbox(a.enf, linkedCaseId, 'done'),
      (i) => i.items.some((x) => x.ruleId === 'transfer.copy-to-procuratorate'),
      'enforcement: the copy is done',
    );
    expect(enfDone.items.find((x) => x.ruleId === 'transfer.copy-to-procuratorate')).toMatchObject({
      status: 'done',
      outcome: 'met',
    });
    expect(enfDone.retentionDays).toBeGreaterThan(0);

    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: '沈公（环）受字〔2026〕41号' });
    await owes(linkedCaseId, { enf: [], pol: ['transfer.filing-review'], pro: [] }, 'receipt signed');
    expect((await inbox(a.pol, linkedCaseId, 'done')).items.map((x) => x.ruleId)).toContain('transfer.receipt');

    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'not-filed',
      reasons: '现有证据不足以证明达到追诉标准',
    });
    await enfPhase(a, transferId, 'not-filed');
    await owes(linkedCaseId, { enf: ['transfer.reconsideration-request'], pol: [], pro: [] }, 'not filed');

    // Straight to filing supervision (E17 art 11): the procuratorate owes its review (item 5)
    await a.enf.post(`/transfers/${transferId}/supervision-request`, { reasons: '请求检察机关立案监督' });
    await owes(linkedCaseId, { enf: [], pol: [], pro: ['supervision.request-review'] }, 'supervision requested');
    // ... and the supervisors' console shows it as the case's open step (it showed none before)
    const open = await eventually(
      () => sup.get<{ steps: ConsoleStep[] }>(`/cases/${linkedCaseId}`),
      (c) => c.steps.some((x) => x.ruleId === 'supervision.request-review' && x.closedAt === null),
      'console: supervision.request-review open',
    );
    expect(open.steps.find((x) => x.ruleId === 'supervision.request-review')).toMatchObject({ owingAgencyId: PRO });
    // item 10: supervisors see penalty.decision-period too, held by its workflow
    expect(open.steps.find((x) => x.ruleId === 'penalty.decision-period')).toMatchObject({
      owingAgencyId: 'enforcement:210100',
    });
    // Item 9: asking twice is ALREADY_DONE (nothing changed since), and says what to wait for
    const twice = await a.enf.call<{ code: string; message: string }>(
      'POST',
      `/transfers/${transferId}/supervision-request`,
      { reasons: '再次请求' },
      409,
    );
    expect(twice.body.code).toBe('TRANSFER.ALREADY_DONE');
    expect(twice.body.message).toMatch(
      /wait for the procuratorate to open filing supervision \(supervision\.request-review\)/,
    );

    const { supervisionId } = await a.pro.post<{ supervisionId: string }>('/filing-supervisions', { transferId });
    await owes(linkedCaseId, { enf: [], pol: [], pro: [] }, 'supervision opened');

    await a.pro.post(`/filing-supervisions/${supervisionId}/explanation-request`, { question: '请说明不立案理由' });
    await owes(linkedCaseId, { enf: [], pol: ['supervision.police-explain'], pro: [] }, 'explanation required');
    // Item 6: no notice to file while the police are still within supervision.police-explain
    const early = await a.pro.call<{ code: string; message: string }>(
      'POST',
      `/filing-supervisions/${supervisionId}/filing-notice`,
      { noticeNumber: '沈检通立〔2026〕7号' },
      409,
    );
    expect(early.body.code).toBe('SUPERVISION.OUT_OF_ORDER');
    expect(early.body.message).toMatch(/wait for their reasons/);

    await eventually(
      () => a.pol.get<Timeline>(`/supervisions/${supervisionId}`),
      (m) => m.phase === 'explanation-required',
      'police asked to explain',
    );
    await a.pol.post(`/supervisions/${supervisionId}/explanation`, { reasons: '排放浓度未达到追诉标准' });
    await owes(linkedCaseId, { enf: [], pol: [], pro: [] }, 'explained');
    await eventually(
      () => a.pro.get<Timeline>(`/filing-supervisions/${supervisionId}`),
      (s) => s.phase === 'explained',
      'procuratorate has the reasons',
    );

    await a.pro.post(`/filing-supervisions/${supervisionId}/filing-notice`, { noticeNumber: '沈检通立〔2026〕7号' });
    await owes(linkedCaseId, { enf: [], pol: ['supervision.police-file'], pro: [] }, 'notice to file');
    await eventually(
      () => a.pol.get<Timeline>(`/supervisions/${supervisionId}`),
      (m) => m.phase === 'notice-to-file',
      'police notified to file',
    );

    // Item 9: deciding again without the supervisionId says how to file on the notice
    const noId = await a.pol.call<{ code: string; message: string }>(
      'POST',
      `/transfers/${transferId}/decision`,
      { outcome: 'filed', policeCaseNumber: '沈公（环）立字〔2026〕19号' },
      409,
    );
    expect(noId.body.code).toBe('TRANSFER.ALREADY_DONE');
    expect(noId.body.message).toMatch(/send its supervisionId with the decision/);

    // Item 7: filing on the notice opens transfer.items-handover for enforcement
    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '沈公（环）立字〔2026〕19号',
      supervisionId,
    });
    await enfPhase(a, transferId, 'filed');
    await owes(
      linkedCaseId,
      { enf: ['transfer.items-handover'], pol: [], pro: ['supervision.investigation-chaser'] },
      'filed on the notice',
    );

    // Item 6: both views list the supervision in event time, in the same order
    const proView = await eventually(
      () => a.pro.get<Timeline>(`/filing-supervisions/${supervisionId}`),
      (s) => s.phase === 'police-filed',
      'procuratorate sees the filing',
    );
    const polView = await a.pol.get<Timeline>(`/supervisions/${supervisionId}`);
    for (const view of [proView, polView]) {
      const times = view.timeline.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
    // the police's explanation comes before the notice to file in both views
    const at = (v: Timeline, what: string): number => v.timeline.findIndex((e) => e.what.includes(what));
    expect(at(proView, 'police explained')).toBeGreaterThanOrEqual(0);
    expect(at(proView, 'police explained')).toBeLessThan(at(proView, 'notice to file'));
    expect(at(polView, 'reasons given')).toBeGreaterThanOrEqual(0);
    expect(at(polView, 'reasons given')).toBeLessThan(at(polView, 'notice to file'));

    await a.enf.post(`/transfers/${transferId}/items-handover`, {
      items: [{ kind: 'seized-items-list', title: '查封扣押物品清单' }],
    });
    await owes(linkedCaseId, { enf: [], pol: [], pro: ['supervision.investigation-chaser'] }, 'items handed over');
    const done = await eventually(
      () => inbox(a.enf, linkedCaseId, 'done'),
      (i) => i.items.some((x) => x.ruleId === 'transfer.items-handover'),
      'enforcement: items done',
    );
    expect(done.items.find((x) => x.ruleId === 'transfer.items-handover')).toMatchObject({
      status: 'done',
      outcome: 'met',
    });
    // the procuratorate's review of the request is done, not owed
    expect(
      (await inbox(a.pro, linkedCaseId, 'done')).items.find((x) => x.ruleId === 'supervision.request-review'),
    ).toMatchObject({ outcome: 'met' });

    const bad = await a.enf.call<{ code: string }>('GET', `/inbox?status=everything`, undefined, 400);
    expect(bad.body.code).toBe('REQUEST.VALIDATION_FAILED');
  });
});
