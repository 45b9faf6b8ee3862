import {
  Catch,
  Controller,
  Get,
  HttpCode,
  Post,
  type ArgumentsHost,
  type ExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Reflector } from '@nestjs/core';
import request from 'supertest';
import { DomainError, ErrorCodes } from '@casebridge/contracts';
import { invalidTokenVariants } from './testing/invalid-tokens';
import { AuthModule } from './auth.module';
import { Public, Roles } from './decorators';
import { bearerToken, JwtAuthGuard } from './jwt-auth.guard';
import { Hs256TokenVerifier } from './oidc/token-verifier';
import { issueToken } from './token';
import { ROLES, type Role } from './claims';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const STATUS = { invalid: 400, unauthorized: 401, forbidden: 403, 'not-found': 404, conflict: 409 } as const;

/** The platform's filter in miniature (libs/platform depends on libs/auth, not the other way round). */
@Catch(DomainError)
class DomainErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<{ status(n: number): { json(body: unknown): void } }>()
      .status(STATUS[e.kind])
      .json({ code: e.code, message: e.message });
  }
}

@Roles('officer', 'head')
@Controller('things')
class ThingsController {
  @Get() list() {
    return [{ secret: 'thing-1' }];
  }
  @Post(':id/approval') @HttpCode(204) @Roles('head') approve() {
    return undefined;
  }
}

@Controller('health')
class HealthController {
  @Get() @Public() health() {
    return { ok: true };
  }
}

/** A route that forgot its rule (next to one that states it). */
@Controller('throwaway')
class ForgetfulController {
  @Get('open') @Public() open() {
    return 'fine';
  }
  @Post('oops') oops() {
    return 'nobody should get here';
  }
}

async function app(controllers: (new () => object)[]): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRootAsync({ useFactory: () => ({ secret: SECRET, agencyKinds: ['police'] }) })],
    controllers,
  }).compile();
  const a = moduleRef.createNestApplication({ logger: false });
  a.useGlobalFilters(new DomainErrorFilter());
  await a.init();
  return a;
}

const token = (agencyId: string, roles: Role[]): string => `Bearer ${issueToken({ agencyId, roles, secret: SECRET })}`;

describe('deny by default (issue 13 finding 1)', () => {
  it('an app with a route that states no access rule refuses to start, naming the route', async () => {
    await expect(app([ThingsController, ForgetfulController])).rejects.toThrow(
      /add @Roles\(\.\.\.\) or @Public\(\) to POST \/throwaway\/oops \(ForgetfulController\.oops\)\.$/,
    );
  });

  it('starts when every route states its rule', async () => {
    const a = await app([ThingsController, HealthController]);
    await request(a.getHttpServer()).get('/health').expect(200);
    await a.close();
  });

  it('the guard itself refuses a route without a rule (second line, should the start-up check be bypassed)', async () => {
    function bare(): void {
      /* a handler with no metadata */
    }
    class Bare {}
    const guard = new JwtAuthGuard(new Reflector(), new Hs256TokenVerifier(SECRET), {
      secret: SECRET,
      agencyKinds: ['police'],
    });
    const ctx = {
      getHandler: () => bare,
      getClass: () => Bare,
      switchToHttp: () => ({ getRequest: () => ({ headers: { authorization: token('police:210100', ['officer']) } }) }),
    };
    await expect(guard.canActivate(ctx as never)).rejects.toMatchObject({
      code: ErrorCodes.noAccessRule,
      kind: 'forbidden',
    });
  });
});

