/**
 * Tokens an attacker or a careless client sends (issue 13, route × token matrix): every variant must be
 * refused with 401 before anything else happens. Pure (no infrastructure): used by unit and e2e tests.
 */
import { JwtService } from '@nestjs/jwt';
import { buildClaims, type Role } from '../claims';
import { issueToken } from '../token';

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

export interface TokenVariant {
  name: string;
  /** the Authorization header to send; undefined = none */
  authorization: string | undefined;
}

/** Invalid credentials for a token that would otherwise be right (`agencyId`, `roles`). All must give 401. */
export function invalidTokenVariants(agencyId: string, roles: Role[], secret: string): TokenVariant[] {
  const claims = buildClaims({ agencyId, roles });
  const now = Math.floor(Date.now() / 1000);
  const good = issueToken({ agencyId, roles, secret });
  return [
    { name: 'no token', authorization: undefined },
    { name: 'malformed', authorization: 'Bearer not-a-jwt' },
    { name: 'not a bearer scheme', authorization: `Token ${good}` },
    {
      name: 'wrong secret',
      authorization: `Bearer ${issueToken({ agencyId, roles, secret: `${secret}-but-not-quite-the-same` })}`,
    },
    {
      name: 'expired',
      authorization: `Bearer ${new JwtService().sign({ ...claims, iat: now - 7200, exp: now - 60 }, { secret, algorithm: 'HS256' })}`,
    },
    {
      name: 'alg none',
      authorization: `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, iat: now, exp: now + 3600 })}.`,
    },
    {
      name: 'tampered payload',
      authorization: `Bearer ${good.split('.')[0]}.${b64url({ ...claims, roles: ['head', 'supervisor', 'auditor', 'operator'], iat: now, exp: now + 3600 })}.${good.split('.')[2]}`,
    },
    {
      name: 'claims that contradict (region ≠ agencyId)',
      authorization: `Bearer ${new JwtService().sign({ ...claims, region: claims.region === '000000' ? '210100' : '000000' }, { secret, algorithm: 'HS256', expiresIn: 600 })}`,
    },
    // attack #7: never expiring, living for years, issued in the future
    {
      name: 'no expiry (exp)',
      authorization: `Bearer ${new JwtService().sign({ ...claims, iat: now }, { secret, algorithm: 'HS256' })}`,
    },
    {
      name: 'expiry 10 years ahead',
      authorization: `Bearer ${new JwtService().sign({ ...claims, iat: now, exp: now + 10 * 365 * 86_400 }, { secret, algorithm: 'HS256' })}`,
    },
    {
      name: 'issued in the future',
      authorization: `Bearer ${new JwtService().sign({ ...claims, iat: now + 86_400, exp: now + 86_400 + 3600 }, { secret, algorithm: 'HS256' })}`,
    },
    // attack #4: officer ids the event contracts refuse (were a 500 on commands)
    {
      name: 'officer id (sub) over 128 characters',
      authorization: `Bearer ${new JwtService().sign({ ...claims, sub: 'x'.repeat(129) }, { secret, algorithm: 'HS256', expiresIn: 600 })}`,
    },
    {
      name: 'officer id (sub) with a NUL',
      authorization: `Bearer ${new JwtService().sign({ ...claims, sub: 'e-001\u0000' }, { secret, algorithm: 'HS256', expiresIn: 600 })}`,
    },
    // attack round of session 3: ids that read as another officer's on screen, or carry markup
    {
      name: 'officer id (sub) with a right-to-left override',
      authorization: `Bearer ${new JwtService().sign({ ...claims, sub: '\u202Eadmin' }, { secret, algorithm: 'HS256', expiresIn: 600 })}`,
    },
    {
      name: 'officer id (sub) with a lone surrogate',
      authorization: `Bearer ${new JwtService().sign({ ...claims, sub: 'a\ud800' }, { secret, algorithm: 'HS256', expiresIn: 600 })}`,
    },
    {
      name: 'officer id (sub) with markup',
      authorization: `Bearer ${new JwtService().sign({ ...claims, sub: '<script>alert(1)</script>' }, { secret, algorithm: 'HS256', expiresIn: 600 })}`,
    },
  ];
}
