/**
 * Real identity end to end (issue 16, item 5): the police service configured with an OIDC issuer (a local issuer
 * serving discovery and JWKS) accepts the issuer's EdDSA and, after a rotation, RS256 tokens, and refuses the HS256
 * development token.
 */
import { LocalIssuer } from '@casebridge/auth';
import { TestSystem } from '../support/system';

describe('a service configured with an OIDC issuer', () => {
  let issuer: LocalIssuer;
  let sys: TestSystem;

  beforeAll(async () => {
    issuer = await LocalIssuer.create({ alg: 'EdDSA' });
    await issuer.listen();
    sys = new TestSystem(['police'], {
      police: {
        CASEBRIDGE_OIDC_ISSUER: issuer.issuer,
        CASEBRIDGE_OIDC_AUDIENCE: 'casebridge',
        CASEBRIDGE_OIDC_JWKS_COOLDOWN_MS: '0',
      },
    });
    await sys.start();
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
    await issuer.close();
  }, 60_000);

  const transfers = (token: string) =>
    fetch(`${sys.url('police')}/transfers`, { headers: { authorization: `Bearer ${token}` } });
  const officer = { agencyId: 'police:210100', roles: ['officer' as const], audience: 'casebridge' };

  it("accepts the issuer's tokens across a key rotation and refuses the HS256 development token", async () => {
    const before = await issuer.sign(officer);
    expect((await transfers(before)).status).toBe(200);
    await issuer.rotate('RS256');
    expect((await transfers(await issuer.sign(officer))).status).toBe(200);
    expect((await transfers(before)).status).toBe(200);
    const hs = await transfers(sys.token('police:210100'));
    expect(hs.status).toBe(401);
    expect(((await hs.json()) as { code: string }).code).toBe('AUTH.UNAUTHORIZED');
  });
});
