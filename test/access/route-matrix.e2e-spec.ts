/**
 * Access control over every route of every HTTP app (issue 13, findings 1–5, acceptance 2), against the
 * real apps over real PostgreSQL and Kafka. The routes come from each running app's OpenAPI document
 * (route-matrix.ts), never from a hand list; a seeded linked case (a transfer sent, received, supervised,
 * pressed, in the ledger) gives every path parameter a real resource, so a refusal is a refusal of real
 * data and "no data" is checked against that data.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { ACCESS_EXTENSION, DEV_JWT_SECRET, issueToken, type Role } from '@casebridge/auth';
import type { AgencyKind } from '@casebridge/contracts';
import { endpoints } from '../support/endpoints';
import { Api, eventually, TestSystem, type ServiceName } from '../support/system';
import { publish } from '../supervision/inject';
import { invalidTokenVariants } from '@casebridge/auth/testing/invalid-tokens';
import { agencies, ENF, openAndSend, POL, polPhase, PRO, type Agencies } from '../transfer/transfer-driver';
import { REDACTED } from '@casebridge/sharing';
import { fillPath, routesOf, tokensFor, urlsOf, type MatrixRoute, type TokenSpec } from './route-matrix';

const HOME = '210100';
const AGENCY_KINDS_SERVED = ['enforcement', 'police', 'procuratorate', 'court'] as const;
const OTHER = '210200';
/** A police office that owns nothing of the seeded case but was granted it (issue 12). */
const GRANTED = 'police:210102';
/** Per agency kind, an office that is party to nothing seeded but was granted both seeded linked cases (issue 12). */
const GRANTED_OF: Record<AgencyKind, string> = {
  enforcement: 'enforcement:210102',
  police: GRANTED,
  procuratorate: 'procuratorate:210102',
  court: 'court:210102',
};
/** The one-record read routes of the flows made grant-aware (issue 12): their path parameter names the record. */
const RECORD_PARAMS = ['prosecutionId', 'pilCaseId', 'edcCaseId', 'courtCaseId', 'supervisionId'];
/** The agency kinds each app serves (ServiceSpec.agencyKinds): the only hand-written table, of apps, not routes. */
const APPS: Record<
  string,
  { kinds: readonly AgencyKind[] | 'any'; home: { kind: AgencyKind; region: string; otherRegion: string } }
> = {
  enforcement: { kinds: ['enforcement'], home: { kind: 'enforcement', region: HOME, otherRegion: OTHER } },
  police: { kinds: ['police'], home: { kind: 'police', region: HOME, otherRegion: OTHER } },
  procuratorate: { kinds: ['procuratorate'], home: { kind: 'procuratorate', region: HOME, otherRegion: OTHER } },
  court: { kinds: ['court'], home: { kind: 'court', region: HOME, otherRegion: OTHER } },
  supervision: { kinds: 'any', home: { kind: 'procuratorate', region: HOME, otherRegion: OTHER } },
  // whole-ledger acts are national (audit scope): the right auditor is national, the other region a city elsewhere
  audit: { kinds: 'any', home: { kind: 'procuratorate', region: '000000', otherRegion: OTHER } },
};

interface Answer {
  status: number;
  text: string;
  type: string;
}

