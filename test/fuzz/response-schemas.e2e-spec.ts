/**
 * Real answers of the read and act routes against the schemas of each app's own /docs-json (#13 items 14,
 * 15): a transfer is opened and sent, then every view that a fuzzer cannot reach with random ids — the
 * audit history, state as of, verify of one case; the supervision case view, one step, a press — is read
 * with the ids of that case and checked property by property (test/support/openapi-response.ts).
 */
import { schemaProblems, responseSchema, type OpenApiDoc } from '../support/openapi-response';
import { eventually, TestSystem, type ServiceName } from '../support/system';
import { agencies, openAndSend, type Opened } from '../transfer/transfer-driver';

type App = 'enforcement' | 'police' | 'procuratorate' | 'supervision' | 'audit';
const APPS: App[] = ['enforcement', 'police', 'procuratorate', 'supervision', 'audit'];

describe('answers match the schemas their documents declare', () => {
  const sys = new TestSystem(APPS as ServiceName[], { supervision: { SUPERVISION_SWEEP_MS: '1000' } });
  const docs = new Map<App, OpenApiDoc>();
  let opened: Opened;
  const tokens: Record<App, string> = {} as Record<App, string>;

  const call = async (app: App, method: string, url: string, body?: unknown) => {
    const r = await fetch(`${sys.url(app)}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[app]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  beforeAll(async () => {
    await sys.start();
    tokens.enforcement = sys.token('enforcement:210100', ['officer', 'head'], 'schema-enf');
    tokens.police = sys.token('police:210100', ['officer', 'head'], 'schema-pol');
    tokens.procuratorate = sys.token('procuratorate:210100', ['officer', 'head'], 'schema-pro');
    tokens.supervision = sys.token('procuratorate:210100', ['supervisor'], 'schema-supervisor');
    tokens.audit = sys.token('procuratorate:000000', ['auditor', 'operator'], 'schema-auditor');
    for (const app of APPS) docs.set(app, (await (await fetch(`${sys.url(app)}/docs-json`)).json()) as OpenApiDoc);
    opened = await openAndSend(agencies(sys), 'schemas');
    await eventually(
      () => call('audit', 'GET', `/cases/${opened.linkedCaseId}/history`),
      (r) => r.status === 200 && (r.body as { count: number }).count >= 5,
      'the audit ledger has the case',
      150_000,
    );
    await eventually(
      () => call('supervision', 'GET', `/steps?linkedCaseId=${opened.linkedCaseId}`),
      (r) => r.status === 200 && (r.body as { items: unknown[] }).items.length > 0,
      'supervision has a step of the case',
      150_000,
    );
  }, 400_000);
  afterAll(async () => {
    await sys.stop();
  });

  it('every read and act answers within its declared schema', async () => {
    const { caseId, linkedCaseId, transferId } = opened;
    const steps = (await call('supervision', 'GET', `/steps?linkedCaseId=${linkedCaseId}`)).body as {
      items: { stepId: string }[];
    };
    const stepId = encodeURIComponent(steps.items[0]!.stepId);
    const reads: [App, string, string, string, number, unknown?][] = [
      ['enforcement', 'GET', '/cases', '/cases', 200],
      ['enforcement', 'GET', '/cases/{caseId}', `/cases/${caseId}`, 200],
      ['enforcement', 'GET', '/transfers', '/transfers', 200],
      ['enforcement', 'GET', '/transfers/{transferId}', `/transfers/${transferId}`, 200],
      ['enforcement', 'GET', '/inbox', '/inbox', 200],
      ['police', 'GET', '/transfers', '/transfers', 200],
      ['police', 'GET', '/inbox', '/inbox', 200],
      ['police', 'GET', '/supervisions', '/supervisions', 200],
      ['procuratorate', 'GET', '/transfer-copies', '/transfer-copies', 200],
      ['procuratorate', 'GET', '/filing-supervisions', '/filing-supervisions', 200],
      ['procuratorate', 'GET', '/transfer-opinions', '/transfer-opinions', 200],
      ['procuratorate', 'GET', '/inbox', '/inbox', 200],
      ['supervision', 'GET', '/scope', '/scope', 200],
      ['supervision', 'GET', '/rules', '/rules', 200],
      ['supervision', 'GET', '/steps', '/steps', 200],
      ['supervision', 'GET', '/steps/counts', '/steps/counts', 200],
      ['supervision', 'GET', '/steps/{stepId}', `/steps/${stepId}`, 200],
      ['supervision', 'GET', '/cases/{linkedCaseId}', `/cases/${linkedCaseId}`, 200],
      ['supervision', 'GET', '/reconciliation', '/reconciliation', 200],
      [
        'supervision',
        'POST',
        '/steps/{stepId}/press',
        `/steps/${stepId}/press`,
        201,
        { message: '请尽快签收移送回执' },
      ],
      [
        'supervision',
        'POST',
        '/steps/{stepId}/escalate',
        `/steps/${stepId}/escalate`,
        201,
        { message: '逾期未签收，提请上级督办' },
      ],
      [
        'supervision',
        'POST',
        '/cases/{linkedCaseId}/joint-listing',
        `/cases/${linkedCaseId}/joint-listing`,
        201,
        { reason: '跨区域重大污染案件', reviewInterval: 'P7D' },
      ],
      ['audit', 'GET', '/ledger/public-key', '/ledger/public-key', 200],
      ['audit', 'GET', '/ledger/verify', '/ledger/verify', 200],
      ['audit', 'GET', '/ledger/verify', `/ledger/verify?linkedCaseId=${linkedCaseId}`, 200],
      ['audit', 'GET', '/ledger/checkpoints', '/ledger/checkpoints', 200],
      ['audit', 'GET', '/cases/{linkedCaseId}/history', `/cases/${linkedCaseId}/history`, 200],
      ['audit', 'GET', '/cases/{linkedCaseId}/state', `/cases/${linkedCaseId}/state`, 200],
      ['audit', 'GET', '/cases/{linkedCaseId}/state', `/cases/${linkedCaseId}/state?asOf=2020-01-01T00:00:00Z`, 200],
      ['audit', 'POST', '/ledger/rebuild', '/ledger/rebuild', 200],
      // errors answer within the error schema too
      ['audit', 'GET', '/cases/{linkedCaseId}/history', '/cases/0197a1c2-0000-7000-8000-000000000000/history', 404],
      ['supervision', 'GET', '/steps/{stepId}', '/steps/x%2Fy', 404],
      [
        'enforcement',
        'POST',
        '/transfers/{transferId}/send',
        `/transfers/${transferId}/send`,
        409,
        {
          materials: [
            { kind: 'transfer-letter', title: '移送书' },
            { kind: 'investigation-report', title: '调查报告' },
          ],
        },
      ],
    ];
    const problems: string[] = [];
    for (const [app, method, template, url, status, body] of reads) {
      const r = await call(app, method, url, body);
      if (r.status !== status) {
        problems.push(
          `${app} ${method} ${url}: ${r.status}, expected ${status}: ${JSON.stringify(r.body).slice(0, 300)}`,
        );
        continue;
      }
      problems.push(
        ...schemaProblems(docs.get(app)!, responseSchema(docs.get(app)!, method, template, status), r.body).map(
          (p) => `${app} ${method} ${url}: ${p}`,
        ),
      );
    }
    expect(problems).toEqual([]);
  });

  it('the validator finds a wrong answer', () => {
    const doc = docs.get('audit')!;
    const schema = responseSchema(doc, 'GET', '/ledger/public-key', 200);
    expect(schemaProblems(doc, schema, { algorithm: 'RSA', keyId: 1, extra: true })).toEqual(
      expect.arrayContaining([
        '$.algorithm: "RSA" not in enum ["Ed25519"]',
        '$.keyId: 1 is not string',
        '$.extra: not in the schema',
        '$.publicKeyPem: required, missing',
      ]),
    );
  });
});
