/**
 * A service whose PostgreSQL is down answers 503 with Retry-After and a code that says whether anything was written
 * (SERVICE.UNAVAILABLE: nothing; SERVICE.INTERRUPTED: unknown), never a 500; once the database is back the same
 * request succeeds. The chaos run of #14 abandoned 73–89 cases on a 500 from POST /cases while PostgreSQL was down.
 */
import { Api, TestSystem, eventually } from '../support/system';
import { PrivatePostgres } from '../support/private-postgres';

const REGION = '210100';

describe('a service whose database is down', () => {
  let pg: PrivatePostgres;
  let sys: TestSystem;
  let enf: Api;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    sys = new TestSystem(['enforcement'], {}, { pg: pg.endpoint });
    await sys.start();
    enf = new Api(sys.url('enforcement'), sys.token(`enforcement:${REGION}`, ['officer'], 'enf-officer-zhang'));
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
    await pg?.destroy();
  }, 60_000);

  const newCase = (n: number) => ({
    caseNumber: `辽沈环罚〔2026〕outage-${n}号`,
    party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
    violation: '通过暗管向河道排放含铬废水',
    discoveredAt: '2026-11-20T10:30:00+08:00',
  });

  it('answers 503 with Retry-After while PostgreSQL is down, and the same request succeeds once it is back', async () => {
    const before = await enf.call<{ caseId: string }>('POST', '/cases', newCase(1), 201);
    await pg.kill();
    // the first request may still find a pooled connection that just broke (INTERRUPTED); later ones cannot connect
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${sys.url('enforcement')}/cases`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sys.token(`enforcement:${REGION}`, ['officer'])}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(newCase(2)),
      });
      const body = (await r.json()) as { statusCode: number; code: string; message: string };
      expect({ status: r.status, retryAfter: r.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: '5' });
      expect(body.code).toMatch(/^SERVICE\.(UNAVAILABLE|INTERRUPTED)$/);
      seen.add(body.code);
      if (body.code === 'SERVICE.UNAVAILABLE') expect(body.message).toMatch(/nothing was changed/);
    }
    expect(seen.has('SERVICE.UNAVAILABLE')).toBe(true);
    // a read, too
    expect((await enf.call('GET', `/cases/${before.body.caseId}`, undefined, 'any')).status).toBe(503);

    await pg.start();
    const after = await eventually(
      () => enf.call<{ caseId: string }>('POST', '/cases', newCase(2), 'any'),
      (r) => r.status === 201,
      'POST /cases to succeed once PostgreSQL is back',
      60_000,
    );
    expect((await enf.call('GET', `/cases/${after.body.caseId}`, undefined, 200)).status).toBe(200);
  });
});