describe('route × token matrix over every app (issue 13)', () => {
  const sys = new TestSystem(Object.keys(APPS) as ServiceName[]);
  let a: Agencies;
  const ids: Record<string, string> = {};
  /** ids one app reads differently (a record its home agency is party to there), over `ids` */
  const appIds: Record<string, Record<string, string>> = {};
  let markers: string[] = [];
  const sharedText = `MATRIX-SHARED-${randomInt(1e9)}`;
  const sharedParty = `MATRIX-PARTY-${randomInt(1e9)}`;
  const routes: MatrixRoute[] = [];
  const docs = new Map<string, { paths: Record<string, Record<string, Record<string, unknown>>> }>();

  const call = async (app: string, method: string, url: string, authorization: string | undefined): Promise<Answer> => {
    const controller = new AbortController();
    const r = await fetch(`${sys.url(app as ServiceName)}${url}`, {
      method,
      signal: controller.signal,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      },
      body: method === 'GET' ? undefined : '{}',
    });
    const type = r.headers.get('content-type') ?? '';
    if (type.startsWith('text/event-stream')) {
      // a live stream: its status and type are the answer
      controller.abort();
      return { status: r.status, text: '', type };
    }
    return { status: r.status, text: await r.text(), type };
  };
  const bearer = (t: TokenSpec): string =>
    `Bearer ${issueToken({ agencyId: t.agencyId, roles: t.roles, officerId: `matrix-${t.roles[0]}`, secret: DEV_JWT_SECRET, ttl: '1h' })}`;
  const leaked = (text: string): string[] => markers.filter((m) => text.includes(m));

  beforeAll(async () => {
    await sys.start();
    a = agencies(sys);
    // the seed: a linked case of enforcement:210100 sent to police:210100 with a copy to procuratorate:210100
    const label = `matrix-${randomInt(1e9)}`;
    const opened = await openAndSend(a, label);
    Object.assign(ids, { caseId: opened.caseId, linkedCaseId: opened.linkedCaseId, transferId: opened.transferId });
    await polPhase(a.pol, opened.transferId, 'awaiting-receipt');
    const stepId = `${opened.transferId}/transfer.receipt`;
    const sup = new Api(sys.url('supervision'), sys.token(PRO, ['supervisor'], 'matrix-sup'));
    await eventually(
      () => sup.get(`/steps/${encodeURIComponent(stepId)}`),
      () => true,
      'the receipt step in the console',
    );
    const pressMarker = `MATRIX-PRESS-${label}`;
    await sup.post(`/steps/${encodeURIComponent(stepId)}/press`, { message: pressMarker });
    const inbox = await eventually(
      () => a.pol.get<{ items: { id: string; stepId: string; presses: unknown[] }[] }>('/inbox'),
      (i) => i.items.some((n) => n.stepId === stepId && n.presses.length > 0),
      'the press in the police inbox',
    );
    const supNote = `MATRIX-SUPERVISION-${label}`;
    await eventually(
      () => a.pro.get(`/transfer-copies/${opened.transferId}`),
      () => true,
      'the copy',
    );
    const { supervisionId } = await a.pro.post<{ supervisionId: string }>('/filing-supervisions', {
      transferId: opened.transferId,
      note: supNote,
    });
    await eventually(
      () => a.pol.get(`/supervisions/${supervisionId}`),
      () => true,
      'the supervision at the police',
    );
    const auditor = new Api(sys.url('audit'), sys.token('procuratorate:000000', ['auditor']));
    await eventually(
      () => auditor.get(`/cases/${opened.linkedCaseId}/history`),
      () => true,
      'the case in the ledger',
      60_000,
    );
    Object.assign(ids, { stepId, supervisionId, itemId: inbox.items.find((n) => n.stepId === stepId)!.id });
    // a second transfer, filed and sent for prosecution, not prosecuted, enforcement notified: {prosecutionId}
    // names a record in the police, procuratorate and enforcement apps alike
    const filed = await openAndSend(a, `${label}-p`);
    await polPhase(a.pol, filed.transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${filed.transferId}/receipt`, { receiptNumber: 'R-matrix' });
    await a.pol.post(`/transfers/${filed.transferId}/decision`, { outcome: 'filed', policeCaseNumber: 'P-matrix' });
    const { prosecutionId } = await a.pol.post<{ prosecutionId: string }>('/prosecutions', {
      transferId: filed.transferId,
      summary: `MATRIX-PROSECUTION-${label}`,
      caseFile: [{ title: '起诉意见书', sha256: 'c'.repeat(64) }],
    });
    await eventually(
      () => a.pro.get(`/prosecutions/${prosecutionId}`),
      () => true,
      'the prosecution at the procuratorate',
    );
    await a.pro.post(`/prosecutions/${prosecutionId}/decision`, { outcome: 'not-prosecuted', reasons: '情节轻微' });
    await a.pro.post(`/prosecutions/${prosecutionId}/enforcement-notice`, {});
    await eventually(
      () => a.enf.get(`/prosecution-notices/${prosecutionId}`),
      () => true,
      'the notice at enforcement',
    );
    ids.prosecutionId = prosecutionId;
    // a public-interest case against enforcement:210100 (its recommendation served) and a damage consultation
    const { pilCaseId } = await a.pro.post<{ pilCaseId: string }>('/pil-cases', {
      kind: 'administrative',
      respondentAgencyId: ENF,
      facts: `MATRIX-PIL-${label}`,
      linkedCaseId: opened.linkedCaseId,
    });
    await a.pro.post(`/pil-cases/${pilCaseId}/investigation`, { findings: '危险废物仍在现场' });
    await a.pro.post(`/pil-cases/${pilCaseId}/recommendation`, {
      documentNumber: `沈检行公建〔2026〕${label}号`,
      variant: 'standard',
    });
    await eventually(
      () => a.enf.get(`/pil-recommendations/${pilCaseId}`),
      () => true,
      'the recommendation at the respondent',
    );
    const { edcCaseId } = await a.enf.post<{ edcCaseId: string }>('/damage-compensations', {
      liableParty: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      noticeNumber: `沈环赔磋〔2026〕${label}号`,
      damage: `MATRIX-DAMAGE-${label}`,
      linkedCaseId: opened.linkedCaseId,
    });
    Object.assign(ids, { pilCaseId, edcCaseId });
    const case_ = await a.enf.get<{ caseNumber: string }>(`/cases/${opened.caseId}`);
    // the shared record (issue 12), seeded before the raw indictment below (an event the police park waits
    // behind it, and the case's later events with it): an enforcement decision shared with the police and procuratorate of the case and
    // with a police office that owns nothing of it (a grant only); the police are entitled to its case number only
    const shared = await a.enf.post<{ decisionId: string }>(`/sharing/cases/${opened.linkedCaseId}/decisions`, {
      decisionKind: 'supervision-request',
      decidedAt: new Date().toISOString(),
      ownerCaseNumber: `MATRIX-CASE-NO-${label}`,
      content: sharedText,
      partyName: sharedParty,
      partyIdNumber: '210102198001010011',
      partyAddress: '沈阳市和平区',
    });
    ids.sharedDecisionId = shared.decisionId;
    await a.enf.post(`/sharing/cases/${opened.linkedCaseId}/decisions/${shared.decisionId}/entry`, {
      sharedWith: ['police:210100', PRO, GRANTED],
    });
    for (const api of [a.pol, a.pro, new Api(sys.url('police'), sys.token(GRANTED, ['officer']))])
      await eventually(
        () => api.get<{ decisionId: string }[]>(`/sharing/cases/${opened.linkedCaseId}/entries`),
        (e) => e.some((x) => x.decisionId === shared.decisionId),
        'the shared entry received',
      );
    appIds.court = { sharedDecisionId: await seedGrants([opened.linkedCaseId, filed.linkedCaseId], label) };
    // a court case of court:210100: an indictment handed over as the procuratorate would (its reasons are a marker)
    const courtMarker = `MATRIX-COURT-${label}`;
    const indictmentId = randomUUID();
    await publish(endpoints().kafkaBrokers, sys.suffix, [
      {
        type: 'prosecution.decided',
        linkedCaseId: opened.linkedCaseId,
        producer: { kind: 'procuratorate', agencyId: PRO },
        payload: {
          prosecutionId: indictmentId,
          outcome: 'indicted',
          courtAgencyId: 'court:210100',
          reasons: courtMarker,
        },
      },
    ]);
    const courtCases = await eventually(
      () =>
        new Api(sys.url('court'), sys.token('court:210100', ['officer'])).get<
          { courtCaseId: string; sourceId: string }[]
        >('/court-cases'),
      (cs) => cs.some((c) => c.sourceId === indictmentId),
      'the indictment at the court',
      60_000,
    );
    ids.courtCaseId = courtCases.find((c) => c.sourceId === indictmentId)!.courtCaseId;
    markers = [
      case_.caseNumber,
      '沈阳某化工有限公司',
      '91210100MA0Y6J5X2U',
      '总铬超标',
      pressMarker,
      supNote,
      courtMarker,
    ];
    Object.assign(ids, await seedCooperation(opened.linkedCaseId, label));
    markers.push(`MATRIX-PROSECUTION-${label}`, `MATRIX-PIL-${label}`, `MATRIX-DAMAGE-${label}`);
    markers.push(`MATRIX-NOTICE-${label}`, `MATRIX-QUESTION-${label}`, `MATRIX-JOINT-${label}`, sharedText);

    for (const app of Object.keys(APPS)) {
      const doc = (await (await fetch(`${sys.url(app as ServiceName)}/docs-json`)).json()) as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
      };
      docs.set(app, doc);
      routes.push(...routesOf(app, doc));
    }
  }, 300_000);
  afterAll(() => sys.stop(), 60_000);

  /**
   * Issue 12, grants on the flows: on each seeded linked case enforcement shares a penalty decision with the
   * procuratorate, police and court offices of GRANTED_OF (the court of the case too), and the police an arrest request
   * with enforcement's. Answers the id of the decision the court of the case holds (its shared-record routes).
   */
  async function seedGrants(linkedCaseIds: string[], label: string): Promise<string> {
    const share = async (api: Api, linkedCaseId: string, decisionKind: string, sharedWith: string[]) => {
      const { decisionId } = await api.post<{ decisionId: string }>(`/sharing/cases/${linkedCaseId}/decisions`, {
        decisionKind,
        decidedAt: new Date().toISOString(),
        ownerCaseNumber: `MATRIX-GRANT-${label}`,
        // not the markers: police offices are entitled to a penalty in full
        content: `grant-${label}`,
      });
      await api.post(`/sharing/cases/${linkedCaseId}/decisions/${decisionId}/entry`, { sharedWith });
      return decisionId;
    };
    let courtDecisionId = '';
    for (const linkedCaseId of linkedCaseIds) {
      const penalty = await share(a.enf, linkedCaseId, 'administrative-penalty', [
        GRANTED_OF.police,
        GRANTED_OF.procuratorate,
        GRANTED_OF.court,
        'court:210100',
      ]);
      courtDecisionId ||= penalty;
      await share(a.pol, linkedCaseId, 'arrest-request', [GRANTED_OF.enforcement]);
    }
    // every granted office holds its entries (the grant is in its service's database)
    for (const kind of AGENCY_KINDS_SERVED)
      for (const linkedCaseId of linkedCaseIds)
        await eventually(
          () =>
            new Api(sys.url(kind), sys.token(GRANTED_OF[kind], ['officer'])).get<unknown[]>(
              `/sharing/cases/${linkedCaseId}/entries`,
            ),
          (e) => e.length > 0,
          `the grant of ${GRANTED_OF[kind]} on ${linkedCaseId}`,
        );
    return courtDecisionId;
  }

  /**
   * Issue 12: a notification broadcast by enforcement (its recipients: police and procuratorate), a consultation of
   * the police by enforcement (and, for the procuratorate app, one of the procuratorate by the police), the case
   * listed for joint supervision of the three with a meeting decision owned by the police. Every home agency is party.
   */
  async function seedCooperation(linkedCaseId: string, label: string): Promise<Record<string, string>> {
    const sup = new Api(sys.url('supervision'), sys.token(PRO, ['supervisor'], 'matrix-sup'));
    const { notificationId } = await a.enf.post<{ notificationId: string }>('/notifications', {
      linkedCaseId,
      kind: 'suspected-crime',
      content: `MATRIX-NOTICE-${label}`,
      broadcast: true,
    });
    const ask = (api: Api, consultedAgencyId: string) =>
      api.post<{ consultationId: string }>('/consultations', {
        linkedCaseId,
        consultedAgencyId,
        question: `MATRIX-QUESTION-${label}`,
        attachments: [{ fileName: '监测报告.pdf', sha256: 'e'.repeat(64), sizeBytes: 10 }],
      });
    const { consultationId } = await ask(a.enf, POL);
    const { consultationId: proConsultationId } = await ask(a.pol, PRO);
    appIds.procuratorate = { consultationId: proConsultationId };
    await sup.post(`/cases/${linkedCaseId}/joint-listing`, {
      reviewInterval: 'P14D',
      reason: `MATRIX-JOINT-${label}`,
      participants: [ENF, POL, PRO],
    });
    const { decisionIds } = await sup.post<{ decisionIds: string[] }>(`/cases/${linkedCaseId}/joint-meetings`, {
      minutes: `MATRIX-JOINT-${label} minutes`,
      decisions: [{ text: '补充鉴定', ownerAgencyId: POL, dueAt: '2027-01-10T17:00:00+08:00' }],
    });
    for (const [api, path] of [
      [a.pol, `/notifications/${notificationId}`],
      [a.pro, `/notifications/${notificationId}`],
      [a.pol, `/consultations/${consultationId}`],
      [a.pro, `/consultations/${proConsultationId}`],
      [a.enf, `/joint-supervisions/${linkedCaseId}`],
      [a.pro, `/joint-supervisions/${linkedCaseId}`],
      [a.pol, `/joint-supervisions/${linkedCaseId}`],
    ] as const)
      await eventually(
        () => api.get<{ decisions?: unknown[] }>(path),
        (v) => !path.startsWith('/joint') || v.decisions?.length === 1,
        `${path} reached its parties`,
      );
    return { notificationId, consultationId, decisionId: decisionIds[0]! };
  }

  it('the routes come from the apps: every app has routes, each with its rule; the agency apps state officer/head', () => {
    for (const app of Object.keys(APPS)) expect(routes.filter((r) => r.app === app).length).toBeGreaterThan(0);
    expect(routes.length).toBeGreaterThan(60);
    for (const r of routes.filter(
      (x) => ['enforcement', 'police', 'procuratorate', 'court'].includes(x.app) && !('public' in x.rule),
    )) {
      expect('roles' in r.rule && r.rule.roles.every((role) => role === 'officer' || role === 'head')).toBe(true);
    }
    expect(
      routes
        .filter((r) => 'public' in r.rule)
        .map((r) => `${r.app} ${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      Object.keys(APPS)
        .map((app) => `${app} GET /health`)
        .sort(),
    );
  });

  it('issue 12: an agency not party to a notification, consultation or joint supervision gets 404 and no data', async () => {
    const stranger = new Api(sys.url('police'), sys.token('police:210200', ['officer', 'head'], 'matrix-stranger'));
    // the procuratorate is not party to enforcement's consultation of the police, but holds a grant on the case
    // (seeded above): its service's content-free copy answers redacted, and nothing said leaks (session 5)
    const granted = await a.pro.get<{ redacted?: boolean }>(`/consultations/${ids.consultationId}`);
    expect(granted.redacted).toBe(true);
    expect(leaked(JSON.stringify(granted))).toEqual([]);
    expect(JSON.stringify(granted)).not.toMatch(/MATRIX-QUESTION|监测报告/);
    const notParty: [Api, string][] = [
      [stranger, `/notifications/${ids.notificationId}`],
      [stranger, `/consultations/${ids.consultationId}`],
      [stranger, `/joint-supervisions/${ids.linkedCaseId}`],
    ];
    for (const [api, path] of notParty) {
      const r = await api.call<unknown>('GET', path, undefined, 404);
      expect(leaked(JSON.stringify(r.body))).toEqual([]);
    }
    const acts: [Api, string, unknown][] = [
      [stranger, `/notifications/${ids.notificationId}/acknowledgement`, {}],
      [stranger, `/consultations/${ids.consultationId}/reply`, { reply: 'x' }],
      [stranger, `/joint-supervisions/${ids.linkedCaseId}/progress`, { round: 1, progress: 'x' }],
      [a.pro, `/joint-supervisions/${ids.linkedCaseId}/decisions/${ids.decisionId}/done`, { note: 'x' }],
    ];
    for (const [api, path, body] of acts) await api.call('POST', path, body, 404);
    expect(await stranger.get<unknown[]>('/consultations')).toEqual([]);
  });

  it('issue 12: an office that owns the linked case but is not party to a record reads it redacted, like a granted one, recorded', async () => {
    // enforcement:210100 owns the seeded case (its administrative case and transfer) and holds no grant on it; it is
    // not party to the police's consultation of the procuratorate (its service keeps the content-free copy)
    const db = await sys.sql('enforcement');
    try {
      const grants = await db.query('SELECT 1 FROM access_grant WHERE linked_case_id = $1 AND agency_id = $2', [
        ids.linkedCaseId,
        ENF,
      ]);
      expect(grants.rowCount).toBe(0);
    } finally {
      await db.end();
    }
    const path = `/consultations/${appIds.procuratorate!.consultationId}`;
    const view = await eventually(
      () => a.enf.call<{ redacted?: boolean; askingAgencyId?: string }>('GET', path, undefined, 'any'),
      (r) => r.status === 200,
      'the copy at enforcement',
    );
    expect(view.body).toMatchObject({ redacted: true, askingAgencyId: POL, consultedAgencyId: PRO });
    expect(leaked(JSON.stringify(view.body))).toEqual([]);
    expect(JSON.stringify(view.body)).not.toMatch(/MATRIX-QUESTION|监测报告|"question"/);
    // listed by its case too, redacted beside the office's own (full) consultation
    const listed = await a.enf.get<{ consultationId: string; redacted?: boolean }[]>(
      `/consultations?linkedCaseId=${ids.linkedCaseId}`,
    );
    expect(listed.find((c) => c.consultationId === appIds.procuratorate!.consultationId)?.redacted).toBe(true);
    expect(listed.find((c) => c.consultationId === ids.consultationId)?.redacted).toBeUndefined();
    // the stranger (owns nothing, no grant) still gets 404
    const stranger = new Api(sys.url('enforcement'), sys.token('enforcement:210200', ['officer'], 'matrix-stranger'));
    expect((await stranger.call('GET', path, undefined, 404)).status).toBe(404);
    // the read reached the case's audit history: reader, owner, what, when
    const auditor = new Api(sys.url('audit'), sys.token('procuratorate:000000', ['auditor']));
    await eventually(
      () =>
        auditor.get<{ entries: { type: string; occurredAt: string; who: { producer: { agencyId: string } } }[] }>(
          `/cases/${ids.linkedCaseId}/history`,
        ),
      (h) =>
        h.entries.some(
          (e) =>
            e.type === 'sharing.data-read' &&
            e.who.producer.agencyId === ENF &&
            !!e.occurredAt &&
            JSON.stringify(e).includes(path),
        ),
      'the case owner’s read in the ledger',
      60_000,
    );
  });

  it('a route that loses its access rule makes the matrix fail, naming it', () => {
    const doc = structuredClone(docs.get('police')!);
    delete doc.paths['/transfers/{transferId}/receipt']!.post![ACCESS_EXTENSION];
    expect(() => routesOf('police', doc)).toThrow(
      'police: route(s) without an access rule (x-casebridge-access): POST /transfers/{transferId}/receipt',
    );
  });

  it('every route × every token: refused with 401/403/404 and no data; the right token gets through', async () => {
    const failures: string[] = [];
    const withMarkers = new Map<string, number>();
    const expectThat = (ok: boolean, what: string): void => {
      if (!ok) failures.push(what);
    };
    const jobs: (() => Promise<void>)[] = [];
    for (const route of routes)
      for (const url of urlsOf(route, { ...ids, ...appIds[route.app] })) {
        const where = `${route.app} ${route.method} ${url}`;
        if ('public' in route.rule) {
          jobs.push(async () =>
            expectThat(
              (await call(route.app, route.method, url, undefined)).status === 200,
              `${where}: public route refused`,
            ),
          );
          continue;
        }
        const spec = APPS[route.app]!;
        const t = tokensFor(route, spec.kinds, spec.home);
        jobs.push(async () => {
          const r = await call(route.app, route.method, url, bearer(t.right));
          expectThat(
            r.status !== 401 && r.status !== 403 && r.status < 500,
            `${where} ${t.right.name}: ${r.status} ${r.text.slice(0, 200)}`,
          );
          if (route.method === 'GET')
            expectThat(r.status === 200, `${where} ${t.right.name}: GET answered ${r.status} ${r.text.slice(0, 200)}`);
          if (leaked(r.text).length) withMarkers.set(route.app, (withMarkers.get(route.app) ?? 0) + 1);
        });
        for (const v of invalidTokenVariants(t.right.agencyId, t.right.roles, DEV_JWT_SECRET)) {
          jobs.push(async () => {
            const r = await call(route.app, route.method, url, v.authorization);
            expectThat(
              r.status === 401 && r.text.includes('"AUTH.UNAUTHORIZED"') && !leaked(r.text).length,
              `${where} ${v.name}: ${r.status} ${r.text.slice(0, 200)}`,
            );
          });
        }
        const refused = (tok: TokenSpec, code: string) => async () => {
          const r = await call(route.app, route.method, url, bearer(tok));
          expectThat(
            r.status === 403 && r.text.includes(`"${code}"`) && !leaked(r.text).length,
            `${where} ${tok.name}: ${r.status} ${r.text.slice(0, 200)}`,
          );
        };
        for (const tok of t.otherKind) jobs.push(refused(tok, 'AUTH.WRONG_AGENCY'));
        for (const tok of t.wrongRole) jobs.push(refused(tok, 'AUTH.ROLE_NOT_ALLOWED'));
        if (t.otherRegion)
          jobs.push(async () => {
            // another office of the same kind: the seeded resources are not its own — 404, or its own (empty) list;
            // a command with no body may be refused for the body first (400); never 2xx on a command, never the data
            const r = await call(route.app, route.method, url, bearer(t.otherRegion!));
            const allowed = route.method === 'GET' ? [200, 403, 404] : [400, 403, 404];
            expectThat(
              allowed.includes(r.status) && !leaked(r.text).length,
              `${where} ${t.otherRegion!.name}: ${r.status} leaked ${JSON.stringify(leaked(r.text))} ${r.text.slice(0, 200)}`,
            );
          });
      }
    // a few at a time: the apps share two cores with everything else
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < jobs.length) await jobs[next++]!();
      }),
    );
    expect(failures).toEqual([]);
    // the leak checks are not vacuous: the right token does read the seeded data on each app that holds it
    expect(
      Object.fromEntries(
        ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit'].map((app) => [
          app,
          (withMarkers.get(app) ?? 0) >= 2,
        ]),
      ),
    ).toEqual({ enforcement: true, police: true, procuratorate: true, court: true, supervision: true, audit: true });
    expect(jobs.length).toBeGreaterThan(routes.length * 10);
  });

  it('grants (issue 12): on every route of the shared record an office without a grant gets 404 and no data, a granted one the redacted view', async () => {
    const sharing = routes.filter((r) => r.path.startsWith('/sharing/'));
    expect(sharing.map((r) => r.app).sort()).toEqual(
      expect.arrayContaining(['enforcement', 'police', 'procuratorate']),
    );
    const failures: string[] = [];
    for (const route of sharing)
      for (const url of urlsOf(route, ids)) {
        const spec = APPS[route.app]!;
        const none = await call(
          route.app,
          route.method,
          url,
          bearer(tokensFor(route, spec.kinds, spec.home).otherRegion!),
        );
        const noneOk =
          route.method === 'GET'
            ? none.status === 404 && none.text.includes('"SHARING.NOT_FOUND"')
            : [400, 404].includes(none.status);
        if (!noneOk || leaked(none.text).length || none.text.includes(sharedParty))
          failures.push(
            `${route.app} ${route.method} ${url} without a grant: ${none.status} ${none.text.slice(0, 200)}`,
          );
        if (route.app !== 'police' || route.method !== 'GET') continue;
        const g = await call(route.app, 'GET', url, bearer({ name: 'granted', agencyId: GRANTED, roles: ['officer'] }));
        const redacted =
          g.status === 200 &&
          g.text.includes(ids.sharedDecisionId!) &&
          g.text.includes('"case-number"') &&
          !g.text.includes(sharedText) &&
          !g.text.includes(sharedParty);
        if (!redacted) failures.push(`police GET ${url} with a grant: ${g.status} ${g.text.slice(0, 300)}`);
      }
    expect(failures).toEqual([]);
  });

  it('grants (issue 12): on every route of notification, consultation and joint supervision an office without a grant gets 404 and no data, a granted one the redacted view, recorded', async () => {
    const coop = routes.filter(
      (r) => r.app === 'police' && /^\/(notifications|consultations|joint-supervisions)(\/|$)/.test(r.path),
    );
    expect(
      coop
        .filter((r) => r.method === 'GET')
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      '/consultations',
      '/consultations/{consultationId}',
      '/joint-supervisions',
      '/joint-supervisions/{linkedCaseId}',
      '/notifications',
      '/notifications/{notificationId}',
    ]);
    const none = { name: 'no grant', agencyId: 'police:210200', roles: ['officer'] as Role[] };
    const granted = { name: 'granted', agencyId: GRANTED, roles: ['officer'] as Role[] };
    // what only the parties may read: texts, attachment names, minutes, decision texts (seeded above)
    const secret = (text: string): string[] =>
      [...leaked(text), '监测报告.pdf', '补充鉴定', '"content"', '"question"', '"minutes"', '"reason"'].filter((m) =>
        text.includes(m),
      );
    const failures: string[] = [];
    let redactedReads = 0;
    for (const route of coop)
      for (const url of urlsOf(route, ids)) {
        const where = `police ${route.method} ${url}`;
        const unfiltered =
          route.method === 'GET' && !url.includes('{') && !url.includes('?') && !/\/[0-9a-f-]{36}/.test(url);
        const n = await call('police', route.method, url, bearer(none));
        const noneOk =
          route.method !== 'GET'
            ? [400, 404].includes(n.status)
            : unfiltered
              ? n.status === 200 && n.text === '[]'
              : n.status === 404 && n.text.includes('NOT_FOUND');
        if (!noneOk || secret(n.text).length || n.text.includes(ids.linkedCaseId!))
          failures.push(`${where} without a grant: ${n.status} ${n.text.slice(0, 200)}`);
        const g = await call('police', route.method, url, bearer(granted));
        if (route.method !== 'GET') {
          // acts stay with the parties: a grant lets an office read, never act
          if (![400, 404].includes(g.status) || secret(g.text).length)
            failures.push(`${where} with a grant acted: ${g.status} ${g.text.slice(0, 200)}`);
          continue;
        }
        if (unfiltered) {
          if (g.status !== 200 || g.text !== '[]')
            failures.push(`${where} with a grant, unfiltered: ${g.status} ${g.text.slice(0, 200)}`);
          continue;
        }
        const body = g.status === 200 ? (JSON.parse(g.text) as unknown) : null;
        const views = (Array.isArray(body) ? body : [body]) as ({ redacted?: boolean; linkedCaseId?: string } | null)[];
        const redacted =
          g.status === 200 &&
          views.length > 0 &&
          views.every((v) => v?.redacted === true && v.linkedCaseId === ids.linkedCaseId) &&
          !secret(g.text).length;
        if (!redacted) failures.push(`${where} with a grant: ${g.status} ${secret(g.text)} ${g.text.slice(0, 300)}`);
        else redactedReads += views.length;
      }
    expect(failures).toEqual([]);
    expect(redactedReads).toBeGreaterThanOrEqual(6);
    // the parties still read everything
    const full = await a.pol.get<{ content: string }>(`/notifications/${ids.notificationId}`);
    expect(full.content).toMatch(/^MATRIX-NOTICE-/);
    // kept case (session 5): on a notification the police service is not party to (enforcement → procuratorate) a
    // granted police office got 404; the service keeps a content-free copy and answers it redacted
    const { notificationId: between } = await a.enf.post<{ notificationId: string }>('/notifications', {
      linkedCaseId: ids.linkedCaseId,
      kind: 'development',
      content: 'MATRIX-BETWEEN',
      recipients: [PRO],
    });
    const copy = await eventually(
      () => call('police', 'GET', `/notifications/${between}`, bearer(granted)),
      (r) => r.status === 200,
      'the granted police office reads the copy',
    );
    expect(JSON.parse(copy.text)).toMatchObject({ redacted: true, senderAgencyId: ENF, notificationId: between });
    expect(copy.text).not.toContain('MATRIX-BETWEEN');
    expect((await call('police', 'GET', `/notifications/${between}`, bearer(none))).status).toBe(404);
    // each granted read reached the case's audit history, with reader and time
    const auditor = new Api(sys.url('audit'), sys.token('procuratorate:000000', ['auditor']));
    const history = await eventually(
      () =>
        auditor.get<{ entries: { type: string; occurredAt: string; who: { producer: { agencyId: string } } }[] }>(
          `/cases/${ids.linkedCaseId}/history`,
        ),
      (h) =>
        ['notifications', 'consultations', 'joint-supervisions'].every((what) =>
          h.entries.some(
            (e) =>
              e.type === 'sharing.data-read' &&
              e.who.producer.agencyId === GRANTED &&
              JSON.stringify(e).includes(`/${what}`),
          ),
        ),
      'the granted reads in the ledger',
      60_000,
    );
    expect(history.entries.filter((e) => e.type === 'sharing.data-read').length).toBeGreaterThanOrEqual(3);
  });

  it('grants (issue 12): on the one-record routes of prosecution, PIL, EDC, court and filing supervision an office without a grant gets 404 and no data, a granted one the redacted view', async () => {
    const reads = routes.filter(
      (r) =>
        r.method === 'GET' &&
        (AGENCY_KINDS_SERVED as readonly string[]).includes(r.app) &&
        RECORD_PARAMS.some((p) => r.path.endsWith(`{${p}}`)),
    );
    // the routes this covers, from the apps' documents (a new one-record route of these flows joins by itself)
    expect(reads.map((r) => `${r.app} ${r.path}`).sort()).toEqual(
      expect.arrayContaining([
        'court /court-cases/{courtCaseId}',
        'enforcement /damage-compensations/{edcCaseId}',
        'enforcement /pil-recommendations/{pilCaseId}',
        'enforcement /prosecution-notices/{prosecutionId}',
        'police /prosecutions/{prosecutionId}',
        'police /supervisions/{supervisionId}',
        'procuratorate /filing-supervisions/{supervisionId}',
        'procuratorate /pil-cases/{pilCaseId}',
        'procuratorate /prosecutions/{prosecutionId}',
      ]),
    );
    const failures: string[] = [];
    for (const route of reads) {
      const kind = route.app as AgencyKind;
      const url = fillPath(route.path, { ...ids, ...appIds[route.app] });
      const id = RECORD_PARAMS.map((p) => ids[p]).find((v) => v && url.includes(v))!;
      const party = await call(route.app, 'GET', url, bearer(tokensFor(route, [kind], APPS[kind]!.home).right));
      // the party reads the whole view
      if (party.status !== 200 || !party.text.includes(id) || party.text.includes(`"${REDACTED}"`))
        failures.push(`${route.app} GET ${url} as the party: ${party.status} ${party.text.slice(0, 200)}`);
      const none = await call(
        route.app,
        'GET',
        url,
        bearer({ name: 'no grant', agencyId: `${kind}:210200`, roles: ['officer'] }),
      );
      if (none.status !== 404 || leaked(none.text).length || none.text.includes(id))
        failures.push(`${route.app} GET ${url} without a grant: ${none.status} ${none.text.slice(0, 200)}`);
      const g = await call(
        route.app,
        'GET',
        url,
        bearer({ name: 'granted', agencyId: GRANTED_OF[kind], roles: ['officer'] }),
      );
      const redacted =
        g.status === 200 &&
        g.text.includes(id) &&
        g.text.includes(`"${REDACTED}"`) &&
        !leaked(g.text).length &&
        !g.text.includes(sharedParty);
      if (!redacted)
        failures.push(
          `${route.app} GET ${url} with a grant: ${g.status} leaked ${JSON.stringify(leaked(g.text))} ${g.text.slice(0, 300)}`,
        );
    }
    expect(failures).toEqual([]);
    // each granted read of another office's record is recorded (sharing.data-read) and reaches the case's audit history
    const auditor = new Api(sys.url('audit'), sys.token('procuratorate:000000', ['auditor']));
    await eventually(
      () =>
        auditor.get<{ entries: { type: string; who: { producer: { agencyId: string } } }[] }>(
          `/cases/${ids.linkedCaseId}/history`,
        ),
      (h) => h.entries.some((e) => e.type === 'sharing.data-read' && e.who.producer.agencyId === GRANTED_OF.court),
      'the court office’s granted read in the audit history',
      60_000,
    );
  });

  it('finding 1 as reported: a token of the right agency whose only role is auditor or supervisor registers, sends, signs and opens nothing', async () => {
    for (const role of ['auditor', 'supervisor'] as Role[]) {
      const enf = new Api(sys.url('enforcement'), sys.token(ENF, [role]));
      const caseNumber = `辽沈环罚〔2026〕denied-${role}-${randomInt(1e9)}号`;
      const r = await enf.call<{ code: string }>(
        'POST',
        '/cases',
        {
          caseNumber,
          party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
          violation: '暗管排放',
          discoveredAt: '2026-11-20T10:30:00+08:00',
        },
        403,
      );
      expect(r.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      expect(JSON.stringify(await a.enf.get('/cases'))).not.toContain(caseNumber);
      const pol = new Api(sys.url('police'), sys.token('police:210100', [role]));
      expect(
        (
          await pol.call<{ code: string }>(
            'POST',
            `/transfers/${ids.transferId}/receipt`,
            { receiptNumber: 'R-denied' },
            403,
          )
        ).body.code,
      ).toBe('AUTH.ROLE_NOT_ALLOWED');
      const pro = new Api(sys.url('procuratorate'), sys.token(PRO, [role]));
      expect(
        (await pro.call<{ code: string }>('POST', '/filing-supervisions', { transferId: ids.transferId }, 403)).body
          .code,
      ).toBe('AUTH.ROLE_NOT_ALLOWED');
    }
    expect((await a.pol.get<{ phase: string }>(`/transfers/${ids.transferId}`)).phase).toBe('awaiting-receipt');
  });

  it('finding 2 as reported: procuratorate:210200 cannot issue an opinion on a case of enforcement:210300 (404, nothing recorded); nor can enforcement send outside its region', async () => {
    const dalian = new Api(sys.url('procuratorate'), sys.token('procuratorate:210200', ['officer']));
    const r = await dalian.call<{ code: string }>(
      'POST',
      '/transfer-opinions',
      {
        caseId: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
        linkedCaseId: '01927c3e-8a4b-7c2d-9e1f-0a1b2c3d4e5f',
        enforcementAgencyId: 'enforcement:210300',
        reasons: '应当移送',
      },
      404,
    );
    expect(r.body.code).toBe('AGENCY.OUTSIDE_JURISDICTION');
    expect(await dalian.get('/transfer-opinions')).toEqual([]);
    // the same kind of hole: enforcement addressing another region's police or procuratorate
    const { caseId } = await a.enf.post<{ caseId: string }>('/cases', {
      caseNumber: `辽沈环罚〔2026〕jurisdiction-${randomInt(1e9)}号`,
      party: { name: '沈阳某纸业有限公司', creditCode: '91210100MA0Y6J5X3Y' },
      violation: '超标排放',
      discoveredAt: '2026-11-20T10:30:00+08:00',
    });
    const { transferId } = await a.enf.post<{ transferId: string }>('/transfers', {
      caseId,
      thresholdFacts: ['t3'],
      facts: '超标排放',
    });
    await a.enf.post(`/transfers/${transferId}/team-report`, {
      teamOfficerIds: ['enf-officer-zhang', 'enf-officer-li'],
      summary: '建议移送',
    });
    await a.enfHead.post(`/transfers/${transferId}/head-decision`, { decision: 'approved' });
    const materials = [
      { kind: 'transfer-letter', title: '移送书' },
      { kind: 'investigation-report', title: '调查报告' },
      { kind: 'monitoring-report', title: '监测报告' },
    ];
    for (const body of [
      { materials, toAgencyId: 'police:210200' },
      { materials, copyToAgencyId: 'procuratorate:210300' },
    ]) {
      expect((await a.enf.call<{ code: string }>('POST', `/transfers/${transferId}/send`, body, 404)).body.code).toBe(
        'AGENCY.OUTSIDE_JURISDICTION',
      );
    }
    const after = await a.enf.get<{ phase: string; policeAgencyId: string | null }>(`/transfers/${transferId}`);
    expect(after).toMatchObject({ phase: 'approved', policeAgencyId: null });
  });

  it('finding 4: a court supervisor cannot press or escalate a police step; a repeat escalation to the same level is 409', async () => {
    const step = encodeURIComponent(ids.stepId!);
    const court = new Api(sys.url('supervision'), sys.token('court:210100', ['supervisor']));
    for (const act of ['press', 'escalate']) {
      expect(
        (await court.call<{ code: string }>('POST', `/steps/${step}/${act}`, { message: '催办' }, 403)).body.code,
      ).toBe('STEP.OUTSIDE_SUPERVISORY_SCOPE');
    }
    const sup = new Api(sys.url('supervision'), sys.token(PRO, ['supervisor'], 'matrix-sup'));
    const first = await sup.call<{ toLevel: string }>(
      'POST',
      `/steps/${step}/escalate`,
      { message: '报请上级督办' },
      201,
    );
    expect(first.body.toLevel).toBe('police:210000');
    const again = await sup.call<{ code: string }>('POST', `/steps/${step}/escalate`, { message: '再次报请' }, 409);
    expect(again.body.code).toBe('STEP.ALREADY_ESCALATED');
    await sup.call('POST', `/steps/${step}/escalate`, { message: '报请公安部督办', toLevel: 'police:000000' }, 201);
    const c = await sup.get<{ timeline: { type: string }[] }>(`/cases/${ids.linkedCaseId}`);
    expect(c.timeline.filter((e) => e.type === 'supervision.escalated')).toHaveLength(2);
  });
});
