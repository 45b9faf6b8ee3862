/**
 * The court service end to end (issue #11, court part): cases reach the court as the other flows hand them over —
 * real envelopes published to Kafka here, as the procuratorate and enforcement would (their flows are built
 * elsewhere) — and the court acts through its REST API; the workflow worker runs on Temporal's time-skipping server,
 * so the court.* steps start, are closed, and run out into the owing office's inbox. The competent enforcement office
 * sees the court's notice in GET /court-notices and its inbox. A case addressed to a court the jurisdiction map does
 * not give it reaches the court of another region (集中管辖, acceptance 3); a court office sees only its own cases.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { courtOfSender } from '@casebridge/directory';
import { endpoints } from '../support/endpoints';
import { responseSchema, schemaProblems, type OpenApiDoc } from '../support/openapi-response';
import { Api, eventually, TestSystem } from '../support/system';
import { hearingDayCame } from './hearing-day';
import { createTimeSkippingEnv } from '../support/temporal';
import { publish, type EventSpec } from '../supervision/inject';

interface CourtCaseView {
  courtCaseId: string;
  courtAgencyId: string;
  addressedTo: string;
  source: string;
  sourceId: string;
  track: string;
  phase: string;
  notifiedAgencyId: string | null;
  hearingAt: string | null;
  restoration: { order: string; dueDate: string; status: string; overdue: boolean; records: unknown[] } | null;
  timeline: { what: string }[];
}
interface InboxItem {
  ruleId: string | null;
  variant: string | null;
  subjectId: string | null;
  stepKey: string | null;
  status: string;
  dueAt: string | null;
  warnedAt: string | null;
  missedAt: string | null;
  outcome: string | null;
}
interface CourtNoticeView {
  courtAgencyId: string;
  courtCaseId: string;
  noticeNumber: string;
  docketNumber: string;
}

const DAY = 24 * 3600 * 1000;
const PROC_SY = 'procuratorate:210100';
const PROC_AS = 'procuratorate:210300'; // Anshan: the built-in map gives its environmental cases to the Shenyang court
const COURT_SY = 'court:210100';
const COURT_AS = 'court:210300';
const COURT_SY_DISTRICT = 'court:210102'; // 和平区: a district court of Shenyang
const ENF_SY = 'enforcement:210100';

describe('court service: intake, acts, notices, deadlines and jurisdiction', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let court: Api;
  let courtHead: Api;
  let otherCourt: Api;
  let enf: Api;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(['court', 'enforcement', 'workflow-worker'], {
      '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address },
    });
    await sys.start();
    court = new Api(sys.url('court'), sys.token(COURT_SY, ['officer'], 'judge-1'));
    courtHead = new Api(sys.url('court'), sys.token(COURT_SY, ['head'], 'president-1'));
    otherCourt = new Api(sys.url('court'), sys.token(COURT_AS, ['officer'], 'judge-9'));
    enf = new Api(sys.url('enforcement'), sys.token(ENF_SY));
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 60_000);

  const inject = (specs: EventSpec[]) => publish(endpoints().kafkaBrokers, sys.suffix, specs);
  const caseOf = (api: Api, sourceId: string) =>
    eventually(
      () => api.get<CourtCaseView[]>('/court-cases'),
      (cs) => cs.some((c) => c.sourceId === sourceId),
      `court case of ${sourceId}`,
      60_000,
    ).then((cs) => cs.find((c) => c.sourceId === sourceId)!);
  const inbox = async (api: Api, linkedCaseId: string, status = 'owed'): Promise<InboxItem[]> =>
    (await api.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=${status}`)).items;
  const inboxHas = (api: Api, linkedCaseId: string, status: string, ok: (i: InboxItem) => boolean, what: string) =>
    eventually(
      () => inbox(api, linkedCaseId, status),
      (items) => items.some(ok),
      what,
      60_000,
    );

  it('administrative PIL: received, docketed, the agency notified (it sees it), a hearing (a too-close date refused), judgment', async () => {
    const linkedCaseId = randomUUID();
    const pilCaseId = randomUUID();
    await inject([
      {
        type: 'pil.suit-filed',
        linkedCaseId,
        producer: { kind: 'procuratorate', agencyId: PROC_SY },
        payload: { pilCaseId, courtAgencyId: COURT_SY, kind: 'administrative' },
      },
    ]);
    const received = await caseOf(court, pilCaseId);
    expect(received).toMatchObject({
      courtAgencyId: COURT_SY,
      addressedTo: COURT_SY,
      source: 'pil',
      track: 'administrative',
      phase: 'received',
    });
    const id = received.courtCaseId;
    await inboxHas(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.docket' && i.subjectId === id,
      'court.docket owed by the court',
    );

    await court.post(`/court-cases/${id}/docket`, { docketNumber: '(2026)辽01行初12号', procedure: 'ordinary' });
    expect(
      (await court.call('POST', `/court-cases/${id}/docket`, { docketNumber: 'x', procedure: 'ordinary' }, 409)).body,
    ).toMatchObject({
      code: 'COURT_CASE.ALREADY_DONE',
    });
    // an administrative PIL has no complaint to serve under court.serve-complaint
    expect(
      (await court.call('POST', `/court-cases/${id}/complaint-service`, { servedOn: '某局' }, 409)).body,
    ).toMatchObject({
      code: 'COURT_CASE.NOT_APPLICABLE',
    });
    // nor is it settled or mediated (ALL art 60): no settlement announcement, nothing recorded
    expect(
      (await court.call('POST', `/court-cases/${id}/settlement-announcement`, { summary: '和解' }, 409)).body,
    ).toMatchObject({ code: 'COURT_CASE.NOT_APPLICABLE' });
    expect((await court.get<CourtCaseView>(`/court-cases/${id}`)).timeline.some((t) => /settlement/.test(t.what))).toBe(
      false,
    );
    await inboxHas(court, linkedCaseId, 'owed', (i) => i.ruleId === 'court.notify-agency', 'court.notify-agency owed');
    await inboxHas(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.trial-administrative',
      'trial period running',
    );
    await inboxHas(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.docket' && i.outcome === 'met',
      'court.docket met',
    );

    const notified = await court.post<{ agencyId: string }>(`/court-cases/${id}/agency-notice`, {
      noticeNumber: '(2026)辽01告字3号',
      summary: '本院已受理人民检察院提起的行政公益诉讼，依法告知',
    });
    expect(notified).toEqual({ agencyId: ENF_SY });
    // the enforcement office sees the notice, and the step copy in its inbox (met)
    const notices = await eventually(
      () => enf.get<CourtNoticeView[]>('/court-notices'),
      (ns) => ns.some((n) => n.courtCaseId === id),
      'enforcement sees the court notice',
      60_000,
    );
    expect(notices.find((n) => n.courtCaseId === id)).toMatchObject({
      courtAgencyId: COURT_SY,
      noticeNumber: '(2026)辽01告字3号',
      docketNumber: '(2026)辽01行初12号',
    });
    await inboxHas(
      enf,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.notify-agency' && i.stepKey === ENF_SY && i.outcome === 'met',
      'the notice in the enforcement inbox',
    );
    await inboxHas(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.notify-agency' && i.outcome === 'met',
      'court.notify-agency met',
    );

    // hearing: less than 3 days away is refused, 10 days away is scheduled
    const soon = new Date(Date.now() + 2 * DAY).toISOString();
    expect((await court.call('POST', `/court-cases/${id}/hearings`, { hearingAt: soon }, 400)).body).toMatchObject({
      code: 'COURT_CASE.HEARING_NOTICE_TOO_LATE',
    });
    // nor before docketing, nor after the outer limit of the trial period (court.trial-administrative: 6 months)
    for (const far of ['2020-01-06T09:00:00+08:00', '9999-01-01T09:00:00+08:00']) {
      expect((await court.call('POST', `/court-cases/${id}/hearings`, { hearingAt: far }, 409)).body).toMatchObject({
        code: 'COURT_CASE.HEARING_DATE_OUT_OF_RANGE',
      });
    }
    expect(
      (
        await court.call(
          'POST',
          `/court-cases/${id}/hearings`,
          { hearingAt: new Date(Date.now() + 200 * DAY).toISOString() },
          409,
        )
      ).body,
    ).toMatchObject({ code: 'COURT_CASE.HEARING_DATE_OUT_OF_RANGE' });
    // no judgment before a hearing took place
    expect((await court.call('POST', `/court-cases/${id}/judgment`, { summary: '判决' }, 409)).body).toMatchObject({
      code: 'COURT_CASE.NO_HEARING_HELD',
    });
    const hearingAt = new Date(Date.now() + 10 * DAY).toISOString();
    const first = await court.post(`/court-cases/${id}/hearings`, { hearingAt });
    await inboxHas(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.hearing-notice' && i.outcome === 'met',
      'hearing notice met',
    );
    // the same hearing again (a double submission) answers the same and serves no second notice
    expect(await court.post(`/court-cases/${id}/hearings`, { hearingAt })).toEqual(first);
    const scheduled = (await court.get<CourtCaseView>(`/court-cases/${id}`)).timeline.filter((t) =>
      t.what.startsWith('hearing scheduled'),
    );
    expect(scheduled).toHaveLength(1);
    // the hearing is still ahead: no judgment yet
    expect((await court.call('POST', `/court-cases/${id}/judgment`, { summary: '判决' }, 409)).body).toMatchObject({
      code: 'COURT_CASE.NO_HEARING_HELD',
    });

    // an extension of an administrative trial period does not exist; officers may not record one at all
    expect(
      (
        await courtHead.call(
          'POST',
          `/court-cases/${id}/trial-extension`,
          { variant: 'extended', approvedBy: '院长' },
          400,
        )
      ).body,
    ).toMatchObject({
      code: 'COURT_CASE.EXTENSION_NOT_AVAILABLE',
    });
    expect(
      (await court.call('POST', `/court-cases/${id}/trial-extension`, { variant: 'extended', approvedBy: '院长' }, 403))
        .body,
    ).toMatchObject({
      code: 'AUTH.ROLE_NOT_ALLOWED',
    });

    await hearingDayCame(sys, id);
    await court.post(`/court-cases/${id}/judgment`, { summary: '确认被告未依法履行监管职责，责令限期履行' });
    expect(await court.get<CourtCaseView>(`/court-cases/${id}`)).toMatchObject({ phase: 'judged', restoration: null });
    await inboxHas(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.trial-administrative' && i.outcome === 'met',
      'trial period met',
    );
  });

  it('criminal: an Anshan indictment reaches the Shenyang court by the map, the sender naming it; judgment with a restoration order tracked to completion', async () => {
    const linkedCaseId = randomUUID();
    const prosecutionId = randomUUID();
    const staleId = randomUUID();
    const districtId = randomUUID();
    // the procuratorate picks the court as the map says (courtOfSender): Anshan's environmental cases → Shenyang
    expect(courtOfSender(PROC_AS)).toBe(COURT_SY);
    await inject([
      {
        type: 'prosecution.decided',
        linkedCaseId,
        producer: { kind: 'procuratorate', agencyId: PROC_AS },
        payload: {
          prosecutionId,
          outcome: 'indicted',
          courtAgencyId: courtOfSender(PROC_AS),
          reasons: '非法排放含重金属废水',
        },
      },
      // a city procuratorate before a district court of its own city (the map leaves that district's cases with it)
      {
        type: 'prosecution.decided',
        linkedCaseId: randomUUID(),
        producer: { kind: 'procuratorate', agencyId: PROC_SY },
        payload: {
          prosecutionId: districtId,
          outcome: 'indicted',
          courtAgencyId: COURT_SY_DISTRICT,
          reasons: '非法排放',
        },
      },
      // the intake's guard: an indictment addressed to a court the map does not allow (an event older than the map)
      {
        type: 'prosecution.decided',
        linkedCaseId: randomUUID(),
        producer: { kind: 'procuratorate', agencyId: PROC_AS },
        payload: { prosecutionId: staleId, outcome: 'indicted', courtAgencyId: COURT_AS, reasons: '非法排放' },
      },
    ]);
    const c = await caseOf(court, prosecutionId);
    expect(c).toMatchObject({ courtAgencyId: COURT_SY, addressedTo: COURT_SY, track: 'criminal', phase: 'received' });
    expect(c.timeline.map((t) => t.what).join('\n')).not.toMatch(/forwarded/);
    const stale = await caseOf(court, staleId);
    expect(stale).toMatchObject({ courtAgencyId: COURT_SY, addressedTo: COURT_AS });
    expect(stale.timeline.map((t) => t.what).join('\n')).toMatch(/forwarded to court:210100/);
    const districtCourt = new Api(sys.url('court'), sys.token(COURT_SY_DISTRICT, ['officer'], 'judge-d'));
    const district = await caseOf(districtCourt, districtId);
    expect(district).toMatchObject({ courtAgencyId: COURT_SY_DISTRICT, addressedTo: COURT_SY_DISTRICT });
    expect(district.timeline.map((t) => t.what).join('\n')).not.toMatch(/forwarded/);
    // the Anshan court has no such case: not in its list, and 404 by id (never 403)
    expect((await otherCourt.get<CourtCaseView[]>('/court-cases')).some((x) => x.sourceId === prosecutionId)).toBe(
      false,
    );
    expect((await otherCourt.call('GET', `/court-cases/${c.courtCaseId}`, undefined, 404)).body).toMatchObject({
      code: 'COURT_CASE.NOT_FOUND',
    });
    expect(
      (
        await otherCourt.call(
          'POST',
          `/court-cases/${c.courtCaseId}/docket`,
          { docketNumber: 'x', procedure: 'ordinary' },
          404,
        )
      ).body,
    ).toMatchObject({
      code: 'COURT_CASE.NOT_FOUND',
    });

    const id = c.courtCaseId;
    // kept case (attack round 4): the number the first test gave the administrative PIL names no second case
    expect(
      (
        await court.call(
          'POST',
          `/court-cases/${id}/docket`,
          { docketNumber: '(2026)辽01行初12号', procedure: 'ordinary' },
          409,
        )
      ).body,
    ).toMatchObject({ code: 'COURT_CASE.DOCKET_NUMBER_TAKEN' });
    await court.post(`/court-cases/${id}/docket`, { docketNumber: '(2026)辽01刑初45号', procedure: 'ordinary' });
    await court.post(`/court-cases/${id}/hearings`, { hearingAt: new Date(Date.now() + 7 * DAY).toISOString() });
    // a restoration order needs its due date
    expect(
      (await court.call('POST', `/court-cases/${id}/judgment`, { summary: 's', restorationOrder: '补植复绿' }, 400))
        .body,
    ).toMatchObject({
      code: 'COURT_CASE.RESTORATION_INVALID',
    });
    // a due date that is no calendar day is refused at the request
    expect(
      (
        await court.call(
          'POST',
          `/court-cases/${id}/judgment`,
          { summary: 's', restorationOrder: '补植复绿', restorationDueDate: '2027-02-30' },
          400,
        )
      ).body,
    ).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    await hearingDayCame(sys, id);
    // nor one thousands of years ahead (at most 30 years: a period the calendar can count)
    expect(
      (
        await court.call(
          'POST',
          `/court-cases/${id}/judgment`,
          { summary: 's', restorationOrder: '补植复绿', restorationDueDate: '9999-12-31' },
          400,
        )
      ).body,
    ).toMatchObject({ code: 'COURT_CASE.RESTORATION_INVALID' });
    const dueDate = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    await court.post(`/court-cases/${id}/judgment`, {
      summary: '被告单位犯污染环境罪，判处罚金人民币五十万元',
      restorationOrder: '在受损河段完成底泥清理并补植水生植物',
      restorationDueDate: dueDate,
    });
    await court.post(`/court-cases/${id}/restoration-reports`, { progress: '底泥清理完成 60%', percentDone: 60 });
    // not verified completed at 60 %: the last report must say 100 %
    expect(
      (
        await court.call(
          'POST',
          `/court-cases/${id}/restoration-verification`,
          { outcome: 'completed', note: '验收' },
          409,
        )
      ).body,
    ).toMatchObject({ code: 'COURT_CASE.RESTORATION_NOT_FULLY_REPORTED' });
    // progress does not go back
    expect(
      (await court.call('POST', `/court-cases/${id}/restoration-reports`, { progress: 'x', percentDone: 50 }, 409))
        .body,
    ).toMatchObject({ code: 'COURT_CASE.RESTORATION_PROGRESS_BACKWARDS' });
    await court.post(`/court-cases/${id}/restoration-verification`, {
      outcome: 'not-completed',
      note: '水生植物尚未补植',
    });
    await court.post(`/court-cases/${id}/restoration-reports`, { progress: '补植完成', percentDone: 100 });
    await court.post(`/court-cases/${id}/restoration-verification`, { outcome: 'completed', note: '经现场验收合格' });
    const judged = await court.get<CourtCaseView>(`/court-cases/${id}`);
    expect(judged.restoration).toMatchObject({ dueDate, status: 'completed', overdue: false });
    expect(judged.restoration!.records).toHaveLength(4);
    // the answers match the schemas the court's document declares (response DTOs)
    const doc = (await (await fetch(`${sys.url('court')}/docs-json`)).json()) as OpenApiDoc;
    expect(schemaProblems(doc, responseSchema(doc, 'GET', '/court-cases/{courtCaseId}', 200), judged)).toEqual([]);
    expect(
      schemaProblems(doc, responseSchema(doc, 'GET', '/court-cases', 200), await court.get('/court-cases')),
    ).toEqual([]);
    expect(
      (await court.call('POST', `/court-cases/${id}/restoration-reports`, { progress: 'x', percentDone: 1 }, 409)).body,
    ).toMatchObject({
      code: 'COURT_CASE.ALREADY_DONE',
    });
    await inboxHas(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.trial-criminal' && i.outcome === 'met',
      'criminal trial period met',
    );
    // the procuratorate's answer to the hearing notice was owed by the procuratorate, and is moot after the judgment
  });

  it('civil PIL: complaint served, co-plaintiff window and settlement announced, approval refused while the announcement runs', async () => {
    const linkedCaseId = randomUUID();
    const pilCaseId = randomUUID();
    await inject([
      {
        type: 'pil.suit-filed',
        linkedCaseId,
        producer: { kind: 'procuratorate', agencyId: PROC_SY },
        payload: { pilCaseId, courtAgencyId: COURT_SY, kind: 'civil' },
      },
    ]);
    const { courtCaseId: id } = await caseOf(court, pilCaseId);
    await court.post(`/court-cases/${id}/docket`, { docketNumber: '(2026)辽01民初46号', procedure: 'simplified' });
    await inboxHas(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.serve-complaint',
      'court.serve-complaint owed',
    );
    await inboxHas(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.trial-civil' && i.subjectId === id,
      'civil trial period (simplified) running',
    );
    await court.post(`/court-cases/${id}/complaint-service`, { servedOn: '沈阳某化工有限公司' });
    await inboxHas(
      court,
      linkedCaseId,
      'done',
      (i) => i.ruleId === 'court.serve-complaint' && i.outcome === 'met',
      'complaint served in time',
    );
    await court.post(`/court-cases/${id}/co-plaintiff-announcement`, { channel: '人民法院公告网' });
    await court.post(`/court-cases/${id}/settlement-announcement`, {
      summary: '被告补植复绿 2 公顷并赔偿损失 30 万元',
    });
    await inboxHas(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.settlement-announcement',
      'announcement running at the court',
    );
    expect(
      (await court.call('POST', `/court-cases/${id}/settlement-approval`, { note: '无异议' }, 409)).body,
    ).toMatchObject({
      code: 'COURT_CASE.ANNOUNCEMENT_RUNNING',
    });
    // nor a judgment while the settlement is announced (attack round 4: it was rendered, the settlement left dangling)
    expect((await court.call('POST', `/court-cases/${id}/judgment`, { summary: '判决' }, 409)).body).toMatchObject({
      code: 'COURT_CASE.ANNOUNCEMENT_RUNNING',
    });
    // the simplified procedure extends to simplified-extended only, with the head's record of the approval
    expect(
      (
        await courtHead.call(
          'POST',
          `/court-cases/${id}/trial-extension`,
          { variant: 'extended', approvedBy: '院长' },
          400,
        )
      ).body,
    ).toMatchObject({ code: 'COURT_CASE.EXTENSION_NOT_AVAILABLE' });
    await courtHead.post(`/court-cases/${id}/trial-extension`, {
      variant: 'simplified-extended',
      approvedBy: '本院院长',
    });
    await eventually(
      () => inbox(court, linkedCaseId),
      (items) => items.some((i) => i.ruleId === 'court.trial-civil' && i.variant === 'simplified-extended'),
      'the extended trial period in the court inbox',
      60_000,
    );
  });

  it('an EDC suit nobody dockets: court.docket warns and runs out in the court’s inbox when time is skipped', async () => {
    const linkedCaseId = randomUUID();
    const edcCaseId = randomUUID();
    await inject([
      {
        type: 'edc.suit-filed',
        linkedCaseId,
        producer: { kind: 'enforcement', agencyId: ENF_SY },
        payload: {
          edcCaseId,
          courtAgencyId: COURT_SY,
          claimantAgencyId: ENF_SY,
          claim: '赔偿生态环境修复费用 120 万元',
        },
      },
    ]);
    const c = await caseOf(court, edcCaseId);
    await inboxHas(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.docket' && i.subjectId === c.courtCaseId,
      'court.docket started',
    );
    await env.sleep(12 * DAY);
    const items = await inboxHas(
      court,
      linkedCaseId,
      'owed',
      (i) => i.ruleId === 'court.docket' && i.missedAt !== null,
      'court.docket missed in the court inbox',
    );
    expect(items.find((i) => i.ruleId === 'court.docket')).toMatchObject({ status: 'missed' });
    expect(items.find((i) => i.ruleId === 'court.docket')!.warnedAt).not.toBeNull();
    // the case file keeps the miss
    await eventually(
      () => court.get<CourtCaseView>(`/court-cases/${c.courtCaseId}`),
      (v) => v.timeline.some((t) => t.what.startsWith('court.docket ran out')),
      'the miss on the case timeline',
      60_000,
    );
  });

  it('bad input is a 4xx: unknown phase filter, malformed ids, an agency to notify that is not an enforcement office', async () => {
    expect((await court.call('GET', '/court-cases?phase=nope', undefined, 400)).body).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
    });
    expect((await court.call('GET', '/court-cases/not-a-uuid', undefined, 400)).status).toBe(400);
    expect(
      (
        await court.call(
          'POST',
          `/court-cases/${randomUUID()}/agency-notice`,
          { agencyId: 'police:210100', noticeNumber: 'n', summary: 's' },
          400,
        )
      ).body,
    ).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
  });
});
