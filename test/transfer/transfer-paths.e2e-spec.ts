/**
 * Case transfer end to end (issue: case transfer, acceptance 1): every path driven through the agencies'
 * own REST APIs with their own tokens, over real Kafka, PostgreSQL and Temporal; each step checked in
 * every agency's view. Rule ids of deadlines.md are named where a step is statutory.
 */
import { Api, eventually, TestSystem } from '../support/system';
import {
  agencies,
  enfPhase,
  openAndSend,
  openApproved,
  polPhase,
  type Agencies,
  type PolTransfer,
} from './transfer-driver';

interface Copy {
  status: string;
  supervisionRequested: boolean;
  policeCaseNumber: string | null;
  handedOverItems: unknown[];
  policeAgencyId: string;
}
interface Supervision {
  supervisionId?: string;
  phase: string;
}
interface CaseView {
  penaltyClock: { status: string; suspensions: { from: string; to: string | null }[] };
}

describe('case transfer paths across enforcement, police and procuratorate', () => {
  const sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'workflow-worker']);
  let a: Agencies;

  beforeAll(async () => {
    await sys.start();
    a = agencies(sys);
  }, 240_000);
  afterAll(() => sys.stop(), 60_000);

  const copy = (id: string, ok: (c: Copy) => boolean, what: string): Promise<Copy> =>
    eventually(() => a.pro.get<Copy>(`/transfer-copies/${id}`), ok, `procuratorate copy: ${what}`);

  it('filed: receipt, filing, items handed over; acting twice, out of order or on another office’s transfer changes nothing', async () => {
    const { transferId, caseId } = await openAndSend(a, 'filed');
    // transfer.copy-to-procuratorate: the copy arrives with the transfer
    await copy(transferId, (c) => c.status === 'sent', 'sent');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    // penalty.decision-period is suspended while the case is with the police (E17 art 16)
    await eventually(
      () => a.enf.get<CaseView>(`/cases/${caseId}`),
      (c) => c.penaltyClock.status === 'suspended',
      'penalty clock suspended',
    );

    // out of order: deciding before signing the receipt
    const early = await a.pol.call<{ code: string }>(
      'POST',
      `/transfers/${transferId}/decision`,
      { outcome: 'filed', policeCaseNumber: 'X' },
      409,
    );
    expect(early.body.code).toBe('TRANSFER.OUT_OF_ORDER');
    // another police office cannot see or act on it
    const other = new Api(sys.url('police'), sys.token('police:210200'));
    expect((await other.call<{ code: string }>('GET', `/transfers/${transferId}`, undefined, 404)).body.code).toBe(
      'TRANSFER.NOT_FOUND',
    );
    expect(
      (await other.call<{ code: string }>('POST', `/transfers/${transferId}/receipt`, { receiptNumber: 'R-1' }, 404))
        .body.code,
    ).toBe('TRANSFER.NOT_FOUND');
    // an enforcement token is refused by the police service
    const wrongService = new Api(sys.url('police'), sys.token('enforcement:210100'));
    expect((await wrongService.call<{ code: string }>('GET', '/transfers', undefined, 403)).body.code).toBe(
      'AUTH.WRONG_AGENCY',
    );

    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: '沈公（环）受字〔2026〕31号' }); // transfer.receipt
    const twice = await a.pol.call<{ code: string; message: string }>(
      'POST',
      `/transfers/${transferId}/receipt`,
      { receiptNumber: 'again' },
      409,
    );
    expect(twice.body.code).toBe('TRANSFER.ALREADY_DONE');
    // bad input: a case officer reads what is wrong
    const bad = await a.pol.call<{ code: string; message: string }>(
      'POST',
      `/transfers/${transferId}/decision`,
      { outcome: 'filed' },
      400,
    );
    expect(bad.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(bad.body.message).toMatch(/policeCaseNumber is required when the case is filed/);

    await enfPhase(a, transferId, 'received');
    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '沈公（环）立字〔2026〕7号',
    }); // transfer.filing-review
    const enf = await enfPhase(a, transferId, 'filed'); // transfer.decision-notice
    expect(enf.policeCaseNumber).toBe('沈公（环）立字〔2026〕7号');
    await copy(transferId, (c) => c.status === 'filed' && c.policeCaseNumber === '沈公（环）立字〔2026〕7号', 'filed');

    await a.enf.post(`/transfers/${transferId}/items-handover`, {
      items: [{ kind: 'seized-items-list', title: '查封扣押物品清单' }],
    }); // transfer.items-handover
    await enfPhase(a, transferId, 'items-handed-over');
    await eventually(
      () => a.pol.get<PolTransfer>(`/transfers/${transferId}`),
      (t) => t.timeline.some((e) => e.what.startsWith('seized items handed over')),
      'police sees the items',
    );
    await copy(
      transferId,
      (c) => c.status === 'items-handed-over' && c.handedOverItems.length === 1,
      'items handed over',
    );
    // acting twice is ALREADY_DONE everywhere, even when the act closed the transfer (libs/platform assertAct)
    const closed = await a.enf.call<{ code: string }>(
      'POST',
      `/transfers/${transferId}/items-handover`,
      { items: [{ kind: 'other', title: 'x' }] },
      409,
    );
    expect(closed.body.code).toBe('TRANSFER.ALREADY_DONE');
    // the criminal case goes on: the penalty clock stays suspended
    const c = await a.enf.get<CaseView>(`/cases/${caseId}`);
    expect(c.penaltyClock.status).toBe('suspended');
  });

  it('not filed → reconsideration → upheld → filing supervision → notice to file → filed', async () => {
    const { transferId } = await openAndSend(a, 'supervised');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-2' });
    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'not-filed',
      reasons: '现有证据不足以证明达到追诉标准',
    });
    await enfPhase(a, transferId, 'not-filed');
    await copy(transferId, (c) => c.status === 'not-filed', 'not filed');

    await a.enf.post(`/transfers/${transferId}/reconsideration`, { reasons: '监测数据已达追诉标准，请复议' }); // transfer.reconsideration-request
    await polPhase(a.pol, transferId, 'reconsidering');
    await a.pol.post(`/transfers/${transferId}/reconsideration-decision`, {
      outcome: 'upheld',
      reasons: '维持不予立案',
    }); // transfer.reconsideration-decision
    await enfPhase(a, transferId, 'upheld');

    await a.enf.post(`/transfers/${transferId}/supervision-request`, { reasons: '请求检察机关立案监督' }); // transfer.supervision-request
    await copy(transferId, (c) => c.supervisionRequested, 'supervision requested');
    const { supervisionId } = await a.pro.post<{ supervisionId: string }>('/filing-supervisions', { transferId });
    await enfPhase(a, transferId, 'under-supervision');
    await eventually(
      () => a.pol.get<Supervision>(`/supervisions/${supervisionId}`),
      (m) => m.phase === 'opened',
      'police sees the supervision',
    );

    await a.pro.post(`/filing-supervisions/${supervisionId}/explanation-request`, { question: '请说明不立案理由' }); // supervision.police-explain
    await eventually(
      () => a.pol.get<Supervision>(`/supervisions/${supervisionId}`),
      (m) => m.phase === 'explanation-required',
      'police asked to explain',
    );
    await a.pol.post(`/supervisions/${supervisionId}/explanation`, { reasons: '排放浓度未达到追诉标准' });
    await eventually(
      () => a.pro.get<Supervision>(`/filing-supervisions/${supervisionId}`),
      (s) => s.phase === 'explained',
      'procuratorate has the reasons',
    );

    await a.pro.post(`/filing-supervisions/${supervisionId}/filing-notice`, { noticeNumber: '沈检通立〔2026〕1号' }); // supervision.police-file
    await eventually(
      () => a.pol.get<Supervision>(`/supervisions/${supervisionId}`),
      (m) => m.phase === 'notice-to-file',
      'police notified to file',
    );
    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '沈公（环）立字〔2026〕9号',
      supervisionId,
    });
    await enfPhase(a, transferId, 'filed');
    await eventually(
      () => a.pro.get<Supervision>(`/filing-supervisions/${supervisionId}`),
      (s) => s.phase === 'police-filed',
      'procuratorate sees the filing',
    );
    await copy(transferId, (c) => c.status === 'filed', 'filed');
    expect((await a.pol.get<Supervision>(`/supervisions/${supervisionId}`)).phase).toBe('filed');
  });

  it('returned for an administrative penalty: the penalty clock resumes (transfer.return-for-penalty, E17 art 16)', async () => {
    const { transferId, caseId } = await openAndSend(a, 'returned');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-3' });
    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'returned-for-penalty',
      reasons: '不构成犯罪，但违反《水污染防治法》',
    });
    await enfPhase(a, transferId, 'returned-for-penalty');
    const c = await eventually(
      () => a.enf.get<CaseView>(`/cases/${caseId}`),
      (v) => v.penaltyClock.status === 'running',
      'penalty clock running again',
    );
    expect(c.penaltyClock.suspensions).toHaveLength(1);
    expect(c.penaltyClock.suspensions[0]!.to).not.toBeNull();
    await copy(transferId, (x) => x.status === 'returned-for-penalty', 'returned');
    // the workflow's penalty.decision-period runs again: enforcement owes the penalty decision (E17 art 16)
    const { linkedCaseId } = await a.enf.get<{ linkedCaseId: string }>(`/cases/${caseId}`);
    await eventually(
      () => a.enf.get<{ items: { ruleId: string; status: string }[] }>(`/inbox?linkedCaseId=${linkedCaseId}`),
      (i) => i.items.some((x) => x.ruleId === 'penalty.decision-period' && x.status === 'due'),
      'enforcement owes the penalty decision again',
    );
    const again = await a.enf.call<{ code: string }>(
      'POST',
      `/transfers/${transferId}/reconsideration`,
      { reasons: 'x' },
      409,
    );
    expect(again.body.code).toBe('CASE.CLOSED');
  });

  /** The rule ids an office owes now on a case (its GET /inbox, status owed). */
  const owed = (api: Api, linkedCaseId: string): Promise<string[]> =>
    api
      .get<{ items: { ruleId: string | null }[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=owed`)
      .then((i) => i.items.map((x) => x.ruleId ?? '?').sort());
  const owes = (api: Api, linkedCaseId: string, want: string[], what: string): Promise<string[]> =>
    eventually(
      () => owed(api, linkedCaseId),
      (r) => JSON.stringify(r) === JSON.stringify([...want].sort()),
      what,
    );

  it('materials incomplete → supplemented → filed (transfer.materials-notice, transfer.materials-supplement)', async () => {
    const { transferId } = await openAndSend(a, 'materials');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-4' });
    await a.pol.post(`/transfers/${transferId}/materials-request`, {
      missing: ['inspection-record'],
      note: '缺少现场勘验笔录',
    });
    const enf = await enfPhase(a, transferId, 'materials-requested');
    expect(enf.timeline.some((e) => e.what.includes('inspection-record'))).toBe(true);
    await copy(transferId, (c) => c.status === 'materials-requested', 'materials requested');
    await a.enf.post(`/transfers/${transferId}/materials`, {
      items: [{ kind: 'inspection-record', title: '现场勘验笔录' }],
    });
    const pol = await polPhase(a.pol, transferId, 'received');
    expect(pol.materials.map((m) => m.kind)).toContain('inspection-record');
    await a.pol.post(`/transfers/${transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '沈公（环）立字〔2026〕11号',
    });
    await enfPhase(a, transferId, 'filed');
  });

  it('a supplement must cover what the police asked for: other kinds leave the request open, the asked kind closes it (try-findings #6)', async () => {
    const { transferId, linkedCaseId } = await openAndSend(a, 'materials-partial');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-6' });
    await a.pol.post(`/transfers/${transferId}/materials-request`, {
      missing: ['monitoring-report'],
      note: '缺少监测报告',
    });
    await enfPhase(a, transferId, 'materials-requested');
    await copy(transferId, (c) => c.status === 'materials-requested', 'materials requested');
    await owes(a.enf, linkedCaseId, ['transfer.materials-supplement'], 'enforcement owes the supplement');
    // The finding's input: asked for monitoring-report, supplemented `other`.
    await a.enf.post(`/transfers/${transferId}/materials`, { items: [{ kind: 'other', title: '补充说明' }] });
    const partial = await eventually(
      () =>
        a.enf.get<{ phase: string; missingMaterials: string[]; timeline: { what: string }[] }>(
          `/transfers/${transferId}`,
        ),
      (t) => t.timeline.some((e) => e.what.includes('other')),
      'enforcement recorded the supplement',
    );
    expect(partial).toMatchObject({ phase: 'materials-requested', missingMaterials: ['monitoring-report'] });
    const polPartial = await eventually(
      () => a.pol.get<PolTransfer & { missingMaterials: string[] }>(`/transfers/${transferId}`),
      (t) => t.materials.some((m) => m.kind === 'other'),
      'police received the supplement',
    );
    expect(polPartial).toMatchObject({ phase: 'materials-requested', missingMaterials: ['monitoring-report'] });
    // the workflow keeps transfer.materials-supplement open: enforcement still owes it
    expect(await owed(a.enf, linkedCaseId)).toEqual(['transfer.materials-supplement']);
    // the correct supplement is accepted and closes the request everywhere
    await a.enf.post(`/transfers/${transferId}/materials`, {
      items: [{ kind: 'monitoring-report', title: '监测报告 (2026) 3号' }],
    });
    expect(await enfPhase(a, transferId, 'received')).toMatchObject({ missingMaterials: [] });
    expect(await polPhase(a.pol, transferId, 'received')).toMatchObject({ missingMaterials: [] });
    await copy(transferId, (c) => c.status === 'received', 'received');
    await owes(a.enf, linkedCaseId, [], 'enforcement owes nothing more');
    await a.enf.call(
      'POST',
      `/transfers/${transferId}/materials`,
      { items: [{ kind: 'monitoring-report', title: 'x' }] },
      409,
    );
  });

  it('not competent → forwarded to the competent police office, which owes the receipt, then the filing review (transfer.forward-or-return; try-findings #3)', async () => {
    const { transferId, linkedCaseId } = await openAndSend(a, 'forwarded');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: '沈公受〔2026〕9号' });
    await owes(a.pol, linkedCaseId, ['transfer.filing-review'], 'Shenyang owes the filing review');
    await a.pol.post(`/transfers/${transferId}/forward`, {
      mode: 'forwarded',
      toAgencyId: 'police:210200',
      reasons: '案发地属大连市',
    });
    const enf = await eventually(
      () => a.enf.get<{ phase: string; policeAgencyId: string }>(`/transfers/${transferId}`),
      (t) => t.policeAgencyId === 'police:210200',
      'enforcement sees the new police office',
    );
    expect(enf.phase).toBe('sent');
    await copy(transferId, (c) => c.policeAgencyId === 'police:210200' && c.status === 'sent', 'forwarded');
    const dalian = new Api(sys.url('police'), sys.token('police:210200', ['officer'], 'dalian-officer'));
    await polPhase(dalian, transferId, 'awaiting-receipt');
    expect((await a.pol.get<PolTransfer>(`/transfers/${transferId}`)).phase).toBe('forwarded');
    // Dalian owes the receipt; Shenyang owes nothing, its forward-or-return is done
    await owes(dalian, linkedCaseId, ['transfer.receipt'], 'Dalian owes the receipt');
    await owes(a.pol, linkedCaseId, [], 'Shenyang owes nothing');
    const done = await a.pol.get<{ items: { ruleId: string | null }[] }>(
      `/inbox?linkedCaseId=${linkedCaseId}&status=done`,
    );
    expect(done.items.map((x) => x.ruleId)).toContain('transfer.forward-or-return');
    await dalian.post(`/transfers/${transferId}/receipt`, { receiptNumber: '连公受〔2026〕5号' });
    await enfPhase(a, transferId, 'received');
    await owes(dalian, linkedCaseId, ['transfer.filing-review'], 'Dalian owes the filing review');
    await dalian.post(`/transfers/${transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '连公（环）立字〔2026〕2号',
    });
    await enfPhase(a, transferId, 'filed');
    await owes(dalian, linkedCaseId, [], 'Dalian owes nothing after filing');
    await owes(a.enf, linkedCaseId, ['transfer.items-handover'], 'enforcement owes the seized items');
  });

  it('OpenAPI at /docs documents every endpoint with a summary, and every request field with an example', async () => {
    interface Op {
      summary?: string;
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
    }
    interface Doc {
      paths: Record<string, Record<string, Op>>;
      components: {
        schemas: Record<
          string,
          { properties?: Record<string, { example?: unknown; $ref?: string; items?: { $ref?: string } }> }
        >;
      };
    }
    for (const service of ['enforcement', 'police', 'procuratorate'] as const) {
      const html = await fetch(`${sys.url(service)}/docs`);
      expect(html.status).toBe(200);
      const doc = (await (await fetch(`${sys.url(service)}/docs-json`)).json()) as Doc;
      const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, op]) => ({ id: `${m.toUpperCase()} ${path}`, op })),
      );
      expect(ops.length).toBeGreaterThan(3);
      expect(ops.filter(({ op }) => !op.summary).map(({ id }) => `${service}: ${id}`)).toEqual([]);
      const missing: string[] = [];
      for (const { id, op } of ops) {
        const ref = op.requestBody?.content['application/json']?.schema.$ref;
        if (!ref) continue;
        const schema = doc.components.schemas[ref.split('/').pop()!];
        for (const [field, prop] of Object.entries(schema?.properties ?? {})) {
          if (prop.example === undefined && !prop.$ref && !prop.items?.$ref) missing.push(`${service}: ${id} ${field}`);
        }
      }
      expect(missing).toEqual([]);
    }
  });

  // Kept case (session 4 trial): the send body /docs composed from the field examples named one material and
  // threshold facts, and was refused when pasted. The route's named example is accepted as it stands.
  it('the send example /docs offers is accepted as it stands by an approved transfer', async () => {
    interface BodyDoc {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } }>
      >;
    }
    const doc = (await (await fetch(`${sys.url('enforcement')}/docs-json`)).json()) as BodyDoc;
    const examples =
      doc.paths['/transfers/{transferId}/send']?.post?.requestBody?.content['application/json']?.examples;
    expect(Object.keys(examples ?? {})).toEqual(['ordinary', 'onProcuratorialOpinion']);
    const { transferId } = await openApproved(a, 'docs-example');
    await a.enf.call('POST', `/transfers/${transferId}/send`, examples!.ordinary!.value, 204);
    await polPhase(a.pol, transferId, 'awaiting-receipt');
  });
});
