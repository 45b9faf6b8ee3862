/**
 * Real identity (issue 16, item 5): tokens signed by a local OIDC issuer (its own EdDSA/RS256 keys, discovery
 * document and JWKS over HTTP), verified by the services' guard through the issuer's JWKS; key rotation; the HS256
 * development secret refused once an issuer is configured.
 */
import {
  Catch,
  Controller,
  Get,
  Module,
  type ArgumentsHost,
  type ExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { DomainError } from '@casebridge/contracts';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthModule } from '../auth.module';
import type { OfficerClaims } from '../claims';
import { CurrentOfficer, Roles } from '../decorators';
import { DEV_JWT_SECRET } from '../dev-secret';
import type { AuthOptions } from '../jwt-auth.guard';
import { issueToken } from '../token';
import { SignJWT } from 'jose';
import { buildClaims } from '../claims';
import { LocalIssuer } from './local-issuer';
import { mapOidcClaims, tokenLifetimeProblem } from './token-verifier';

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
    host
      .switchToHttp()
      .getResponse<{ status(n: number): { json(b: unknown): void } }>()
      .status(status)
      .json({ code: e.code, message: e.message });
  }
}

async function app(options: Omit<AuthOptions, 'agencyKinds'>): Promise<INestApplication> {
  @Module({
    imports: [AuthModule.forRootAsync({ useFactory: () => ({ ...options, agencyKinds: ['police'] }) })],
    controllers: [MeController],
  })
  class AppModule {}
  const a = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication({
    logger: false,
  });
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
    a = await app({
      secret: DEV_JWT_SECRET,
      oidc: { issuer: issuer.issuer, audience: 'casebridge', jwksCooldownMs: 0, jwksMaxAgeMs: 1000 },
    });
  });
  afterEach(async () => {
    await a.close();
    await issuer.close();
  });

  it('accepts a token of the issuer and maps its claims to agency, region and roles', async () => {
    const r = await get(await issuer.sign({ ...officer, audience: 'casebridge' })).expect(200);
    expect(r.body).toMatchObject({
      sub: 'pol-wang',
      agencyId: 'police:210100',
      agencyKind: 'police',
      region: '210100',
      roles: ['officer'],
    });
  });

  it("rotation: tokens of the new key verify at once, the old key's until the issuer withdraws it", async () => {
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
    expect((await get(await issuer.sign({ ...officer, audience: 'someone-else' })).expect(401)).body.message).toMatch(
      /aud claim/,
    );
    expect(
      (await get(await issuer.sign({ ...officer, audience: 'casebridge', ttl: '-1m' })).expect(401)).body.message,
    ).toMatch(/expired/);
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
      await request(a.getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${issueToken({ ...officer, secret: DEV_JWT_SECRET })}`)
        .expect(200);
      await request(a.getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${await issuer.sign(officer)}`)
        .expect(401);
    } finally {
      await a.close();
    }
  });
});

/** attack #7: tokens that never expire, live for years, or are issued in the future — HS256 and OIDC alike. */
describe('token lifetime: exp required, lifetime capped from iat, no future iat/nbf', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const { sub, ...claims } = buildClaims(officer);
  type Times = { iat?: number; exp?: number; nbf?: number };
  const times = (t: Times) => (jwt: SignJWT) => {
    if (t.iat !== undefined) jwt.setIssuedAt(t.iat);
    if (t.exp !== undefined) jwt.setExpirationTime(t.exp);
    if (t.nbf !== undefined) jwt.setNotBefore(t.nbf);
    return jwt;
  };
  const cases: [string, () => Times, RegExp][] = [
    ['no exp at all (accepted forever before)', () => ({ iat: now() }), /no expiry \(exp\)/],
    [
      'exp 10 years ahead',
      () => ({ iat: now(), exp: now() + 10 * 365 * 86_400 }),
      /lives longer than this service accepts \(at most 12 h/,
    ],
    ['exp 13 h after iat', () => ({ iat: now() - 60, exp: now() - 60 + 13 * 3600 }), /lives longer/],
    ['iat one day in the future', () => ({ iat: now() + 86_400, exp: now() + 86_400 + 3600 }), /issued in the future/],
    ['nbf one hour in the future', () => ({ iat: now(), nbf: now() + 3600, exp: now() + 7200 }), /not valid yet/],
  ];

  it.each(cases)('HS256: 401 for %s', async (_, t, message) => {
    const a = await app({ secret: DEV_JWT_SECRET });
    try {
      const token = await times(t())(
        new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub),
      ).sign(new TextEncoder().encode(DEV_JWT_SECRET));
      const r = await request(a.getHttpServer()).get('/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(r.body.message).toMatch(message);
    } finally {
      await a.close();
    }
  });

  it.each(cases)('OIDC: 401 for %s', async (_, t, message) => {
    const issuer = await LocalIssuer.create({ alg: 'EdDSA' });
    await issuer.listen();
    const a = await app({ secret: DEV_JWT_SECRET, oidc: { issuer: issuer.issuer, jwksCooldownMs: 0 } });
    try {
      const key = issuer.current;
      const jwt = new SignJWT({ ...claims })
        .setProtectedHeader({ alg: key.alg, kid: key.kid })
        .setIssuer(issuer.issuer)
        .setSubject(sub);
      const r = await request(a.getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${await times(t())(jwt).sign(key.privateKey)}`)
        .expect(401);
      expect(r.body.message).toMatch(message);
    } finally {
      await a.close();
      await issuer.close();
    }
  });

  it('the cap is configurable; a small clock skew is tolerated', async () => {
    const a = await app({ secret: DEV_JWT_SECRET, maxTokenLifetimeSeconds: 3600 });
    try {
      const get = (ttl: string) =>
        request(a.getHttpServer())
          .get('/me')
          .set('Authorization', `Bearer ${issueToken({ ...officer, secret: DEV_JWT_SECRET, ttl })}`);
      await get('1h').expect(200);
      expect((await get('2h').expect(401)).body.message).toMatch(/at most 1 h/);
    } finally {
      await a.close();
    }
    expect(tokenLifetimeProblem({ iat: 1000 + 20, exp: 1000 + 3600 }, {}, 1000)).toBeNull();
    expect(tokenLifetimeProblem({ iat: 1000 + 60, exp: 1000 + 3600 }, {}, 1000)).toMatch(/future/);
    expect(tokenLifetimeProblem({ exp: 1000 + 3600 }, {}, 1000)).toBeNull(); // no iat: exp at most the cap from now
    expect(tokenLifetimeProblem({ exp: 1000 + 13 * 3600 }, {}, 1000)).toMatch(/lives longer/);
  });
});

describe('mapOidcClaims', () => {
  it('reads nested and space-separated role claims and ignores roles CaseBridge does not know', () => {
    expect(
      mapOidcClaims(
        {
          sub: 'u1',
          org: { agency: 'procuratorate:210000' },
          realm_access: { roles: ['offline_access', 'supervisor'] },
        },
        { agency: 'org.agency', roles: 'realm_access.roles', name: 'name' },
      ),
    ).toEqual({
      sub: 'u1',
      agencyId: 'procuratorate:210000',
      agencyKind: 'procuratorate',
      region: '210000',
      roles: ['supervisor'],
    });
    expect(mapOidcClaims({ sub: 'u2', agencyId: 'court:210100', roles: 'officer head', name: '李法官' }).roles).toEqual(
      ['officer', 'head'],
    );
  });
});
