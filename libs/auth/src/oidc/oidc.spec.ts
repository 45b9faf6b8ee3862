/**
 * Real identity (issue 16, item 5): tokens signed by a local OIDC issuer (its own EdDSA/RS256 keys, discovery
 * document and JWKS over HTTP), verified by the services' guard through the issuer's JWKS; key rotation; the HS256
 * development secret refused once an issuer is configured.
 */
import { Catch, Controller, Get, Module, type ArgumentsHost, type ExceptionFilter, type INestApplication } from '@nestjs/common';
import { DomainError } from '@casebridge/contracts';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthModule } from '../auth.module';
import type { OfficerClaims } from '../claims';
import { CurrentOfficer, Roles } from '../decorators';
import { DEV_JWT_SECRET } from '../dev-secret';
import type { AuthOptions } from '../jwt-auth.guard';
import { issueToken } from '../token';
import { LocalIssuer } from './local-issuer';
import { mapOidcClaims } from './token-verifier';

@Controller('me')
class MeController {
  @Get()
  @Roles('officer', 'supervisor')
  me(@CurrentOfficer() o: OfficerClaims) {
    return o;
  }
}

/** What libs/platform's HttpErrorFilter does for the guard's errors (libs/auth cannot depend on libs/platform). */
@Catch(DomainError)
class DomainErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    const status = { unauthorized: 401, forbidden: 403, invalid: 400, 'not-found': 404, conflict: 409 }[e.kind];
    host.switchToHttp().getResponse<{ status(n: number): { json(b: unknown): void } }>().status(status).json({ code: e.code, message: e.message });
  }
}

async function app(options: Omit<AuthOptions, 'agencyKinds'>): Promise<INestApplication> {
  @Module({ imports: [AuthModule.forRootAsync({ useFactory: () => ({ ...options, agencyKinds: ['police'] }) })], controllers: [MeController] })
  class AppModule {}
  const a = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication({ logger: false });
  a.useGlobalFilters(new DomainErrorFilter());
  await a.init();
  return a;
}

const officer = { agencyId: 'police:210100', roles: ['officer' as const], officerId: 'pol-wang' };

describe('OIDC issuer tokens (local issuer, JWKS)', () => {
  let issuer: LocalIssuer;
  let a: INestApplication;
  const get = (token: string) => request(a.getHttpServer()).get('/me').set('Authorization', `Bearer ${token}`);

  beforeEach(async () => {
    issuer = await LocalIssuer.create({ alg: 'EdDSA' });
    await issuer.listen();
    // refetch at once on an unknown key id; keep a fetched key set for 1 s (production: 30 s and 10 min)
    a = await app({ secret: DEV_JWT_SECRET, oidc: { issuer: issuer.issuer, audience: 'casebridge', jwksCooldownMs: 0, jwksMaxAgeMs: 1000 } });
  });
  afterEach(async () => {
    await a.close();
    await issuer.close();
  });

  it('accepts a token of the issuer and maps its claims to agency, region and roles', async () => {
    const r = await get(await issuer.sign({ ...officer, audience: 'casebridge' })).expect(200);
    expect(r.body).toMatchObject({ sub: 'pol-wang', agencyId: 'police:210100', agencyKind: 'police', region: '210100', roles: ['officer'] });
  });

  it('rotation: tokens of the new key verify at once, the old key\'s until the issuer withdraws it', async () => {
    const old = await issuer.sign({ ...officer, audience: 'casebridge' });
    await get(old).expect(200);
    const oldKid = issuer.current.kid;
    await issuer.rotate('RS256');
    const fresh = await issuer.sign({ ...officer, audience: 'casebridge' });
    expect(issuer.current.kid).not.toBe(oldKid);
    await get(fresh).expect(200); // unknown kid → the verifier fetched the JWKS again
    await get(old).expect(200); // still published
    issuer.retire(oldKid);
    await new Promise((r) => setTimeout(r, 1100)); // past the key set's max age
    const refused = await get(old).expect(401);
    expect(refused.body.message).toMatch(/signed with a key the issuer does not publish/);
    await get(fresh).expect(200);
  });

  it('refuses an HS256 token (even with the right secret) once an issuer is configured', async () => {
    const hs = issueToken({ ...officer, secret: DEV_JWT_SECRET });
    const r = await get(hs).expect(401);
    expect(r.body.message).toMatch(/not signed with an algorithm this service accepts/);
  });

  it('refuses another issuer, another audience, an expired token', async () => {
    const other = await LocalIssuer.create();
    await other.listen();
    try {
      await get(await other.sign({ ...officer, audience: 'casebridge' })).expect(401);
    } finally {
      await other.close();
    }
    expect((await get(await issuer.sign({ ...officer, audience: 'someone-else' })).expect(401)).body.message).toMatch(/aud claim/);
    expect((await get(await issuer.sign({ ...officer, audience: 'casebridge', ttl: '-1m' })).expect(401)).body.message).toMatch(/expired/);
  });

  it('refuses a token whose claims give no agency or no CaseBridge role', async () => {
    const r = await get(await issuer.sign({ ...officer, roles: [] as never, audience: 'casebridge' })).expect(401);
    expect(r.body.message).toMatch(/roles/);
  });
});

describe('HS256 development default (no issuer configured)', () => {
  it('accepts the development token and refuses an asymmetric one it cannot check', async () => {
    const a = await app({ secret: DEV_JWT_SECRET });
    const issuer = await LocalIssuer.create();
    issuer.issuer = 'http://127.0.0.1:1';
    try {
      await request(a.getHttpServer()).get('/me').set('Authorization', `Bearer ${issueToken({ ...officer, secret: DEV_JWT_SECRET })}`).expect(200);
      await request(a.getHttpServer()).get('/me').set('Authorization', `Bearer ${await issuer.sign(officer)}`).expect(401);
    } finally {
      await a.close();
    }
  });
});

describe('mapOidcClaims', () => {
  it('reads nested and space-separated role claims and ignores roles CaseBridge does not know', () => {
    expect(mapOidcClaims({ sub: 'u1', org: { agency: 'procuratorate:210000' }, realm_access: { roles: ['offline_access', 'supervisor'] } },
      { agency: 'org.agency', roles: 'realm_access.roles', name: 'name' }))
      .toEqual({ sub: 'u1', agencyId: 'procuratorate:210000', agencyKind: 'procuratorate', region: '210000', roles: ['supervisor'] });
    expect(mapOidcClaims({ sub: 'u2', agencyId: 'court:210100', roles: 'officer head', name: '李法官' }).roles).toEqual(['officer', 'head']);
  });
});
