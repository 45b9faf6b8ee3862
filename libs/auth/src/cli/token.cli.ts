// Development command: prints a signed bearer token (HS256) for the CaseBridge services.
//   npm run --silent token -- --agency police:210100 [--role officer] [--role head] [--officer p-001] [--name 张三] [--ttl 8h]
//   npm run --silent token -- --help
// Exit codes: 0 token printed; 2 usage error (one line on stderr).
import { parseArgs } from 'node:util';
import { AGENCY_ID_PATTERN } from '@casebridge/contracts';
import { ROLES, type Role } from '../claims';
import { DEV_JWT_SECRET } from '../dev-secret';
import { issueToken } from '../token';

export const TOKEN_HELP = `usage: token --agency <kind:region> [--role <role>]… [--officer <id>] [--name <name>] [--ttl <duration>]

Prints a bearer token for development and tests (production tokens come from the identity provider).
Send it as "Authorization: Bearer <token>".

  --agency <kind:region>  the caller's own agency: enforcement, police, procuratorate or court, and its
                          6-digit administrative division code, e.g. police:210100 (Shenyang). Required.
  --role <role>           ${ROLES.join(', ')} (repeatable; default officer)
                            officer     acts for the agency in its own service (its own cases only)
                            head        the agency head's decisions (e.g. enforcement's transfer approval)
                                        and what an officer may
                            supervisor  supervision console (:3005) only: steps of the agency's region and
                                        below; presses offices it supervises (apps/supervision/README.md)
                            auditor     audit service (:3006) only: any agency kind is accepted; cases within
                                        the agency's region (000000: national, the whole ledger). What it
                                        can see: apps/audit/README.md
                            operator    audit service maintenance (POST /ledger/rebuild); reads no case
  --officer <id>          officer id (the token's sub); default <kind>-<region>-<first role>
  --name <name>           display name
  --ttl <duration>        lifetime, e.g. 30m, 8h, 7d (default 8h)
  -h, --help              this text

Signed with CASEBRIDGE_JWT_SECRET (the services' secret), or the development secret when unset.
Examples:
  npm run --silent token -- --agency enforcement:210100 --role officer --role head --officer e-001
  npm run --silent token -- --agency procuratorate:210000 --role supervisor
  npm run --silent token -- --agency procuratorate:210100 --role auditor --ttl 1h
  npm run --silent token -- --agency procuratorate:000000 --role operator`;

class UsageError extends Error {}

/** Builds the token from the arguments; throws UsageError with a message for the user. */
export function tokenFromArgs(argv: readonly string[], secret: string): string | { help: string } {
  let values: { agency?: string; role?: string[]; officer?: string; name?: string; ttl?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        agency: { type: 'string' }, role: { type: 'string', multiple: true }, officer: { type: 'string' },
        name: { type: 'string' }, ttl: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (see --help)`);
  }
  if (values.help) return { help: TOKEN_HELP };
  if (!values.agency || !AGENCY_ID_PATTERN.test(values.agency)) {
    throw new UsageError('--agency <kind:region> is required, e.g. --agency police:210100 (see --help)');
  }
  const roles = values.role ?? ['officer'];
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw new UsageError(`unknown role ${bad.join(', ')} (roles: ${ROLES.join(', ')})`);
  if (values.ttl !== undefined && !/^\d+\s*(s|m|h|d|w|y)?$/.test(values.ttl)) {
    throw new UsageError(`--ttl must be a duration such as 30m, 8h or 7d, got ${JSON.stringify(values.ttl)}`);
  }
  return issueToken({ agencyId: values.agency, roles: roles as Role[], officerId: values.officer, name: values.name, secret, ttl: values.ttl });
}

if (require.main === module) {
  try {
    const result = tokenFromArgs(process.argv.slice(2), process.env.CASEBRIDGE_JWT_SECRET || DEV_JWT_SECRET);
    process.stdout.write(`${typeof result === 'string' ? result : result.help}\n`);
  } catch (e) {
    process.stderr.write(`token: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
