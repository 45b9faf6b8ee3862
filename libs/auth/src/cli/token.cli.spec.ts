import { JwtService } from '@nestjs/jwt';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROLES } from '../claims';
import { issuerCommand, TOKEN_HELP, tokenFromArgs } from './token.cli';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('token CLI', () => {
  it('--help names every option and role', () => {
    expect(tokenFromArgs(['--help'], SECRET)).toEqual({ help: TOKEN_HELP });
    for (const word of ['--agency', '--role', '--officer', '--name', '--ttl', ...ROLES]) {
      expect(TOKEN_HELP).toContain(word);
    }
  });

  it('issues a token with the given agency, roles, officer and lifetime', () => {
    const token = tokenFromArgs(
      ['--agency', 'procuratorate:210100', '--role', 'auditor', '--officer', 'a-1', '--ttl', '1h'],
      SECRET,
    );
    const claims = new JwtService().verify<Record<string, unknown>>(token as string, { secret: SECRET });
    expect(claims).toMatchObject({
      sub: 'a-1',
      agencyId: 'procuratorate:210100',
      agencyKind: 'procuratorate',
      region: '210100',
      roles: ['auditor'],
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it('issues an operator token (the audit ledger rebuild is an operator act)', () => {
    const token = tokenFromArgs(['--agency', 'procuratorate:000000', '--role', 'operator'], SECRET);
    expect(new JwtService().verify<Record<string, unknown>>(token as string, { secret: SECRET })).toMatchObject({
      region: '000000',
      roles: ['operator'],
    });
  });

  it.each([
    [[], /--agency <kind:region> is required/],
    [['--agency', 'police'], /--agency "police" is not an agency id: <kind:region>/],
    [['--agency', 'fire:210100'], /--agency "fire:210100" is not an agency id/],
    [['--agency', 'police:210100', '--role', 'boss'], /unknown role boss/],
    [['--agency', 'police:210100', '--ttl', 'soon'], /--ttl must be a duration/],
    [['--agency', 'police:210100', '--ttl', '7d'], /--ttl 7d is longer than the services accept \(at most 12h/],
    [['--agency', 'police:210100', '--ttl', '1y'], /longer than the services accept/],
    [['--agency', 'police:210100', '--ttl', '0'], /--ttl must be a duration/],
    [['--agency', 'police:210100', '--officr', 'x'], /Unknown option '--officr'.*--help/],
  ])('refuses %j', (args, message) => {
    expect(() => tokenFromArgs(args as string[], SECRET)).toThrow(message);
  });

  it('--ttl up to the cap (12 h by default, else the given cap)', () => {
    expect(typeof tokenFromArgs(['--agency', 'police:210100', '--ttl', '12h'], SECRET)).toBe('string');
    expect(() => tokenFromArgs(['--agency', 'police:210100', '--ttl', '2h'], SECRET, 3600)).toThrow(/at most 1h/);
  });

  it('--key: a token to sign with local issuer keys; --issuer/--audience only with --key', () => {
    expect(
      tokenFromArgs(
        ['--agency', 'police:210100', '--key', 'a.pem', '--key', 'b.pem', '--audience', 'casebridge'],
        SECRET,
      ),
    ).toEqual({
      issuerSigned: {
        keyFiles: ['a.pem', 'b.pem'],
        issuer: undefined,
        audience: 'casebridge',
        input: expect.objectContaining({ agencyId: 'police:210100', roles: ['officer'] }),
      },
    });
    expect(() => tokenFromArgs(['--agency', 'police:210100', '--issuer', 'http://x'], SECRET)).toThrow(/go with --key/);
  });

  it('keygen writes an issuer key; jwks publishes the public halves of several keys', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'token-cli-'));
    const a = path.join(dir, 'a.pem');
    const b = path.join(dir, 'b.pem');
    expect(await issuerCommand('keygen', ['--out', a])).toMatch(/EdDSA issuer key written/);
    expect(await issuerCommand('keygen', ['--alg', 'RS256', '--out', b])).toMatch(/RS256 issuer key written/);
    await expect(issuerCommand('keygen', ['--out', a])).rejects.toThrow(/EEXIST/); // never overwrites a key
    const jwks = JSON.parse(await issuerCommand('jwks', ['--key', a, '--key', b])) as {
      keys: { kty: string; alg: string; d?: string }[];
    };
    expect(jwks.keys.map((k) => [k.kty, k.alg])).toEqual([
      ['OKP', 'EdDSA'],
      ['RSA', 'RS256'],
    ]);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true); // no private part
  });
});
