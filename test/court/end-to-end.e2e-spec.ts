/**
 * One case from the procuratorate (or the police) through the real court service (issue #11, acceptance 1 b, c, e
 * and 5): police, procuratorate, enforcement and court act through their own REST APIs with their own tokens, over
 * real Kafka, PostgreSQL and Temporal (the time-skipping server: the agency's two months and the 30-day announcement
 * run out in seconds). Each step is checked in every involved agency's view and inbox — the procuratorate's view now
 * follows the trial (court.* folded into `trial`) — and, for path (b), in the supervision console (its API, then the
 * case page in Chromium with a screenshot) and in the audit history. The court is never hard-coded: it is the one the
 * suit or indictment named, as the court that received it tells the procuratorate (the jurisdiction map may forward
 * a case). Paths that skip time run after the one that does not: a skip moves the clock of every open case.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomInt } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Api, eventually, TestSystem } from '../support/system';
import { hearingDayCame } from './hearing-day';
import { createTimeSkippingEnv } from '../support/temporal';
import { agencies, ENF, POL, PRO, type Agencies } from '../transfer/transfer-driver';
import {
  agencyPilPhase,
  inbox,
  inboxHas,
  openAdministrative,
  openCivil,
  pilCase,
  proPilPhase,
  recommendation,
  type PilCaseView,
} from '../pil/pil-driver';
import { filedCase, sha, transferForProsecution } from '../prosecution/prosecution-driver';

const DAY = 24 * 3600 * 1000;
/** Patience for what crosses Kafka and the worker on a loaded two-core machine. */
const SLOW = 90_000;
const CHROMIUM = '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '../../test-output');

interface Trial {
  courtCaseId: string;
  courtAgencyId: string;
  phase: string;
  docketNumber: string | null;
  complaintServedAt: string | null;
  notifiedAgencyId: string | null;
  hearingAt: string | null;
  judgmentSummary: string | null;
  restoration: { order: string; dueDate: string | null; percentDone: number; status: string } | null;
}
interface ProsecutionRow {
  phase: string;
  view: { rounds: number; courtAgencyId: string | null };
  courtCaseId: string | null;
  trial: Trial | null;
  timeline: { what: string }[];
}
interface CourtCaseView {
  courtCaseId: string;
  courtAgencyId: string;
  addressedTo: string;
  source: string;
  sourceId: string;
  track: string;
  phase: string;
  notifiedAgencyId: string | null;
  restoration: { status: string; overdue: boolean; records: unknown[] } | null;
}
interface CourtNoticeView {
  courtAgencyId: string;
  courtCaseId: string;
  noticeNumber: string;
  docketNumber: string;
}
interface Step {
  stepId: string;
  ruleId: string;
  status: string;
  owingAgencyId: string;
  closedAt: string | null;
  outcome: string | null;
}
interface SupervisionCase {
  steps: Step[];
  timeline: { type: string }[];
}

