/**
 * Prosecution end to end (issue #11, acceptance (e) without the court and (f)): police, procuratorate and
 * enforcement driven through their own REST APIs with their own tokens, over real Kafka, PostgreSQL and
 * Temporal (the time-skipping server, so that prosecution.review can run out). Each step is checked in every
 * involved agency's view and inbox. Rule ids: deadlines.md "Prosecution".
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Topics } from '@casebridge/contracts';
import { readTopic } from '../messaging/support/topic-reader';
import { responseSchema, schemaProblems, type OpenApiDoc } from '../support/openapi-response';
import { Api, eventually, TestSystem } from '../support/system';
import { createTimeSkippingEnv } from '../support/temporal';
import { agencies, enfPhase, POL, PRO, type Agencies } from '../transfer/transfer-driver';
import {
  filedCase as driveFiledCase,
  sha,
  transferForProsecution as driveTransferForProsecution,
} from './prosecution-driver';

interface InboxItem {
  ruleId: string | null;
  stepId: string;
  subjectId: string | null;
  status: string;
  missedAt: string | null;
  outcome: string | null;
}
interface ProsecutionRow {
  phase: string;
  view: {
    rounds: number;
    caseFile: { title: string; sha256: string }[];
    courtAgencyId: string | null;
    penaltyOpinion: string | null;
    reviewOverdue: boolean;
    enforcementAgencyId: string | null;
    notifiedAt: string | null;
  };
  timeline: { what: string }[];
}
interface CaseView {
  penaltyClock: { status: string; suspensions: { from: string; to: string | null }[] };
}

describe('prosecution across police, procuratorate and enforcement', () => {
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

  const inbox = async (api: Api, linkedCaseId: string, status = 'owed'): Promise<InboxItem[]> =>
    (await api.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=${status}`)).items;
  const owes = (api: Api, linkedCaseId: string, stepId: string, what: string) =>
    eventually(
      () => inbox(api, linkedCaseId),
      (i) => i.some((x) => x.stepId === stepId),
      what,
    );
  const proView = (id: string, ok: (p: ProsecutionRow) => boolean, what: string) =>
    eventually(() => a.pro.get<ProsecutionRow>(`/prosecutions/${id}`), ok, `procuratorate: ${what}`);
  const polView = (id: string, ok: (p: ProsecutionRow) => boolean, what: string) =>
    eventually(() => a.pol.get<ProsecutionRow>(`/prosecutions/${id}`), ok, `police: ${what}`);

  const filedCase = (label: string) => driveFiledCase(a, label);
  const transferForProsecution = (transferId: string, label: string) =>
    driveTransferForProsecution(a, transferId, label);

  it('(e) transfer for prosecution → one supplementary investigation → indictment naming the court (on Kafka); a third return is refused', async () => {
    const { transferId, linkedCaseId } = await filedCase('e1');
    // only a filed transfer goes for prosecution, and only once
    const prosecutionId = await transferForProsecution(transferId, 'e1');
    const twice = await a.pol.call<{ code: string }>(
      'POST',
      '/prosecutions',
      { transferId, summary: 'x', caseFile: [{ title: 'x', sha256: sha('x') }] },
      409,
    );
    expect(twice.body.code).toBe('PROSECUTION.ALREADY_DONE');

    // the procuratorate has the case and owes prosecution.review; the police see it under review
    const received = await proView(prosecutionId, (p) => p.phase === 'under-review', 'under review');
    expect(received.view.caseFile.map((i) => i.title)).toEqual(['起诉意见书', '监测报告']);
    expect(received.view.enforcementAgencyId).toBe('enforcement:210100');
    await owes(a.pro, linkedCaseId, `${prosecutionId}/prosecution.review`, 'procuratorate owes prosecution.review');
    expect((await a.pol.get<ProsecutionRow>(`/prosecutions/${prosecutionId}`)).phase).toBe('under-review');

    // not a party: another procuratorate and another police office see nothing (404)
    const otherPro = new Api(sys.url('procuratorate'), sys.token('procuratorate:210200'));
    expect(
      (await otherPro.call<{ code: string }>('GET', `/prosecutions/${prosecutionId}`, undefined, 404)).body.code,
    ).toBe('PROSECUTION.NOT_FOUND');
    const otherPol = new Api(sys.url('police'), sys.token('police:210200'));
    expect(
      (
        await otherPol.call<{ code: string }>(
          'POST',
          `/prosecutions/${prosecutionId}/resubmission`,
          { summary: 's', caseFile: [{ title: '补充证据', sha256: sha('more') }] },
          404,
        )
      ).body.code,
    ).toBe('PROSECUTION.NOT_FOUND');
    // re-submitting while under review is out of order
    expect(
      (
        await a.pol.call<{ code: string }>(
          'POST',
          `/prosecutions/${prosecutionId}/resubmission`,
          { summary: 's', caseFile: [{ title: '补充证据', sha256: sha('more') }] },
          409,
        )
      ).body.code,
    ).toBe('PROSECUTION.OUT_OF_ORDER');

    // return for supplementary investigation: the police owe it within a month
    const { round } = await a.pro.post<{ round: number }>(`/prosecutions/${prosecutionId}/return`, {
      reasons: '需补充排放量鉴定意见',
    });
    expect(round).toBe(1);
    await polView(prosecutionId, (p) => p.phase === 'returned' && p.view.rounds === 1, 'returned, round 1');
    await owes(
      a.pol,
      linkedCaseId,
      `${prosecutionId}/prosecution.supplementary-investigation`,
      'police owe prosecution.supplementary-investigation',
    );
    await a.pol.post(`/prosecutions/${prosecutionId}/resubmission`, {
      summary: '补充侦查终结：补充鉴定意见',
      caseFile: [{ title: '鉴定意见', sha256: sha('expert e1') }],
    });
    const back = await proView(
      prosecutionId,
      (p) => p.phase === 'under-review' && p.view.caseFile.length === 3,
      'back',
    );
    expect(back.view.rounds).toBe(1);
    // the review starts again: a new step of prosecution.review (round #2)
    await owes(a.pro, linkedCaseId, `${prosecutionId}/prosecution.review#2`, 'procuratorate owes prosecution.review#2');
    const polDone = await eventually(
      () => inbox(a.pol, linkedCaseId, 'done'),
      (i) => i.some((x) => x.ruleId === 'prosecution.supplementary-investigation'),
      'police step done',
    );
    expect(polDone.find((x) => x.ruleId === 'prosecution.supplementary-investigation')!.outcome).toBe('met');

    // indictment: the court of the region by default
    await a.pro.post(`/prosecutions/${prosecutionId}/decision`, { outcome: 'indicted' });
    const pro = await proView(prosecutionId, (p) => p.phase === 'indicted', 'indicted');
    expect(pro.view.courtAgencyId).toBe('court:210100');
    const pol = await polView(prosecutionId, (p) => p.phase === 'indicted', 'indicted');
    expect(pol.view.courtAgencyId).toBe('court:210100');
    expect(pol.timeline.some((e) => e.what.startsWith('indicted before court:210100'))).toBe(true);
    await eventually(
      () => inbox(a.pro, linkedCaseId),
      (i) => !i.some((x) => x.ruleId === 'prosecution.review'),
      'nothing owed any more',
    );
    // the court service reads prosecution.decided v1 from the procuratorate's topic
    const decided = await eventually(
      async () =>
        (await readTopic(`${Topics.procuratorate}.${sys.suffix}`))
          .map(
            (m) => JSON.parse(m.value ?? '{}') as { type: string; version: number; payload: Record<string, unknown> },
          )
          .filter((e) => e.type === 'prosecution.decided' && e.payload.prosecutionId === prosecutionId),
      (found) => found.length === 1,
      'prosecution.decided on Kafka',
    );
    expect(decided[0]).toMatchObject({ version: 1, payload: { outcome: 'indicted', courtAgencyId: 'court:210100' } });
    // deciding again: already done
    expect(
      (
        await a.pro.call<{ code: string }>(
          'POST',
          `/prosecutions/${prosecutionId}/decision`,
          { outcome: 'indicted' },
          409,
        )
      ).body.code,
    ).toBe('PROSECUTION.ALREADY_DONE');

    // a second case returned twice: the third return is refused with the reason
    const second = await filedCase('e2');
    const p2 = await transferForProsecution(second.transferId, 'e2');
    for (const r of [1, 2]) {
      await proView(p2, (p) => p.phase === 'under-review' && p.view.rounds === r - 1, `round ${r} review`);
      await a.pro.post(`/prosecutions/${p2}/return`, { reasons: `第${r}次退回补充侦查` });
      await polView(p2, (p) => p.phase === 'returned' && p.view.rounds === r, `returned round ${r}`);
      await a.pol.post(`/prosecutions/${p2}/resubmission`, {
        summary: `第${r}次补充侦查终结`,
        caseFile: [{ title: '补充证据', sha256: sha('more') }],
      });
    }
    await proView(p2, (p) => p.phase === 'under-review' && p.view.rounds === 2, 'after two rounds');
    const third = await a.pro.call<{ code: string; message: string }>(
      'POST',
      `/prosecutions/${p2}/return`,
      { reasons: '第3次退回' },
      409,
    );
    expect(third.body.code).toBe('PROSECUTION.SUPPLEMENTARY_ROUNDS_EXHAUSTED');
    expect(third.body.message).toMatch(/third return .* refused: at most 2 rounds/);
    expect((await a.pro.get<ProsecutionRow>(`/prosecutions/${p2}`)).phase).toBe('under-review');
    await owes(a.pro, second.linkedCaseId, `${p2}/prosecution.review#3`, 'procuratorate owes prosecution.review#3');
    // the court: another region is refused; a district court of the procuratorate's own city is allowed (the map
    // leaves that district's cases with it)
    expect(
      (
        await a.pro.call<{ code: string }>(
          'POST',
          `/prosecutions/${p2}/decision`,
          { outcome: 'indicted', courtAgencyId: 'court:210200' },
          404,
        )
      ).body.code,
    ).toBe('AGENCY.OUTSIDE_JURISDICTION');
    await a.pro.post(`/prosecutions/${p2}/decision`, { outcome: 'indicted', courtAgencyId: 'court:210102' });
    const beforeDistrict = await proView(p2, (p) => p.phase === 'indicted', 'indicted before a district court');
    expect(beforeDistrict.view.courtAgencyId).toBe('court:210102');
  });

  it('(f) not prosecuted with a 检察意见: enforcement notified, sees the opinion, its penalty clock resumes', async () => {
    const { transferId, linkedCaseId, caseId } = await filedCase('f1');
    await a.enf.post(`/transfers/${transferId}/items-handover`, {
      items: [{ kind: 'seized-items-list', title: '查封扣押物品清单' }],
    });
    await enfPhase(a, transferId, 'items-handed-over');
    await eventually(
      () => a.enf.get<CaseView>(`/cases/${caseId}`),
      (c) => c.penaltyClock.status === 'suspended',
      'penalty clock suspended while with the police',
    );
    await eventually(
      () => inbox(a.enf, linkedCaseId, 'suspended'),
      (i) => i.some((x) => x.ruleId === 'penalty.decision-period'),
      'enforcement inbox: penalty clock suspended',
    );

    const prosecutionId = await transferForProsecution(transferId, 'f1');
    await proView(prosecutionId, (p) => p.phase === 'under-review', 'under review');
    // an opinion goes with a non-prosecution only
    expect(
      (
        await a.pro.call<{ code: string }>(
          'POST',
          `/prosecutions/${prosecutionId}/decision`,
          { outcome: 'indicted', penaltyOpinion: 'x' },
          400,
        )
      ).body.code,
    ).toBe('PROSECUTION.FIELD_NOT_FOR_OUTCOME');
    // notifying before deciding is out of order
    expect(
      (await a.pro.call<{ code: string }>('POST', `/prosecutions/${prosecutionId}/enforcement-notice`, {}, 409)).body
        .code,
    ).toBe('PROSECUTION.OUT_OF_ORDER');
    // the body /docs offers for a non-prosecution with a penalty opinion, as it stands (kept case, session 4 trial:
    // the composed example indicted and carried an opinion at once, and was refused when pasted)
    const doc = (await (await fetch(`${sys.url('procuratorate')}/docs-json`)).json()) as {
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { examples: Record<string, { value: object }> }> } } }
      >;
    };
    const examples =
      doc.paths['/prosecutions/{prosecutionId}/decision']!.post.requestBody.content['application/json']!.examples;
    expect(Object.keys(examples)).toEqual(['indicted', 'notProsecuted']);
    await a.pro.post(`/prosecutions/${prosecutionId}/decision`, examples.notProsecuted!.value);
    await proView(prosecutionId, (p) => p.phase === 'not-prosecuted', 'not prosecuted');
    await polView(prosecutionId, (p) => p.phase === 'not-prosecuted', 'not prosecuted');
    await owes(
      a.pro,
      linkedCaseId,
      `${prosecutionId}/prosecution.nonprosecution-notice`,
      'procuratorate owes prosecution.nonprosecution-notice',
    );
    // enforcement knows nothing yet
    await a.enf.call('GET', `/prosecution-notices/${prosecutionId}`, undefined, 404);

    await a.pro.post(`/prosecutions/${prosecutionId}/enforcement-notice`, {});
    const pro = await proView(prosecutionId, (p) => p.phase === 'enforcement-notified', 'enforcement notified');
    expect(pro.view.notifiedAt).not.toBeNull();
    const notice = await eventually(
      () =>
        a.enf.call<{ penaltyOpinion: string; reasons: string; transferId: string }>(
          'GET',
          `/prosecution-notices/${prosecutionId}`,
        ),
      (r) => r.status === 200,
      'enforcement sees the notice',
    );
    expect(notice.body).toMatchObject({
      transferId,
      caseId,
      procuratorateAgencyId: PRO,
      reasons: (examples.notProsecuted!.value as { reasons: string }).reasons,
      penaltyOpinion: (examples.notProsecuted!.value as { penaltyOpinion: string }).penaltyOpinion,
    });
    expect(
      (await a.enf.get<{ prosecutionId: string }[]>('/prosecution-notices')).map((n) => n.prosecutionId),
    ).toContain(prosecutionId);
    const t = await a.enf.get<{ timeline: { what: string }[] }>(`/transfers/${transferId}`);
    expect(t.timeline.some((e) => e.what.includes('proposes an administrative penalty'))).toBe(true);
    // penalty.decision-period runs again, in the case view and in the enforcement inbox
    const c = await eventually(
      () => a.enf.get<CaseView>(`/cases/${caseId}`),
      (x) => x.penaltyClock.status === 'running',
      'penalty clock resumed',
    );
    expect(c.penaltyClock.suspensions.every((s) => s.to !== null)).toBe(true);
    await eventually(
      () => inbox(a.enf, linkedCaseId),
      (i) => i.some((x) => x.ruleId === 'penalty.decision-period' && x.status === 'due'),
      'enforcement inbox: penalty.decision-period owed again',
    );
    // the procuratorate's step is met
    const done = await eventually(
      () => inbox(a.pro, linkedCaseId, 'done'),
      (i) => i.some((x) => x.ruleId === 'prosecution.nonprosecution-notice'),
      'notice step done',
    );
    expect(done.find((x) => x.ruleId === 'prosecution.nonprosecution-notice')!.outcome).toBe('met');
    // another enforcement agency does not see the notice
    const otherEnf = new Api(sys.url('enforcement'), sys.token('enforcement:210200'));
    await otherEnf.call('GET', `/prosecution-notices/${prosecutionId}`, undefined, 404);
    expect(POL).toBe('police:210100');
  });

  it('the new views answer within the schemas their OpenAPI documents declare', async () => {
    const { transferId } = await filedCase('s1');
    const prosecutionId = await transferForProsecution(transferId, 's1');
    await proView(prosecutionId, (p) => p.phase === 'under-review', 'under review');
    await a.pro.post(`/prosecutions/${prosecutionId}/decision`, { outcome: 'not-prosecuted', reasons: '情节轻微' });
    await a.pro.post(`/prosecutions/${prosecutionId}/enforcement-notice`, { penaltyOpinion: '建议罚款' });
    await eventually(
      () => a.enf.get(`/prosecution-notices/${prosecutionId}`),
      () => true,
      'the notice',
    );
    const reads: [string, Api, string, string][] = [
      ['police', a.pol, '/prosecutions', '/prosecutions'],
      ['police', a.pol, '/prosecutions/{prosecutionId}', `/prosecutions/${prosecutionId}`],
      ['procuratorate', a.pro, '/prosecutions', '/prosecutions'],
      ['procuratorate', a.pro, '/prosecutions/{prosecutionId}', `/prosecutions/${prosecutionId}`],
      ['enforcement', a.enf, '/prosecution-notices', '/prosecution-notices'],
      ['enforcement', a.enf, '/prosecution-notices/{prosecutionId}', `/prosecution-notices/${prosecutionId}`],
    ];
    const problems: string[] = [];
    for (const [app, api, template, url] of reads) {
      const doc = (await (await fetch(`${sys.url(app as 'police')}/docs-json`)).json()) as OpenApiDoc;
      const body = await api.get(url);
      problems.push(
        ...schemaProblems(doc, responseSchema(doc, 'GET', template, 200), body).map((p) => `${app} ${url}: ${p}`),
      );
    }
    expect(problems).toEqual([]);
  });

  it('prosecution.review runs out when time is skipped: the procuratorate is told, both sides see the review overdue', async () => {
    const { transferId, linkedCaseId } = await filedCase('m1');
    const prosecutionId = await transferForProsecution(transferId, 'm1');
    await owes(a.pro, linkedCaseId, `${prosecutionId}/prosecution.review`, 'review started');
    await env.sleep(40 * 24 * 3600 * 1000);
    const items = await eventually(
      () => inbox(a.pro, linkedCaseId),
      (i) => i.some((x) => x.ruleId === 'prosecution.review' && x.status === 'missed'),
      'procuratorate told: prosecution.review missed',
      60_000,
    );
    expect(items.find((x) => x.ruleId === 'prosecution.review')!.missedAt).not.toBeNull();
    await proView(prosecutionId, (p) => p.view.reviewOverdue, 'review overdue');
    await polView(prosecutionId, (p) => p.view.reviewOverdue, 'review overdue');
    // the police do not owe it
    expect((await inbox(a.pol, linkedCaseId)).some((x) => x.ruleId === 'prosecution.review')).toBe(false);
  });
});
