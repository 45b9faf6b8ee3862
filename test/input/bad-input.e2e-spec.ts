/**
 * Bad input over real HTTP on every app (#13 items 6–13, 15, 16; acceptance 3 and 4): the quoted inputs,
 * the kinds (size, depth, prototype keys, malformed JSON, headers) on all six apps, and "rejected input
 * changes nothing": 50 invalid bodies for each command of the transfer flow, with the state tables, the
 * outboxes and the audit ledger compared before and after.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import fc from 'fast-check';
import { Client } from 'pg';
import { Api, eventually, TestSystem, type ServiceName } from '../support/system';
import { agencies, ENF, openAndSend, POL, PRO, type Agencies } from '../transfer/transfer-driver';

const APPS = ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit'] as const;
type App = (typeof APPS)[number];
const X = 'x';
const UUID = '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01';

describe('bad input on every app', () => {
  let sys: TestSystem;
  let a: Agencies;
  const tokenFor = (app: App): string =>
    ({
      enforcement: sys.token(ENF, ['officer']),
      police: sys.token(POL, ['officer']),
      procuratorate: sys.token(PRO, ['officer']),
      court: sys.token('court:210100', ['officer']),
      supervision: sys.token(PRO, ['supervisor']),
      audit: sys.token(PRO, ['auditor']),
    })[app];
  const send = (
    app: App,
    method: string,
    url: string,
    body?: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    fetch(`${sys.url(app)}${url}`, {
      method,
      body,
      headers: {
        authorization: `Bearer ${tokenFor(app)}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
    });
  const json = async (
    r: Response,
  ): Promise<{ statusCode: number; code: string; message: string; details?: string[] }> => r.json() as never;
  /** A GET route of the app that takes a query DTO. */
  const listPath = (app: App): string =>
    (({ audit: '/ledger/checkpoints', supervision: '/steps' }) as Partial<Record<App, string>>)[app] ?? '/inbox';
  /** A route of the app that takes a body (the audit has none). */
  const bodyRoute = (app: App): string | undefined =>
    (
      ({
        enforcement: '/cases',
        police: `/transfers/${UUID}/receipt`,
        procuratorate: '/pil-cases',
        court: `/court-cases/${UUID}/docket`,
        supervision: `/steps/${UUID}/press`,
      }) as Partial<Record<App, string>>
    )[app];
  const hasInbox = (app: App): boolean => ['enforcement', 'police', 'procuratorate', 'court'].includes(app);
  /** A request exactly as written (repeated headers, a path with .., any Content-Encoding): fetch would normalise these. */
  const raw = (
    app: App,
    method: string,
    pathname: string,
    headers: string[],
    body?: string | Buffer,
  ): Promise<{ status: number; type: string; body: { code?: string; message?: string } }> =>
    new Promise((resolve, reject) => {
      const u = new URL(sys.url(app));
      const req = http.request(
        { host: u.hostname, port: u.port, method, path: pathname, headers: ['Host', u.host, ...headers] },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += String(c);
          });
          res.on('end', () => {
            let parsed: { code?: string; message?: string } = {};
            try {
              parsed = JSON.parse(text) as never;
            } catch {
              /* not JSON: the test says so */
            }
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    sys = await new TestSystem([...APPS]).start();
    a = agencies(sys);
  }, 300_000);
  afterAll(async () => {
    await sys?.stop();
  });

  describe.each(APPS.map((s) => [s]))('%s', (app) => {
    it('refuses 10,000 nested levels with 400 REQUEST.TOO_DEEP, before validation (#13 item 11)', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const r = await send(app, 'POST', `/inbox/${UUID}/read`, `{"a":${deep}}`);
      expect(r.status).toBe(400);
      expect((await json(r)).code).toBe('REQUEST.TOO_DEEP');
      const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const r2 = await send(app, 'POST', `/inbox/${UUID}/read`, objects);
      expect([r2.status, (await json(r2)).code]).toEqual([400, 'REQUEST.TOO_DEEP']);
    });

    it('answers 413 REQUEST.TOO_LARGE to a body over 1 MiB (#13 item 10)', async () => {
      const r = await send(app, 'POST', `/inbox/${UUID}/read`, JSON.stringify({ note: 'x'.repeat(1024 * 1024 + 10) }));
      expect(r.status).toBe(413);
      expect((await json(r)).code).toBe('REQUEST.TOO_LARGE');
    });

    it.each(['__proto__', 'constructor', 'prototype'])(
      'refuses a %s key anywhere in the body as an unknown field (#13 item 12)',
      async (key) => {
        for (const body of [
          `{"${key}":{"isAdmin":true}}`,
          `{"a":{"${key}":{"x":1}}}`,
          `{"a":[{"${key}":1}]}`,
          `{"\\u005f_proto__":{}}`,
        ]) {
          if (!body.includes(key) && key !== '__proto__') continue;
          const r = await send(app, 'POST', `/inbox/${UUID}/read`, body);
          const b = await json(r);
          expect([r.status, b.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
          expect(b.message).toMatch(/is not a field of this request/);
        }
      },
    );

    it('refuses a lone UTF-16 surrogate in any value or key with 400, never 500 (attack round 4: jsonb refused it)', async () => {
      for (const body of ['{"note":"\\ud800x"}', '{"a":{"b":["ok","\\udc00"]}}', '{"\\ud83d":1}']) {
        const r = await send(app, 'POST', `/inbox/${UUID}/read`, body);
        const b = await json(r);
        expect([r.status, b.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
        expect(b.message).toMatch(/lone UTF-16 surrogate/);
      }
    });

    it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
      const r = await send(app, 'POST', `/inbox/${UUID}/read`, '{"a":');
      expect([r.status, (await json(r)).code]).toEqual([400, 'REQUEST.MALFORMED_JSON']);
    });

    // Kept case (session 6 trial): null answered MALFORMED_JSON, [1,2] "0 is not a field"
    it.each(['null', '[1,2]', '[]', '"text"', '42', 'true', ' null '])(
      'refuses the valid JSON %s, which is no object: a body route says it must be a JSON object, a route without one that it takes none',
      async (body) => {
        const route = bodyRoute(app);
        if (route) {
          const r = await send(app, 'POST', route, body);
          const b = await json(r);
          expect([body, r.status, b.code]).toEqual([body, 400, 'REQUEST.VALIDATION_FAILED']);
          expect(b.message).toMatch(/^the request body must be a JSON object/);
        }
        if (!hasInbox(app) && app !== 'audit') return;
        const r = hasInbox(app)
          ? await send(app, 'POST', `/inbox/${UUID}/read`, body)
          : await send(app, 'POST', '/ledger/rebuild', body, {
              authorization: `Bearer ${sys.token(PRO, ['operator'])}`,
            });
        expect([body, r.status, (await json(r)).code]).toEqual([body, 400, 'REQUEST.BODY_NOT_ALLOWED']);
      },
    );

    it('sends helmet’s headers, no X-Powered-By, and Cache-Control: no-store on data (#13 item 16)', async () => {
      for (const url of ['/inbox', '/health', '/docs-json']) {
        const r = await send(app, 'GET', url);
        expect(r.headers.get('x-powered-by')).toBeNull();
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('x-frame-options')).toBe('DENY');
        expect(r.headers.get('referrer-policy')).toBe('no-referrer');
        expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
        expect(r.headers.get('cache-control')).toMatch(/(^|, )no-store(,|$)/);
      }
    });

    it('keeps CORS off when no origins are configured', async () => {
      const r = await send(app, 'GET', '/health', undefined, { origin: 'https://evil.example' });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await fetch(`${sys.url(app)}/health`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('links the JSON document from /docs (#13 item 15)', async () => {
      const doc = (await (await send(app, 'GET', '/docs-json')).json()) as { info: { description: string } };
      expect(doc.info.description).toContain('[/docs-json](/docs-json)');
      const html = await (await send(app, 'GET', '/docs')).text();
      expect(html).toContain('swagger');
    });

    it('takes JSON bodies only: forms (NUL, __proto__, constructor, 1,001 parameters), XML, text → 415 REQUEST.UNSUPPORTED_MEDIA_TYPE (attack #2, #3)', async () => {
      const many = Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&');
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'note=a%00b'],
        ['application/x-www-form-urlencoded', '__proto__%5BisAdmin%5D=true&message=x'],
        ['application/x-www-form-urlencoded', 'constructor=x'],
        ['application/x-www-form-urlencoded', many],
        ['application/xml', '<a>1</a>'],
        ['text/plain', '{}'],
        ['multipart/form-data; boundary=x', '--x--'],
      ]) {
        const r = await send(app, 'POST', `/inbox/${UUID}/read`, body, { 'content-type': type });
        expect([r.status, (await json(r)).code]).toEqual([415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE']);
      }
      const none = await raw(
        app,
        'POST',
        `/inbox/${UUID}/read`,
        ['Authorization', `Bearer ${tokenFor(app)}`, 'Content-Length', '2'],
        '{}',
      );
      expect([none.status, none.body.code]).toEqual([415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE']);
    });

    it('answers unreadable bodies with a 4xx and a code, never 500: gzip / br that is not, unknown encoding, charset (attack #3)', async () => {
      const auth = ['Authorization', `Bearer ${tokenFor(app)}`, 'Content-Type', 'application/json'];
      for (const [encoding, status, code] of [
        ['gzip', 400, 'REQUEST.BAD_ENCODING'],
        ['br', 400, 'REQUEST.BAD_ENCODING'],
        ['deflate', 400, 'REQUEST.BAD_ENCODING'],
        ['x-zip', 415, 'REQUEST.UNSUPPORTED_ENCODING'],
      ] as const) {
        const r = await raw(
          app,
          'POST',
          `/inbox/${UUID}/read`,
          [...auth, 'Content-Encoding', encoding],
          'this is not compressed at all',
        );
        expect([encoding, r.status, r.body.code]).toEqual([encoding, status, code]);
        expect(r.body.message).toBeTruthy();
      }
      const latin = await send(app, 'POST', `/inbox/${UUID}/read`, '{}', {
        'content-type': 'application/json; charset=latin1',
      });
      expect([latin.status, (await json(latin)).code]).toEqual([415, 'REQUEST.UNSUPPORTED_CHARSET']);
    });

    it('refuses a key twice in one JSON object, at any depth, with 400 REQUEST.DUPLICATE_KEY (attack #11)', async () => {
      for (const body of [
        '{"note":"a","note":"b"}',
        '{"a":{"x":1,"y":{"z":[1]},"x":2}}',
        '[{"k":1},{"k":1,"k":2}]',
        '{"n\\u006fte":1,"note":2}',
      ]) {
        const r = await send(app, 'POST', `/inbox/${UUID}/read`, body);
        expect([body, r.status, (await json(r)).code]).toEqual([body, 400, 'REQUEST.DUPLICATE_KEY']);
      }
    });

    it('a route that takes no body refuses one; unknown or bracketed query parameters are refused (attack #11)', async () => {
      for (const body of hasInbox(app) ? ['{"extra":1}', '{"note":"x"}', '[]'] : []) {
        const r = await send(app, 'POST', `/inbox/${UUID}/read`, body);
        expect([body, r.status, (await json(r)).code]).toEqual([body, 400, 'REQUEST.BODY_NOT_ALLOWED']);
      }
      for (const q of ['__proto__[x]=1', 'constructor=1', 'a[b]=1', 'status.x=1', 'nonsense=1']) {
        const r = await send(app, 'GET', `${listPath(app)}?${q}`);
        const b = await json(r);
        expect([q, r.status, b.code]).toEqual([q, 400, 'REQUEST.VALIDATION_FAILED']);
        expect(b.message).toMatch(/is not (a parameter|a field) of this request/);
      }
      const health = await send(app, 'GET', '/health?__proto__[x]=1');
      expect([health.status, (await json(health)).code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    });

    it('reads the Authorization scheme in any case and refuses malformed or repeated headers with a message saying so (attack #14)', async () => {
      const token = tokenFor(app);
      expect((await send(app, 'GET', listPath(app), undefined, { authorization: `bearer ${token}` })).status).not.toBe(
        401,
      );
      for (const authorization of [`Bearer ${token} extra`, 'Bearer']) {
        const r = await send(app, 'GET', listPath(app), undefined, { authorization });
        const b = await json(r);
        expect([r.status, b.code]).toEqual([401, 'AUTH.UNAUTHORIZED']);
        expect(b.message).toMatch(/malformed/);
      }
      const twice = await raw(app, 'GET', listPath(app), [
        'Authorization',
        `Bearer ${token}`,
        'Authorization',
        'Bearer other',
      ]);
      expect([twice.status, twice.body.code]).toEqual([401, 'AUTH.UNAUTHORIZED']);
      expect(twice.body.message).toMatch(/Send one Authorization header/);
    });
  });

  it('supervision OpenAPI: the fields quoted in #13 item 14 are strings or null, not objects; outcome admits null', async () => {
    type Prop = { type?: string; nullable?: boolean; enum?: unknown[]; allOf?: unknown[] };
    const doc = (await (await send('supervision', 'GET', '/docs-json')).json()) as {
      components: { schemas: Record<string, { properties: Record<string, Prop> }> };
    };
    const step = doc.components.schemas.StepView.properties;
    const detail = doc.components.schemas.StepDetailView.properties;
    for (const f of ['caseNumber', 'owingRegion', 'closedAt', 'escalatedAt', 'lastPressedAt'])
      expect([f, step[f].type, step[f].nullable]).toEqual([f, 'string', true]);
    expect([step.overdueByDays.type, step.overdueByDays.nullable]).toEqual(['integer', true]);
    expect([detail.onExpiry.type, detail.onExpiry.nullable]).toEqual(['string', true]);
    expect(step.outcome.nullable).toBe(true);
  });

  it('the documents list the required material kinds, the phase enums and the common error codes (#13 item 15)', async () => {
    const enf = JSON.stringify(await (await send('enforcement', 'GET', '/docs-json')).json());
    expect(enf).toContain('required kinds: transfer-letter, investigation-report');
    expect(enf).toMatch(/"phase":\{"type":"string","enum":\["/);
    expect(enf).toContain('REQUEST.TOO_LARGE');
    const pol = JSON.stringify(await (await send('police', 'GET', '/docs-json')).json());
    expect(pol).toMatch(/"phase":\{"type":"string","enum":\["awaiting-receipt"/);
  });

  it('serves the supervision console under a strict CSP, and the console has no inline script or style (#13 item 16)', async () => {
    const r = await fetch(`${sys.url('supervision')}/`);
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await r.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    const js = readFileSync(path.resolve(__dirname, '../../apps/supervision/web/app.js'), 'utf8');
    expect(js).not.toMatch(/setAttribute\(['"]style|innerHTML\s*=|eval\(|new Function/);
  });

  it.each([['enforcement'], ['police'], ['procuratorate']] as [App][])(
    '%s: GET /inbox?linkedCaseId=x → 400, not 500 (#13 item 6)',
    async (app) => {
      const r = await send(app, 'GET', '/inbox?linkedCaseId=x');
      const b = await json(r);
      expect([r.status, b.message]).toEqual([
        400,
        'linkedCaseId must be an id (a UUID such as 0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01)',
      ]);
    },
  );

  it('supervision: numeric query parameters take decimal digits only — page=0x10, overdueByDays=0x1, pageSize=1e1 → 400 (attack #16)', async () => {
    for (const q of ['page=0x10', 'overdueByDays=0x1', 'pageSize=1e1', 'page=0b1', 'page=%207', 'page=1.0']) {
      const r = await send('supervision', 'GET', `/steps?${q}`);
      const b = await json(r);
      expect([q, r.status, b.code]).toEqual([q, 400, 'REQUEST.VALIDATION_FAILED']);
      expect(b.message).toMatch(/must be a whole number/);
    }
    expect((await send('supervision', 'GET', '/steps?page=2&pageSize=10&overdueByDays=0')).status).toBe(200);
    const limit = await send('audit', 'GET', '/ledger/checkpoints?limit=0x10');
    expect([limit.status, (await json(limit)).code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
  });

  it("supervision: the console's static files never redirect: GET /steps/.. answers JSON with a code, not a 301 HTML page (attack #17)", async () => {
    for (const p of ['/steps/..', '/..', '/x/..']) {
      const r = await raw('supervision', 'GET', p, ['Authorization', `Bearer ${tokenFor('supervision')}`]);
      expect([p, r.status === 301 || r.status === 302, r.type]).toEqual([
        p,
        false,
        expect.stringContaining('application/json'),
      ]);
      expect(r.body.code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
    }
  });

  it('the quoted inputs: press / receipt as forms (NUL, __proto__) → 415; GET /cases?__proto__[x] and POST /ledger/rebuild with a body → 400 (attack #2, #11)', async () => {
    const press = await send('supervision', 'POST', `/steps/${UUID}/press`, '__proto__=x&message=hurry', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([press.status, (await json(press)).code]).toEqual([415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE']);
    const receipt = await send('police', 'POST', `/transfers/${UUID}/receipt`, 'note=a%00b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([receipt.status, (await json(receipt)).code]).toEqual([415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE']);
    for (const q of ['__proto__[x]=1', 'page=1']) {
      // GET /cases takes no query at all
      const cases = await send('enforcement', 'GET', `/cases?${q}`);
      expect([q, cases.status, (await json(cases)).code]).toEqual([q, 400, 'REQUEST.VALIDATION_FAILED']);
    }
    expect((await send('enforcement', 'GET', '/cases')).status).toBe(200);
    const rebuild = await send('audit', 'POST', '/ledger/rebuild', '{"extra":true}', {
      authorization: `Bearer ${sys.token(PRO, ['operator'])}`,
    });
    expect([rebuild.status, (await json(rebuild)).code]).toEqual([400, 'REQUEST.BODY_NOT_ALLOWED']);
  });

  describe('the inputs quoted in #13 on enforcement', () => {
    const party = { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' };
    const caseBody = {
      caseNumber: '辽沈环罚〔2026〕Q-1号',
      party,
      violation: '暗管排放',
      discoveredAt: '2026-11-20T10:30:00+08:00',
    };
    const evidence = {
      kind: 'monitoring-report',
      fileName: 'a.pdf',
      sha256: 'b'.repeat(64),
      sizeBytes: 10,
      custody: [{ at: '2026-11-20T11:00:00+08:00', by: 'enf-officer-zhang', action: 'sampled' }],
    };
    const post = async (url: string, body: unknown, api: Api = a.enf): Promise<{ status: number; message: string }> => {
      const r = await api.call<{ message: string }>('POST', url, body, 'any');
      return { status: r.status, message: r.body.message };
    };
    let caseId: string;
    let transferId: string;
    beforeAll(async () => {
      caseId = (await a.enf.post<{ caseId: string }>('/cases', { ...caseBody, caseNumber: '辽沈环罚〔2026〕Q-0号' }))
        .caseId;
      transferId = (
        await a.enf.post<{ transferId: string }>('/transfers', { caseId, thresholdFacts: ['t3'], facts: '超标' })
      ).transferId;
    });

    it.each([
      ['GET /transfers?caseId=x', 'GET', '/transfers?caseId=x', undefined, 'caseId must be an id'],
      [
        'POST /transfers with caseId x',
        'POST',
        '/transfers',
        { caseId: X, thresholdFacts: ['t1'], facts: 'f' },
        'caseId must be an id',
      ],
      ['party: []', 'POST', '/cases', { ...caseBody, party: [] }, 'party must be an object'],
      ['party omitted', 'POST', '/cases', { ...caseBody, party: undefined }, 'party is required'],
      ['party: [[{...}]]', 'POST', '/cases', { ...caseBody, party: [[party]] }, 'party must be an object'],
      [
        'discoveredAt: "2026-11-20"',
        'POST',
        '/cases',
        { ...caseBody, discoveredAt: '2026-11-20' },
        'discoveredAt must be a date and time with its offset',
      ],
      ['reasons: 12345', 'POST', `/transfers/${UUID}/reconsideration`, { reasons: 12345 }, 'reasons must be text'],
      ['reasons missing', 'POST', `/transfers/${UUID}/reconsideration`, {}, 'reasons is required'],
      ['items as a string', 'POST', `/transfers/${UUID}/materials`, { items: 'all of them' }, 'items must be a list'],
    ] as [string, string, string, unknown, string][])(
      '%s → 400 with one message',
      async (_l, method, url, body, message) => {
        const r = await a.enf.call<{ message: string; details?: unknown }>(method, url, body, 400);
        expect(r.body.message.startsWith(message)).toBe(true);
        expect(r.body.details).toBeUndefined();
      },
    );

    it('evidence: custody [[...]], custody [], sizeBytes 1e30 → 400', async () => {
      for (const [body, message] of [
        [{ ...evidence, custody: [evidence.custody] }, 'every item of custody must be an object'],
        [{ ...evidence, custody: [] }, 'custody must record at least one step'],
        [{ ...evidence, sizeBytes: 1e30 }, 'sizeBytes must be at most'],
      ] as [unknown, string][]) {
        const r = await post(`/cases/${caseId}/evidence`, body);
        expect(r.status).toBe(400);
        expect(r.message.startsWith(message)).toBe(true);
      }
    });

    it('send: materials [<valid>, <valid>, []] and evidenceId x; items [[...]] on materials and items-handover → 400', async () => {
      const m = [
        { kind: 'transfer-letter', title: '移送书' },
        { kind: 'investigation-report', title: '报告' },
      ];
      const head = new Api(sys.url('enforcement'), sys.token(ENF, ['officer', 'head']));
      for (const [url, body, message, api] of [
        [
          `/transfers/${transferId}/send`,
          { materials: [...m, []] },
          'every item of materials must be an object',
          a.enf,
        ],
        [
          `/transfers/${transferId}/send`,
          { materials: [...m, { kind: 'monitoring-report', title: 't', evidenceId: X }] },
          'materials.2.evidenceId must be an id',
          a.enf,
        ],
        [`/transfers/${transferId}/materials`, { items: [m] }, 'every item of items must be an object', a.enf],
        [`/transfers/${transferId}/items-handover`, { items: [m] }, 'every item of items must be an object', a.enf],
        [
          `/transfers/${transferId}/head-decision`,
          { decision: 'refused', reasons: 12345 },
          'reasons must be text',
          head,
        ],
      ] as [string, unknown, string, Api][]) {
        const r = await post(url, body, api);
        expect([url, r.status]).toEqual([url, 400]);
        expect(r.message.startsWith(message)).toBe(true);
      }
    });
  });

  /** Every table of a service's database, each as one md5 of its rows in a fixed order. */
  async function snapshot(service: ServiceName): Promise<Record<string, string>> {
    const db = sys.database(service);
    const c = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: db.name });
    await c.connect();
    try {
      const tables = (
        await c.query<{
          t: string;
        }>(`select quote_ident(table_schema) || '.' || quote_ident(table_name) as t from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`)
      ).rows.map((r) => r.t);
      const out: Record<string, string> = {};
      for (const t of tables) {
        const { rows } = await c.query<{ n: string; h: string | null }>(
          `select count(*)::text as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${t} x`,
        );
        out[t] = `${rows[0].n}:${rows[0].h ?? ''}`;
      }
      return out;
    } finally {
      await c.end();
    }
  }

  /** 50 invalid bodies for a command: each field broken in turn (missing, wrong type, empty, too long, nested wrongly), then arbitrary JSON. */
  function invalidBodies(valid: Record<string, unknown>, seed: number): unknown[] {
    const common: unknown[] = [null, [], {}, [[]], true, [null], { __x: 1 }];
    const wrongFor = (v: unknown): unknown[] =>
      typeof v === 'number'
        ? [-1, 1.5, 1e30, '12', ...common]
        : typeof v === 'string'
          ? [12345, '', 'a'.repeat(5000), ...common]
          : [12345, '', 'text', null, {}, [[]], [null], [12345], [{ x: 1 }], true];
    const mutated: unknown[] = [{ ...valid, unknownField: 1 }, [], 'text', 42];
    for (const key of Object.keys(valid)) {
      mutated.push(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)));
      for (const w of wrongFor(valid[key])) mutated.push({ ...valid, [key]: w });
    }
    const random = fc.sample(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), {
      numRuns: 50,
      seed,
    });
    return [...mutated, ...random].slice(0, 50);
  }

  it('rejected input changes nothing: 50 invalid bodies for each command of the transfer flow (acceptance 4)', async () => {
    const opened = await openAndSend(a, 'reject');
    await eventually(
      () => a.pol.get<{ phase: string }>(`/transfers/${opened.transferId}`),
      (t) => t.phase === 'awaiting-receipt',
      'police has the transfer',
    );
    const audit = new Api(sys.url('audit'), sys.token(PRO, ['auditor']));
    const settled = async (): Promise<string> =>
      JSON.stringify(
        await Promise.all((['enforcement', 'police', 'procuratorate', 'supervision', 'audit'] as const).map(snapshot)),
      );
    // wait until every consumer has applied what the set-up produced (the snapshot stops changing)
    let before = await settled();
    await eventually(
      async () => {
        const now = await settled();
        const same = now === before;
        before = now;
        return same;
      },
      (same) => same,
      'quiet system',
      60_000,
    );
    const ledgerBefore = await audit.get(`/cases/${opened.linkedCaseId}/history`);

    const commands: [Api, string, Record<string, unknown>][] = [
      [
        a.enf,
        '/cases',
        {
          caseNumber: '辽沈环罚〔2026〕R-1号',
          party: { name: 'n', creditCode: '91210100MA0Y6J5X2U' },
          violation: 'v',
          discoveredAt: '2026-11-20T10:30:00+08:00',
        },
      ],
      [
        a.enf,
        `/cases/${opened.caseId}/evidence`,
        {
          kind: 'monitoring-report',
          fileName: 'a.pdf',
          sha256: 'c'.repeat(64),
          sizeBytes: 1,
          custody: [{ at: '2026-11-20T11:00:00+08:00', by: 'b', action: 'a' }],
        },
      ],
      [a.enf, '/transfers', { caseId: opened.caseId, thresholdFacts: ['t1'], facts: 'f' }],
      [a.enf, `/transfers/${opened.transferId}/team-report`, { teamOfficerIds: ['a', 'b'], summary: 's' }],
      [a.enfHead, `/transfers/${opened.transferId}/head-decision`, { decision: 'refused', reasons: 'r' }],
      [a.enf, `/transfers/${opened.transferId}/send`, { materials: [{ kind: 'transfer-letter', title: 't' }] }],
      [a.enf, `/transfers/${opened.transferId}/materials`, { items: [{ kind: 'transfer-letter', title: 't' }] }],
      [a.enf, `/transfers/${opened.transferId}/items-handover`, { items: [{ kind: 'transfer-letter', title: 't' }] }],
      [a.enf, `/transfers/${opened.transferId}/reconsideration`, { reasons: 'r' }],
      [a.enf, `/transfers/${opened.transferId}/supervision-request`, { reasons: 'r' }],
      [a.pol, `/transfers/${opened.transferId}/receipt`, { receiptNumber: 'r-1' }],
      [
        a.pol,
        `/transfers/${opened.transferId}/forward`,
        { mode: 'forwarded', toAgencyId: 'police:210200', reasons: 'r' },
      ],
      [a.pol, `/transfers/${opened.transferId}/materials-request`, { missing: ['monitoring-report'], note: 'n' }],
      [a.polHead, `/transfers/${opened.transferId}/review-extension`, { variant: 'major-complex', reasons: 'r' }], // approvedBy is optional (the approver is the caller)
      [a.pol, `/transfers/${opened.transferId}/decision`, { outcome: 'filed', policeCaseNumber: 'p-1' }],
      [a.pol, `/transfers/${opened.transferId}/reconsideration-decision`, { outcome: 'upheld', reasons: 'r' }],
    ];
    let sent = 0;
    for (const [i, [api, url, valid]] of commands.entries()) {
      for (const body of invalidBodies(valid, i + 1)) {
        const r = await api.call<{ code: string }>('POST', url, body, 'any');
        expect([url, JSON.stringify(body).slice(0, 200), r.status]).toEqual([
          url,
          JSON.stringify(body).slice(0, 200),
          400,
        ]);
        sent++;
      }
    }
    expect(sent).toBe(commands.length * 50);
    expect(await settled()).toEqual(before);
    expect(await audit.get(`/cases/${opened.linkedCaseId}/history`)).toEqual(ledgerBefore);
  });
});
