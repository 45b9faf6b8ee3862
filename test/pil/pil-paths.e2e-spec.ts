/**
 * Public-interest litigation and ecological damage compensation end to end (issue 11, acceptance 1 a, b and c
 * up to the suit, d, g up to the court): the procuratorate and the enforcement office act through their REST
 * APIs over real PostgreSQL, Kafka and Temporal (time-skipping server); each step is checked in every involved
 * agency's view and inbox. The court's side is another flow's. Paths that skip time run last: a skip moves the
 * clock of every open case of this system.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Topics } from '@casebridge/contracts';
import { readTopic } from '../messaging/support/topic-reader';
import { Api, eventually, TestSystem } from '../support/system';
import { createTimeSkippingEnv } from '../support/temporal';
import { agencies, ENF, PRO, type Agencies } from '../transfer/transfer-driver';
import { openAdministrative as openAdministrativeCase, openCivil as openCivilCase } from './pil-driver';

const COURT = 'court:210100';
/** Anshan: the built-in jurisdiction map gives its environmental cases to the Shenyang court (集中管辖). */
const PRO_ANSHAN = 'procuratorate:210300';
const DAY = 24 * 3600 * 1000;

interface InboxItem {
  ruleId: string | null;
  stepId: string;
  subjectId: string | null;
  status: string;
  dueAt: string | null;
  warnedAt: string | null;
  missedAt: string | null;
  outcome: string | null;
  owner: { kind: string; agencyId?: string; role?: string } | null;
}
interface PilCaseView {
  phase: string;
  closed: boolean;
  view: Record<string, unknown> & { phase: string };
}
interface RecommendationView {
  phase: string;
  view: Record<string, unknown> & { phase: string };
}