describe('one case from the procuratorate through the court (issue 11: b, c, e and the console)', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let a: Agencies;
  let sup: Api;
  let auditor: Api;
  /** path (b), for the console and the audit */
  let pathB: { pilCaseId: string; linkedCaseId: string; courtCaseId: string; docketNumber: string } | undefined;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(
      ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit', 'workflow-worker'],
      { '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address }, supervision: { SUPERVISION_SWEEP_MS: '1000' } },
    );
    await sys.start();
    a = agencies(sys);
    sup = new Api(sys.url('supervision'), sys.token(PRO, ['supervisor'], 'sup-sun'));
    auditor = new Api(sys.url('audit'), sys.token(PRO, ['auditor'], 'auditor-zhou'));
  }, 900_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 60_000);

  /** A court officer (or head) of the court that holds the case. */
  const courtOf = (courtAgencyId: string, roles: ('officer' | 'head')[] = ['officer']) =>
    new Api(sys.url('court'), sys.token(courtAgencyId, roles, `judge-${roles.join('-')}`));
  const docketNumber = (kind: string) => `(2026)辽01${kind}初${randomInt(1e6)}号`;
  const hasStep = (
    api: Api,
    linkedCaseId: string,
    status: string,
    ok: (i: { ruleId: string | null; outcome: string | null; stepId: string }) => boolean,
    what: string,
  ) =>
    eventually(
      () => inbox(api, linkedCaseId, status),
      (items) => items.some(ok),
      what,
      SLOW,
    );
  /** The trial as the procuratorate's PIL view follows it, once it passes `ok`. */
  const pilTrial = (pilCaseId: string, ok: (t: Trial) => boolean, what: string) =>
    eventually(
      () => pilCase(a, pilCaseId),
      (c) => !!c.trial && ok(c.trial as unknown as Trial),
      `procuratorate PIL view: ${what}`,
      SLOW,
    ).then((c: PilCaseView) => c.trial as unknown as Trial);
  const prosecution = (api: Api, id: string, ok: (p: ProsecutionRow) => boolean, what: string) =>
    eventually(() => api.get<ProsecutionRow>(`/prosecutions/${id}`), ok, what, SLOW);
  const courtCase = (court: Api, sourceId: string) =>
    eventually(
      () => court.get<CourtCaseView[]>('/court-cases'),
      (cs) => cs.some((c) => c.sourceId === sourceId),
      `the court's case of ${sourceId}`,
      SLOW,
    ).then((cs) => cs.find((c) => c.sourceId === sourceId)!);

  it('(e) transfer for prosecution → one supplementary investigation → indictment → the court dockets, tries, judges with a restoration order tracked to completion; a third return refused', async () => {
    const { transferId, linkedCaseId } = await filedCase(a, 'ce1');
    const prosecutionId = await transferForProsecution(a, transferId, 'ce1');
    await prosecution(a.pro, prosecutionId, (p) => p.phase === 'under-review', 'procuratorate: under review');
    await hasStep(
      a.pro,
      linkedCaseId,
      'owed',
      (i) => i.stepId === `${prosecutionId}/prosecution.review`,
      'prosecution.review owed',
    );

    // one supplementary investigation
    expect(await a.pro.post(`/prosecutions/${prosecutionId}/return`, { reasons: '需补充排放量鉴定意见' })).toEqual({
      round: 1,
    });
    await prosecution(a.pol, prosecutionId, (p) => p.phase === 'returned' && p.view.rounds === 1, 'police: returned');
    await hasStep(
      a.pol,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'prosecution.supplementary-investigation',
      'police owe the investigation',
    );
    await a.pol.post(`/prosecutions/${prosecutionId}/resubmission`, {
      summary: '补充侦查终结：补充鉴定意见',
      caseFile: [{ title: '鉴定意见', sha256: sha('expert ce1') }],
    });
    await prosecution(
      a.pro,
      prosecutionId,
      (p) => p.phase === 'under-review' && p.view.rounds === 1,
      'procuratorate: back',
    );
    await hasStep(
      a.pol,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'prosecution.supplementary-investigation' && i.outcome === 'met',
      'police step met',
    );
    await hasStep(
      a.pro,
      linkedCaseId,
      'owed',
      (i) => i.stepId === `${prosecutionId}/prosecution.review#2`,
      'prosecution.review#2 owed',
    );

    // indictment: the court the procuratorate names (not hard-coded here)
    await a.pro.post(`/prosecutions/${prosecutionId}/decision`, { outcome: 'indicted' });
    const indicted = await prosecution(a.pro, prosecutionId, (p) => p.phase === 'indicted', 'procuratorate: indicted');
    expect(indicted.view.courtAgencyId).toMatch(/^court:\d{6}$/);
    await prosecution(a.pol, prosecutionId, (p) => p.phase === 'indicted', 'police: indicted');

    // the real court received it, and the procuratorate's view says which court holds it
    const received = await prosecution(
      a.pro,
      prosecutionId,
      (p) => p.trial?.phase === 'received',
      'procuratorate: the court received it',
    );
    const courtId = received.trial!.courtAgencyId;
    const court = courtOf(courtId);
    const c = await courtCase(court, prosecutionId);
    expect(c).toMatchObject({
      courtCaseId: received.courtCaseId,
      courtAgencyId: courtId,
      source: 'prosecution',
      track: 'criminal',
      phase: 'received',
    });
    expect(c.addressedTo).toBe(indicted.view.courtAgencyId);
    await hasStep(court, linkedCaseId, 'owed', (i) => i.ruleId === 'court.docket', 'court.docket owed by the court');

    const number = docketNumber('刑');
    await court.post(`/court-cases/${c.courtCaseId}/docket`, { docketNumber: number, procedure: 'ordinary' });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.docket' && i.outcome === 'met',
      'court.docket met',
    );
    await hasStep(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.trial-criminal',
      'criminal trial period running',
    );
    expect(
      (await prosecution(a.pro, prosecutionId, (p) => p.trial?.phase === 'docketed', 'procuratorate: docketed')).trial!
        .docketNumber,
    ).toBe(number);

    const hearingAt = new Date(Date.now() + 10 * DAY).toISOString();
    await court.post(`/court-cases/${c.courtCaseId}/hearings`, { hearingAt });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.hearing-notice' && i.outcome === 'met',
      'hearing notice served in time',
    );
    const heard = await prosecution(
      a.pro,
      prosecutionId,
      (p) => p.trial?.phase === 'hearing-scheduled',
      'procuratorate: hearing scheduled',
    );
    expect(Date.parse(heard.trial!.hearingAt!)).toBe(Date.parse(hearingAt));

    const dueDate = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    await hearingDayCame(sys, c.courtCaseId);
    await court.post(`/court-cases/${c.courtCaseId}/judgment`, {
      summary: '被告单位犯污染环境罪，判处罚金人民币五十万元',
      restorationOrder: '在受损河段完成底泥清理并补植水生植物',
      restorationDueDate: dueDate,
    });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.trial-criminal' && i.outcome === 'met',
      'criminal trial period met',
    );
    const judged = await prosecution(a.pro, prosecutionId, (p) => p.trial?.phase === 'judged', 'procuratorate: judged');
    expect(judged.trial!.restoration).toMatchObject({ dueDate, status: 'ordered', percentDone: 0 });

    // the restoration order, tracked to completion: progress reports and verification
    await court.post(`/court-cases/${c.courtCaseId}/restoration-reports`, {
      progress: '底泥清理完成 60%',
      percentDone: 60,
    });
    await court.post(`/court-cases/${c.courtCaseId}/restoration-verification`, {
      outcome: 'not-completed',
      note: '水生植物尚未补植',
    });
    await prosecution(
      a.pro,
      prosecutionId,
      (p) => p.trial?.restoration?.percentDone === 60,
      'procuratorate: 60% reported',
    );
    await court.post(`/court-cases/${c.courtCaseId}/restoration-reports`, { progress: '补植完成', percentDone: 100 });
    await court.post(`/court-cases/${c.courtCaseId}/restoration-verification`, {
      outcome: 'completed',
      note: '经现场验收合格',
    });
    const done = await court.get<CourtCaseView>(`/court-cases/${c.courtCaseId}`);
    expect(done.restoration).toMatchObject({ status: 'completed', overdue: false });
    expect(done.restoration!.records).toHaveLength(4);
    const followed = await prosecution(
      a.pro,
      prosecutionId,
      (p) => p.trial?.restoration?.status === 'completed',
      'procuratorate: restoration completed',
    );
    expect(followed.trial!.restoration!.percentDone).toBe(100);
    expect(followed.timeline.map((t) => t.what).join('\n')).toMatch(
      /docketed by court:\d{6}[\s\S]*judgment rendered[\s\S]*verified the restoration: completed/,
    );
    // nothing owed any more on this case by the procuratorate or the court
    await eventually(
      () => inbox(a.pro, linkedCaseId),
      (i) => i.length === 0,
      'nothing owed at the procuratorate',
      SLOW,
    );
    await eventually(
      () => inbox(court, linkedCaseId),
      (i) => i.length === 0,
      'nothing owed at the court',
      SLOW,
    );
    // another procuratorate does not see it, nor another court
    await new Api(sys.url('procuratorate'), sys.token('procuratorate:210200')).call(
      'GET',
      `/prosecutions/${prosecutionId}`,
      undefined,
      404,
    );
    const elsewhere = courtId === 'court:210200' ? 'court:210300' : 'court:210200';
    await courtOf(elsewhere).call('GET', `/court-cases/${c.courtCaseId}`, undefined, 404);

    // a second case returned twice: a third return is refused
    const second = await filedCase(a, 'ce2');
    const p2 = await transferForProsecution(a, second.transferId, 'ce2');
    for (const r of [1, 2]) {
      await prosecution(a.pro, p2, (p) => p.phase === 'under-review' && p.view.rounds === r - 1, `round ${r} review`);
      await a.pro.post(`/prosecutions/${p2}/return`, { reasons: `第${r}次退回补充侦查` });
      await prosecution(a.pol, p2, (p) => p.phase === 'returned' && p.view.rounds === r, `police: returned round ${r}`);
      await a.pol.post(`/prosecutions/${p2}/resubmission`, {
        summary: `第${r}次补充侦查终结`,
        caseFile: [{ title: '补充证据', sha256: sha(`more ${r}`) }],
      });
    }
    await prosecution(a.pro, p2, (p) => p.phase === 'under-review' && p.view.rounds === 2, 'after two rounds');
    const third = await a.pro.call<{ code: string }>(
      'POST',
      `/prosecutions/${p2}/return`,
      { reasons: '第3次退回' },
      409,
    );
    expect(third.body.code).toBe('PROSECUTION.SUPPLEMENTARY_ROUNDS_EXHAUSTED');
    expect((await a.pol.get<ProsecutionRow>(`/prosecutions/${p2}`)).phase).toBe('under-review');
  });

  it('(b) administrative PIL: the agency does not reply (time skipped), the procuratorate sues, the court dockets within 7 days and notifies the agency (which sees it), a hearing notice, a judgment', async () => {
    const { pilCaseId, linkedCaseId } = await openAdministrative(a);
    await env.sleep(75 * DAY);
    await eventually(
      () => inbox(a.enf, linkedCaseId),
      (items) => items.some((i) => i.stepId === `${pilCaseId}/pil.agency-reply` && i.status === 'missed'),
      'pil.agency-reply missed at the agency',
      SLOW,
    );
    await eventually(
      () => recommendation(a, pilCaseId),
      (r) => r.view.replyOverdue === true,
      'overdue in the agency view',
      SLOW,
    );
    await proPilPhase(a, pilCaseId, 'reply-overdue');
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.admin-suit-decision`);

    await a.proHead.post(`/pil-cases/${pilCaseId}/suit`, {});
    const sued = await pilCase(a, pilCaseId);
    expect(sued.phase).toBe('sued');
    const addressed = sued.view.courtAgencyId as string;
    expect(addressed).toMatch(/^court:\d{6}$/);
    await agencyPilPhase(a, pilCaseId, 'sued');
    await inboxHas(a.pro, linkedCaseId, 'done', `${pilCaseId}/pil.admin-suit-decision`);

    // the real court received the suit; the procuratorate's view follows it
    const received = await pilTrial(pilCaseId, (t) => t.phase === 'received', 'the court received the suit');
    const court = courtOf(received.courtAgencyId);
    const c = await courtCase(court, pilCaseId);
    expect(c).toMatchObject({
      courtCaseId: received.courtCaseId,
      addressedTo: addressed,
      source: 'pil',
      track: 'administrative',
      phase: 'received',
    });
    await hasStep(court, linkedCaseId, 'owed', (i) => i.ruleId === 'court.docket', 'court.docket owed by the court');

    // docketed within 7 days (court.docket met)
    const number = docketNumber('行');
    await court.post(`/court-cases/${c.courtCaseId}/docket`, { docketNumber: number, procedure: 'ordinary' });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.docket' && i.outcome === 'met',
      'court.docket met',
    );
    await hasStep(court, linkedCaseId, 'owed', (i) => i.ruleId === 'court.notify-agency', 'court.notify-agency owed');
    await hasStep(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.trial-administrative',
      'trial period running',
    );
    expect((await pilTrial(pilCaseId, (t) => t.phase === 'docketed', 'docketed')).docketNumber).toBe(number);

    // the court notifies the agency in writing; the agency sees the notice and the step in its inbox
    const noticeNumber = `(2026)辽01告字${randomInt(1e6)}号`;
    expect(
      await court.post(`/court-cases/${c.courtCaseId}/agency-notice`, {
        noticeNumber,
        summary: '本院已受理人民检察院提起的行政公益诉讼，依法告知',
      }),
    ).toEqual({ agencyId: ENF });
    const notices = await eventually(
      () => a.enf.get<CourtNoticeView[]>('/court-notices'),
      (ns) => ns.some((n) => n.courtCaseId === c.courtCaseId),
      'enforcement sees the court notice',
      SLOW,
    );
    expect(notices.find((n) => n.courtCaseId === c.courtCaseId)).toMatchObject({
      courtAgencyId: received.courtAgencyId,
      noticeNumber,
      docketNumber: number,
    });
    await hasStep(
      a.enf,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.notify-agency' && i.outcome === 'met',
      'the notice in the agency inbox',
    );
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.notify-agency' && i.outcome === 'met',
      'court.notify-agency met',
    );
    expect((await pilTrial(pilCaseId, (t) => t.notifiedAgencyId !== null, 'agency notified')).notifiedAgencyId).toBe(
      ENF,
    );
    // need to know: another enforcement office sees no notice of it
    const otherEnf = new Api(sys.url('enforcement'), sys.token('enforcement:210200'));
    expect((await otherEnf.get<CourtNoticeView[]>('/court-notices')).some((n) => n.courtCaseId === c.courtCaseId)).toBe(
      false,
    );

    // a hearing notice, then the judgment
    await court.post(`/court-cases/${c.courtCaseId}/hearings`, {
      hearingAt: new Date(Date.now() + 10 * DAY).toISOString(),
    });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.hearing-notice' && i.outcome === 'met',
      'hearing notice met',
    );
    await pilTrial(pilCaseId, (t) => t.phase === 'hearing-scheduled', 'hearing scheduled');
    await hearingDayCame(sys, c.courtCaseId);
    await court.post(`/court-cases/${c.courtCaseId}/judgment`, { summary: '确认被告未依法履行监管职责，责令限期履行' });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.trial-administrative' && i.outcome === 'met',
      'trial period met',
    );
    const judged = await pilTrial(pilCaseId, (t) => t.phase === 'judged', 'judged');
    expect(judged).toMatchObject({ judgmentSummary: '确认被告未依法履行监管职责，责令限期履行', restoration: null });
    expect((await pilCase(a, pilCaseId)).timeline.map((t) => t.what).join('\n')).toMatch(
      /received the case[\s\S]*docketed by[\s\S]*notified enforcement:210100[\s\S]*hearing scheduled[\s\S]*judgment rendered/,
    );
    await eventually(
      () => inbox(court, linkedCaseId),
      (i) => i.length === 0,
      'nothing owed at the court',
      SLOW,
    );
    pathB = { pilCaseId, linkedCaseId, courtCaseId: c.courtCaseId, docketNumber: number };
  });

  it('(b) in supervision and audit: every PIL and court step of the case, its history, and the console case page (screenshot)', async () => {
    expect(pathB).toBeDefined();
    const { pilCaseId, linkedCaseId, courtCaseId, docketNumber: docketed } = pathB!;
    const rules = [
      'pil.agency-reply',
      'pil.admin-suit-decision',
      'court.docket',
      'court.notify-agency',
      'court.hearing-notice',
      'court.trial-administrative',
    ];
    const view = await eventually(
      () => sup.get<SupervisionCase>(`/cases/${linkedCaseId}`),
      (v) => rules.every((r) => v.steps.some((s) => s.ruleId === r && s.closedAt !== null)),
      'supervision: every step of path (b), closed',
      SLOW,
    );
    const step = (ruleId: string) => view.steps.find((s) => s.ruleId === ruleId)!;
    expect(step('court.docket')).toMatchObject({ stepId: `${courtCaseId}/court.docket`, outcome: 'met' });
    expect(step('court.notify-agency').outcome).toBe('met');
    expect(step('court.trial-administrative').outcome).toBe('met');
    expect(step('pil.agency-reply')).toMatchObject({ stepId: `${pilCaseId}/pil.agency-reply`, owingAgencyId: ENF });
    expect(step('pil.agency-reply').outcome).not.toBe('met');
    const types = view.timeline.map((e) => e.type);
    const story = [
      'pil.case-opened',
      'pil.recommendation-served',
      'pil.suit-filed',
      'court.case-received',
      'court.case-docketed',
      'court.agency-notified',
      'court.hearing-scheduled',
      'court.judgment-rendered',
    ];
    expect(types).toEqual(expect.arrayContaining([...story, 'deadline.missed']));

    // the audit ledger holds the PIL and the court events of the case, in order
    const history = await eventually(
      () =>
        auditor.get<{ entries: { type: string; payload?: Record<string, unknown> }[] }>(
          `/cases/${linkedCaseId}/history`,
        ),
      (h) => story.every((t) => h.entries.some((e) => e.type === t)),
      'the audit history of path (b)',
      SLOW,
    );
    const order = story.map((t) => history.entries.findIndex((e) => e.type === t));
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(history.entries.some((e) => e.type === 'deadline.missed')).toBe(true);
    // and the audit report of the case tells it end to end, one sentence per event
    const report = await fetch(`${sys.url('audit')}/cases/${linkedCaseId}/export?format=html&lang=en`, {
      headers: { authorization: `Bearer ${sys.token(PRO, ['auditor'], 'auditor-zhou')}` },
    });
    expect(report.status).toBe(200);
    const html = await report.text();
    for (const sentence of [
      'served procuratorial recommendation',
      'filed a public-interest suit with',
      `docketed case ${docketed}`,
      'notified',
      'rendered judgment',
    ])
      expect(html).toContain(sentence);

    // the console's case page in Chromium
    if (!existsSync(CHROMIUM)) {
      process.stderr.write(`[end-to-end] console screenshot skipped: needs ${CHROMIUM}\n`);
      return;
    }
    const { chromium } = await import('playwright-core');
    mkdirSync(OUT, { recursive: true });
    const userDir = mkdtempSync(path.join(tmpdir(), 'casebridge-chromium-'));
    const browser = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1360, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${sys.url('supervision')}/`);
      await page.locator('#token').fill(sys.token(PRO, ['supervisor'], 'sup-sun'));
      await page.locator('#token-form button[type=submit]').click();
      await page.locator('#live.live-on').waitFor({ timeout: 30_000 });
      await page.goto(`${sys.url('supervision')}/#/cases/${linkedCaseId}`);
      // every step of the path is closed by now: the page lists them under its closed steps, folded; open them
      const cards = rules.map((r) =>
        page.locator(`article.step[data-step="${r.startsWith('court.') ? courtCaseId : pilCaseId}/${r}"]`),
      );
      for (const card of cards) await card.waitFor({ state: 'attached', timeout: 30_000 });
      await page.locator('details.closed-steps > summary').click();
      for (const card of cards) {
        await card.waitFor({ state: 'visible', timeout: 15_000 });
        expect(await card.getAttribute('class')).toContain('step-closed');
      }
      // the cross-agency timeline: the procuratorate's, the agency's and the court's events, each group by agency name
      const groups = await page.locator('#timeline details > summary').allTextContents();
      expect(groups).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^沈阳市人民检察院（\d+ 条）$/),
          expect.stringMatching(/法院（\d+ 条）$/),
        ]),
      );
      const timeline = (await page.locator('#timeline').textContent()) ?? '';
      for (const t of story) expect(timeline).toContain(t);
      await page.screenshot({ path: path.join(OUT, 'supervision-console-pil-b.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      rmSync(userDir, { recursive: true, force: true });
    }
    expect(existsSync(path.join(OUT, 'supervision-console-pil-b.png'))).toBe(true);
  });

  it('(c) civil PIL: nobody comes forward in 30 days (time skipped), the procuratorate sues, the court serves the complaint within 5 days', async () => {
    const { pilCaseId, linkedCaseId } = await openCivil(a);
    await env.sleep(32 * DAY);
    await eventually(
      () => pilCase(a, pilCaseId),
      (c) => c.phase === 'announcement-ended',
      'announcement ended',
      SLOW,
    );
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.civil-suit-decision`);
    await a.proHead.post(`/pil-cases/${pilCaseId}/suit`, {});
    expect((await pilCase(a, pilCaseId)).phase).toBe('sued');
    await inboxHas(a.pro, linkedCaseId, 'done', `${pilCaseId}/pil.civil-suit-decision`);

    const received = await pilTrial(pilCaseId, (t) => t.phase === 'received', 'the court received the suit');
    const court = courtOf(received.courtAgencyId);
    const c = await courtCase(court, pilCaseId);
    expect(c).toMatchObject({ source: 'pil', track: 'civil', phase: 'received' });
    await court.post(`/court-cases/${c.courtCaseId}/docket`, {
      docketNumber: docketNumber('民'),
      procedure: 'ordinary',
    });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.docket' && i.outcome === 'met',
      'court.docket met',
    );
    await hasStep(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.serve-complaint',
      'court.serve-complaint owed',
    );
    await pilTrial(pilCaseId, (t) => t.phase === 'docketed', 'docketed');
    await court.post(`/court-cases/${c.courtCaseId}/complaint-service`, { servedOn: '沈阳某化工有限公司' });
    await hasStep(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.serve-complaint' && i.outcome === 'met',
      'complaint served within 5 days',
    );
    expect((await pilTrial(pilCaseId, (t) => t.complaintServedAt !== null, 'complaint served')).phase).toBe('docketed');
    // the step in supervision, closed in time
    await eventually(
      () => sup.get<SupervisionCase>(`/cases/${linkedCaseId}`),
      (v) => v.steps.some((s) => s.ruleId === 'court.serve-complaint' && s.outcome === 'met'),
      'supervision: court.serve-complaint met',
      SLOW,
    );
    expect(POL).toBe('police:210100');
  });
});