describe('the guard over every kind of token', () => {
  let a: INestApplication;
  beforeAll(async () => {
    a = await app([ThingsController, HealthController]);
  });
  afterAll(() => a.close());

  it.each(invalidTokenVariants('police:210100', ['officer'], SECRET).map((v) => [v.name, v.authorization] as const))(
    '%s → 401 AUTH.UNAUTHORIZED, no data',
    async (_name, authorization) => {
      const r = await request(a.getHttpServer())
        .get('/things')
        .set(authorization ? { authorization } : {});
      expect(r.status).toBe(401);
      expect(r.body.code).toBe(ErrorCodes.unauthorized);
      expect(r.text).not.toContain('thing-1');
    },
  );

  it.each(['enforcement', 'procuratorate', 'court'])(
    'an officer of another kind (%s) → 403 AUTH.WRONG_AGENCY',
    async (kind) => {
      const r = await request(a.getHttpServer())
        .get('/things')
        .set('authorization', token(`${kind}:210100`, ['officer', 'head']));
      expect([r.status, r.body.code]).toEqual([403, ErrorCodes.wrongAgency]);
    },
  );

  it.each(ROLES.filter((r) => r !== 'officer' && r !== 'head'))(
    'a token of the right agency whose only role is %s → 403 AUTH.ROLE_NOT_ALLOWED (the finding: auditors and supervisors acted as officers)',
    async (role) => {
      for (const req of [
        request(a.getHttpServer()).get('/things'),
        request(a.getHttpServer()).post('/things/1/approval'),
      ]) {
        const r = await req.set('authorization', token('police:210100', [role]));
        expect([r.status, r.body.code]).toEqual([403, ErrorCodes.forbiddenRole]);
        expect(r.text).not.toContain('thing-1');
      }
    },
  );

  it('officer acts, head approves', async () => {
    await request(a.getHttpServer())
      .get('/things')
      .set('authorization', token('police:210100', ['officer']))
      .expect(200);
    const byOfficer = await request(a.getHttpServer())
      .post('/things/1/approval')
      .set('authorization', token('police:210100', ['officer']));
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, ErrorCodes.forbiddenRole]);
    await request(a.getHttpServer())
      .post('/things/1/approval')
      .set('authorization', token('police:210100', ['head']))
      .expect(204);
    await request(a.getHttpServer())
      .get('/things')
      .set('authorization', token('police:210100', ['head']))
      .expect(200);
  });
});

describe('the Authorization header (attack #14): the scheme in any case, anything malformed refused with a message saying so', () => {
  let a: INestApplication;
  const jwt = issueToken({ agencyId: 'police:210100', roles: ['officer'], secret: SECRET });
  beforeAll(async () => {
    a = await app([ThingsController, HealthController]);
  });
  afterAll(() => a.close());

  it.each([`bearer ${jwt}`, `BEARER ${jwt}`, `Bearer  ${jwt}`, `Bearer ${jwt}`])(
    'accepts %s (RFC 7235: scheme case-insensitive, 1*SP)',
    async (authorization) => {
      await request(a.getHttpServer()).get('/things').set('authorization', authorization).expect(200);
    },
  );

  it.each([
    [`Bearer ${jwt} extra`, /malformed/],
    [`Bearer ${jwt},${jwt}`, /malformed/],
    ['Bearer', /malformed: it has no token/],
    ['Bearer ', /malformed: it has no token/],
    [`Basic ${jwt}`, /uses the scheme Basic/],
    [`:${jwt}`, /malformed/],
  ])('refuses %s → 401 with a message saying what is wrong (not "Sign in first")', async (authorization, message) => {
    const r = await request(a.getHttpServer()).get('/things').set('authorization', authorization);
    expect([r.status, r.body.code]).toEqual([401, ErrorCodes.unauthorized]);
    expect(r.body.message).toMatch(message);
    expect(r.body.message).not.toMatch(/Sign in first/);
  });

  it('refuses two Authorization headers (Node would silently keep the first)', async () => {
    const headers = { authorization: `Bearer ${jwt}` };
    expect(() =>
      bearerToken({ headers, rawHeaders: ['Authorization', `Bearer ${jwt}`, 'authorization', 'Bearer other'] }),
    ).toThrow(/Send one Authorization header; this request has 2/);
    expect(bearerToken({ headers, rawHeaders: ['Authorization', `Bearer ${jwt}`] })).toBe(jwt);
  });
});