describe('public-interest litigation and damage compensation through the REST APIs (issue 11)', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let a: Agencies;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(['enforcement', 'procuratorate', 'workflow-worker'], {
      '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address },
    });
    await sys.start();
    a = agencies(sys, { police: false, procuratorate: true });
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 60_000);

  const inbox = async (api: Api, linkedCaseId: string, status = 'owed'): Promise<InboxItem[]> =>
    (await api.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=${status}`)).items;
  const inboxHas = (api: Api, linkedCaseId: string, status: string, stepId: string, what = stepId) =>
    eventually(
      () => inbox(api, linkedCaseId, status),
      (items) => items.some((i) => i.stepId === stepId),
      `${what} ${status}`,
    ).then((items) => items.find((i) => i.stepId === stepId)!);
  const pilCase = (id: string, pro = a.pro) => pro.get<PilCaseView>(`/pil-cases/${id}`);
  const proPhase = (id: string, phase: string) =>
    eventually(
      () => pilCase(id),
      (c) => c.phase === phase,
      `procuratorate case ${phase}`,
    );
  const recommendation = (id: string) => a.enf.get<RecommendationView>(`/pil-recommendations/${id}`);
  const enfPhase = (id: string, phase: string) =>
    eventually(
      () => recommendation(id),
      (r) => r.phase === phase,
      `recommendation ${phase} at the agency`,
    );
  /** The events of one subject on a producer's topic, by type. */
  const onKafka = async (topic: string, type: string, field: string, id: string) =>
    eventually(
      async () =>
        (await readTopic(`${topic}.${sys.suffix}`))
          .map((m) => JSON.parse(m.value ?? '{}') as { type: string; payload: Record<string, unknown> })
          .filter((e) => e.type === type && e.payload[field] === id),
      (found) => found.length === 1,
      `${type} on Kafka`,
    ).then((found) => found[0]!);

  const openAdministrative = (linkedCaseId?: string) => openAdministrativeCase(a, linkedCaseId);
  const openCivil = (linkedCaseId?: string, pro = a.pro) => openCivilCase(a, linkedCaseId, pro);

  /** An administrative case of the Shenyang enforcement office: a linked case it owns. */
  async function ownCase(): Promise<string> {
    const { linkedCaseId } = await a.enf.post<{ linkedCaseId: string }>('/cases', {
      caseNumber: `辽沈环罚〔2026〕pil-${randomUUID().slice(0, 8)}号`,
      party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      violation: '通过暗管排放含铬废水，致下游农田污染',
      discoveredAt: '2026-11-20T10:30:00+08:00',
    });
    return linkedCaseId;
  }

  /** Enforcement shares a decision of its case with the Shenyang procuratorate: the procuratorate is granted the case. */
  async function shareWithProcuratorate(linkedCaseId: string): Promise<void> {
    const { decisionId } = await a.enf.post<{ decisionId: string }>(`/sharing/cases/${linkedCaseId}/decisions`, {
      decisionKind: 'supervision-request',
      decidedAt: new Date().toISOString(),
      ownerCaseNumber: `辽沈环罚〔2026〕shared-${randomUUID().slice(0, 6)}号`,
      content: '生态环境损害线索，移送检察机关',
    });
    await a.enf.post(`/sharing/cases/${linkedCaseId}/decisions/${decisionId}/entry`, { sharedWith: [PRO] });
    await eventually(
      () => a.pro.get<unknown[]>(`/sharing/cases/${linkedCaseId}/entries`),
      (entries) => entries.length > 0,
      'the procuratorate is granted the case',
    );
  }

  async function openConsultation(
    linkedCaseId: string,
    noticeNumber = `沈环赔磋〔2026〕${randomUUID().slice(0, 6)}号`,
  ): Promise<string> {
    const { edcCaseId } = await a.enf.post<{ edcCaseId: string }>('/damage-compensations', {
      liableParty: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      noticeNumber,
      damage: '含铬废水致下游农田 12 亩土壤污染',
      linkedCaseId,
    });
    expect((await a.enf.get<{ phase: string }>(`/damage-compensations/${edcCaseId}`)).phase).toBe('consulting');
    await inboxHas(a.enf, linkedCaseId, 'owed', `${edcCaseId}/edc.consultation`);
    return edcCaseId;
  }

  it('(a) administrative PIL: the agency acts and replies in time, the procuratorate closes and serves the closing decision', async () => {
    const { pilCaseId, linkedCaseId } = await openAdministrative();
    // kept case (attack round 4): a procuratorate that is not above this one is refused, and nothing is filed
    for (const upper of ['procuratorate:999999', 'procuratorate:210200', 'procuratorate:210100'])
      expect(
        (
          await a.pro.call<{ code: string }>(
            'POST',
            `/pil-cases/${pilCaseId}/recommendation-filing`,
            { upperProcuratorateAgencyId: upper },
            400,
          )
        ).body.code,
      ).toBe('PIL.NOT_THE_NEXT_LEVEL');
    expect((await pilCase(pilCaseId)).view.filedUpwardAt).toBeNull();
    await a.pro.post(`/pil-cases/${pilCaseId}/recommendation-filing`, {});
    expect((await pilCase(pilCaseId)).view.filedUpwardAt).not.toBeNull();
    await inboxHas(a.pro, linkedCaseId, 'done', `${pilCaseId}/pil.recommendation-filing`);
    expect(
      (await a.pro.call<{ code: string }>('POST', `/pil-cases/${pilCaseId}/recommendation-filing`, {}, 409)).body.code,
    ).toBe('PIL.ALREADY_DONE');

    await a.enf.post(`/pil-recommendations/${pilCaseId}/actions`, { action: '已对倾倒单位立案调查，责令限期清运' });
    await eventually(
      () => pilCase(pilCaseId),
      (c) => (c.view.agencyActions as unknown[]).length === 1,
      'the agency’s action at the procuratorate',
    );
    await a.enf.post(`/pil-recommendations/${pilCaseId}/reply`, {
      outcome: 'corrected',
      reply: '危险废物已全部清运处置',
    });
    expect((await recommendation(pilCaseId)).phase).toBe('replied');
    expect(
      (
        await a.enf.call<{ code: string }>(
          'POST',
          `/pil-recommendations/${pilCaseId}/reply`,
          { outcome: 'corrected', reply: 'x' },
          409,
        )
      ).body.code,
    ).toBe('PIL.ALREADY_DONE');
    const replied = await proPhase(pilCaseId, 'replied');
    expect(replied.view.replyOutcome).toBe('corrected');
    await inboxHas(a.enf, linkedCaseId, 'done', `${pilCaseId}/pil.agency-reply`);
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.admin-suit-decision`);

    // only a head decides
    await a.pro.call('POST', `/pil-cases/${pilCaseId}/closing-decision`, { reasons: '已依法履职' }, 403);
    await a.proHead.post(`/pil-cases/${pilCaseId}/closing-decision`, { reasons: '区生态环境局已依法全面履职' });
    expect((await pilCase(pilCaseId)).phase).toBe('closing');
    const notice = await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.admin-suit-decision@closing-notice`);
    expect(notice.ruleId).toBe('pil.admin-suit-decision');
    await a.pro.post(`/pil-cases/${pilCaseId}/closing-decision-service`, { documentNumber: '沈检行公终〔2026〕1号' });
    expect(await pilCase(pilCaseId)).toMatchObject({ phase: 'closed', closed: true });
    const closed = await enfPhase(pilCaseId, 'closed');
    expect(closed.view.closingDocumentNumber).toBe('沈检行公终〔2026〕1号');
    await inboxHas(a.pro, linkedCaseId, 'done', `${pilCaseId}/pil.admin-suit-decision@closing-notice`);
    await eventually(
      () => inbox(a.pro, linkedCaseId),
      (i) => i.length === 0,
      'nothing owed at the procuratorate',
    );

    // need to know: another office of either kind does not see the case
    const otherEnf = new Api(sys.url('enforcement'), sys.token('enforcement:210200', ['officer']));
    const otherPro = new Api(sys.url('procuratorate'), sys.token('procuratorate:210200', ['officer']));
    expect(
      (await otherEnf.call<{ code: string }>('GET', `/pil-recommendations/${pilCaseId}`, undefined, 404)).body.code,
    ).toBe('PIL.NOT_FOUND');
    expect((await otherPro.call<{ code: string }>('GET', `/pil-cases/${pilCaseId}`, undefined, 404)).body.code).toBe(
      'PIL.NOT_FOUND',
    );
    expect(await otherEnf.get('/pil-recommendations')).toEqual([]);
  });

  it('(d) civil PIL: an ineligible organisation is refused with reasons, an eligible one comes forward and the procuratorate supports its suit', async () => {
    const { pilCaseId, linkedCaseId } = await openCivil();
    const organisation = {
      name: '某县环保志愿者协会',
      creditCode: '51210100MJ0Y6J5X2U',
      registrationLevel: 'county',
      consecutiveYears: 3,
      violationRecord: false,
    };
    const refused = await a.pro.call<{ eligible: boolean; reasons: string[] }>(
      'POST',
      `/pil-cases/${pilCaseId}/organisations`,
      { organisation },
      400,
    );
    expect(JSON.stringify(refused.body)).toContain('creditCode');
    const bad = await a.pro.post<{ eligible: boolean; reasons: string[] }>(`/pil-cases/${pilCaseId}/organisations`, {
      organisation: { ...organisation, creditCode: '91210100MA0Y6J5X2U' },
    });
    expect(bad.eligible).toBe(false);
    expect(bad.reasons).toEqual([
      expect.stringContaining('county-level civil-affairs department'),
      expect.stringContaining('3 consecutive year(s)'),
    ]);
    const stillAnnounced = await pilCase(pilCaseId);
    expect(stillAnnounced.phase).toBe('announced');
    expect(stillAnnounced.view.organisations).toEqual([expect.objectContaining({ eligible: false })]);
    expect((await a.proHead.call<{ code: string }>('POST', `/pil-cases/${pilCaseId}/suit`, {}, 409)).body.code).toBe(
      'PIL.OUT_OF_ORDER',
    );

    const good = await a.pro.post<{ eligible: boolean; reasons: string[] }>(`/pil-cases/${pilCaseId}/organisations`, {
      organisation: {
        name: '辽宁省生态环境保护志愿者协会',
        creditCode: '91210100MA0Y6J5X2U',
        registrationLevel: 'province',
        consecutiveYears: 8,
        violationRecord: false,
      },
    });
    expect(good).toEqual({ eligible: true, reasons: [] });
    expect((await pilCase(pilCaseId)).view.plaintiff).toBe('辽宁省生态环境保护志愿者协会');
    await inboxHas(a.pro, linkedCaseId, 'done', `${pilCaseId}/pil.civil-announcement`);
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.civil-suit-decision`);
    await a.proHead.post(`/pil-cases/${pilCaseId}/suit-support`, {});
    expect(await pilCase(pilCaseId)).toMatchObject({ phase: 'supported', closed: true });
    await inboxHas(a.pro, linkedCaseId, 'done', `${pilCaseId}/pil.civil-suit-decision`);
    await onKafka(Topics.procuratorate, 'pil.suit-supported', 'pilCaseId', pilCaseId);
  });

  it('(g) a damage consultation agreed: meetings, agreement, judicial confirmation applied (edc.confirmation-applied names the court)', async () => {
    const linkedCaseId = await ownCase();
    const noticeNumber = `沈环赔磋〔2026〕${randomUUID().slice(0, 6)}号`;
    const edcCaseId = await openConsultation(linkedCaseId, noticeNumber);
    // one case per notice number of the agency (unique index)
    const again = await a.enf.call<{ code: string }>(
      'POST',
      '/damage-compensations',
      {
        liableParty: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
        noticeNumber,
        damage: '同一磋商告知书再次立案',
      },
      409,
    );
    expect(again.body.code).toBe('EDC.NOTICE_NUMBER_TAKEN');
    expect(
      (await a.enf.get<{ noticeNumber: string }[]>('/damage-compensations')).filter(
        (c) => c.noticeNumber === noticeNumber,
      ),
    ).toHaveLength(1);
    // an agreement comes out of a meeting: none held yet
    expect(
      (
        await a.enfHead.call<{ code: string }>(
          'POST',
          `/damage-compensations/${edcCaseId}/agreement`,
          { agreementSummary: '未经磋商的协议' },
          409,
        )
      ).body.code,
    ).toBe('EDC.NO_MEETING_HELD');
    expect((await a.enf.get<{ phase: string }>(`/damage-compensations/${edcCaseId}`)).phase).toBe('consulting');
    expect(await a.enf.post(`/damage-compensations/${edcCaseId}/meetings`, { minutes: '第一次磋商' })).toEqual({
      round: 1,
    });
    await a.enf.call('POST', `/damage-compensations/${edcCaseId}/agreement`, { agreementSummary: 'x' }, 403);
    await a.enfHead.post(`/damage-compensations/${edcCaseId}/agreement`, {
      agreementSummary: '修复农田并赔偿生态环境服务功能损失 120 万元',
    });
    await inboxHas(a.enf, linkedCaseId, 'done', `${edcCaseId}/edc.consultation`);
    await a.enf.post(`/damage-compensations/${edcCaseId}/confirmation-application`, {});
    expect(await a.enf.get(`/damage-compensations/${edcCaseId}`)).toMatchObject({
      phase: 'confirmation-applied',
      closed: true,
      view: { courtAgencyId: COURT, meetings: [expect.objectContaining({ round: 1 })] },
    });
    const applied = await onKafka(Topics.enforcement, 'edc.confirmation-applied', 'edcCaseId', edcCaseId);
    expect(applied.payload).toMatchObject({ courtAgencyId: COURT, claimantAgencyId: ENF });
    // the claimant alone sees the case
    const other = new Api(sys.url('enforcement'), sys.token('enforcement:210200', ['officer']));
    expect(
      (await other.call<{ code: string }>('GET', `/damage-compensations/${edcCaseId}`, undefined, 404)).body.code,
    ).toBe('EDC.NOT_FOUND');
  });

  it('(g) a consultation that fails leads to a suit, while a civil PIL on the same conduct waited (its clock stood still)', async () => {
    // the conduct is enforcement's case, shared with the procuratorate, which brings the civil PIL on it
    const owned = await ownCase();
    await shareWithProcuratorate(owned);
    const { pilCaseId, linkedCaseId } = await openCivil(owned);
    expect(linkedCaseId).toBe(owned);
    // kept cases (attack round 4, session 5 trial): an office of another region cannot name this linked case at all —
    // it neither owns it nor was granted it — so it can neither stop this clock nor bring the case into its region's
    // audit scope by putting an event on it
    const dalianEnf = new Api(sys.url('enforcement'), sys.token('enforcement:210200', ['officer']));
    const foreignEdc = await dalianEnf.call<{ code: string }>(
      'POST',
      '/damage-compensations',
      {
        liableParty: { name: '大连某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
        noticeNumber: `大环赔磋〔2026〕${randomUUID().slice(0, 6)}号`,
        damage: '另一地区的磋商',
        linkedCaseId,
      },
      404,
    );
    expect(foreignEdc.body.code).toBe('CASE.LINKED_CASE_UNKNOWN');
    const dalianPro = new Api(sys.url('procuratorate'), sys.token('procuratorate:210200', ['officer']));
    const foreignPil = await dalianPro.call<{ code: string }>(
      'POST',
      '/pil-cases',
      { kind: 'civil', facts: 'probe', linkedCaseId },
      404,
    );
    expect(foreignPil.body.code).toBe('CASE.LINKED_CASE_UNKNOWN');
    expect((await dalianPro.get<{ linkedCaseId: string }[]>('/pil-cases')).map((c) => c.linkedCaseId)).not.toContain(
      linkedCaseId,
    );
    const edcCaseId = await openConsultation(linkedCaseId);
    const waiting = await eventually(
      () => pilCase(pilCaseId),
      (c) => c.view.waiting === true,
      'the civil PIL waits',
    );
    expect(waiting.view.waitingForEdcCaseId).toBe(edcCaseId);
    await inboxHas(a.pro, linkedCaseId, 'suspended', `${pilCaseId}/pil.civil-announcement`);
    for (const round of [1, 2, 3])
      expect(await a.enf.post(`/damage-compensations/${edcCaseId}/meetings`, { minutes: `第${round}次磋商` })).toEqual({
        round,
      });
    const fourth = await a.enf.call<{ code: string }>(
      'POST',
      `/damage-compensations/${edcCaseId}/meetings`,
      { minutes: '第四次' },
      409,
    );
    expect(fourth.body.code).toBe('EDC.MEETING_LIMIT');
    await a.enfHead.call('POST', `/damage-compensations/${edcCaseId}/suit`, { claim: 'x' }, 409);
    await a.enf.post(`/damage-compensations/${edcCaseId}/failure`, { reasons: '赔偿义务人拒绝承担修复费用' });
    await a.enfHead.post(`/damage-compensations/${edcCaseId}/suit`, { claim: '判令被告修复农田并赔偿 300 万元' });
    expect((await a.enf.get<{ phase: string }>(`/damage-compensations/${edcCaseId}`)).phase).toBe('sued');
    const suit = await onKafka(Topics.enforcement, 'edc.suit-filed', 'edcCaseId', edcCaseId);
    expect(suit.payload).toMatchObject({ courtAgencyId: COURT });
    // the civil PIL goes on: its clock runs again
    await eventually(
      () => pilCase(pilCaseId),
      (c) => c.view.waiting === false,
      'the civil PIL resumes',
    );
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.civil-announcement`);
  });

  it('(b, first half) the agency does not reply (time skipped): missed in its inbox and view, the procuratorate sues and pil.suit-filed names the court', async () => {
    const { pilCaseId, linkedCaseId } = await openAdministrative();
    await env.sleep(75 * DAY);
    const missed = await eventually(
      () => inbox(a.enf, linkedCaseId),
      (items) => items.some((i) => i.stepId === `${pilCaseId}/pil.agency-reply` && i.status === 'missed'),
      'pil.agency-reply missed at the agency',
      60_000,
    );
    expect(missed.find((i) => i.ruleId === 'pil.agency-reply')!.warnedAt).not.toBeNull();
    await eventually(
      () => recommendation(pilCaseId),
      (r) => r.view.replyOverdue === true,
      'overdue in the agency’s view',
    );
    await proPhase(pilCaseId, 'reply-overdue');
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.admin-suit-decision`);
    await a.proHead.post(`/pil-cases/${pilCaseId}/suit`, {});
    expect(await pilCase(pilCaseId)).toMatchObject({ phase: 'sued', view: { courtAgencyId: COURT } });
    const filed = await onKafka(Topics.procuratorate, 'pil.suit-filed', 'pilCaseId', pilCaseId);
    expect(filed.payload).toEqual({ pilCaseId, courtAgencyId: COURT, kind: 'administrative' });
    await enfPhase(pilCaseId, 'sued');
    await inboxHas(a.pro, linkedCaseId, 'done', `${pilCaseId}/pil.admin-suit-decision`);
  });

  it('(c, first half) civil PIL: nobody comes forward in 30 days (time skipped), the procuratorate sues; an Anshan suit names the court the map gives Anshan', async () => {
    const { pilCaseId, linkedCaseId } = await openCivil();
    const anshan = new Api(sys.url('procuratorate'), sys.token(PRO_ANSHAN, ['officer'], 'pro-officer-an'));
    const anshanHead = new Api(sys.url('procuratorate'), sys.token(PRO_ANSHAN, ['officer', 'head'], 'pro-head-an'));
    const other = await openCivil(undefined, anshan);
    await env.sleep(32 * DAY);
    await proPhase(pilCaseId, 'announcement-ended');
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.civil-suit-decision`);
    await a.proHead.post(`/pil-cases/${pilCaseId}/suit`, {});
    expect((await pilCase(pilCaseId)).phase).toBe('sued');
    const filed = await onKafka(Topics.procuratorate, 'pil.suit-filed', 'pilCaseId', pilCaseId);
    expect(filed.payload).toEqual({ pilCaseId, courtAgencyId: COURT, kind: 'civil' });

    // 集中管辖: the sender picks the court by the map, so its view and event name the court that will hold the case
    await inboxHas(anshan, other.linkedCaseId, 'owed', `${other.pilCaseId}/pil.civil-suit-decision`);
    expect(
      (await anshanHead.call('POST', `/pil-cases/${other.pilCaseId}/suit`, { courtAgencyId: 'court:210300' }, 404))
        .body,
    ).toMatchObject({ code: 'AGENCY.OUTSIDE_JURISDICTION' }); // its own city's court: the map moved its cases away
    await anshanHead.post(`/pil-cases/${other.pilCaseId}/suit`, {});
    expect(await pilCase(other.pilCaseId, anshan)).toMatchObject({ phase: 'sued', view: { courtAgencyId: COURT } });
    const anshanFiled = await onKafka(Topics.procuratorate, 'pil.suit-filed', 'pilCaseId', other.pilCaseId);
    expect(anshanFiled.payload).toEqual({ pilCaseId: other.pilCaseId, courtAgencyId: COURT, kind: 'civil' });
  });
});
