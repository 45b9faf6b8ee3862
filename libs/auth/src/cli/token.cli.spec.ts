import { JwtService } from '@nestjs/jwt';
import { ROLES } from '../claims';
import { TOKEN_HELP, tokenFromArgs } from './token.cli';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('token CLI', () => {
  it('--help names every option and role', () => {
    expect(tokenFromArgs(['--help'], SECRET)).toEqual({ help: TOKEN_HELP });
    for (const word of ['--agency', '--role', '--officer', '--name', '--ttl', ...ROLES]) {
      expect(TOKEN_HELP).toContain(word);
    }
  });

  it('issues a token with the given agency, roles, officer and lifetime', () => {
    const token = tokenFromArgs(['--agency', 'procuratorate:210100', '--role', 'auditor', '--officer', 'a-1', '--ttl', '1h'], SECRET);
    const claims = new JwtService().verify<Record<string, unknown>>(token as string, { secret: SECRET });
    expect(claims).toMatchObject({ sub: 'a-1', agencyId: 'procuratorate:210100', agencyKind: 'procuratorate', region: '210100', roles: ['auditor'] });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it('issues an operator token (the audit ledger rebuild is an operator act)', () => {
    const token = tokenFromArgs(['--agency', 'procuratorate:000000', '--role', 'operator'], SECRET);
    expect(new JwtService().verify<Record<string, unknown>>(token as string, { secret: SECRET })).toMatchObject({ region: '000000', roles: ['operator'] });
  });

  it.each([
    [[], /--agency <kind:region> is required/],
    [['--agency', 'police'], /--agency <kind:region> is required/],
    [['--agency', 'police:210100', '--role', 'boss'], /unknown role boss/],
    [['--agency', 'police:210100', '--ttl', 'soon'], /--ttl must be a duration/],
    [['--agency', 'police:210100', '--officr', 'x'], /Unknown option '--officr'.*--help/],
  ])('refuses %j', (args, message) => {
    expect(() => tokenFromArgs(args as string[], SECRET)).toThrow(message);
  });
});
