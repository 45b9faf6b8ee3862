// Development command: prints a bearer token.
//   npm run --silent token -- --agency police:210100 --role officer [--role head] [--officer p-001] [--ttl 8h]
import { parseArgs } from 'node:util';
import { AGENCY_ID_PATTERN } from '@casebridge/contracts';
import { ROLES, type Role } from '../claims';
import { DEV_JWT_SECRET } from '../dev-secret';
import { issueToken } from '../token';

function fail(msg: string): never {
  process.stderr.write(`token: ${msg}\n`);
  process.exit(2);
}

let values: { agency?: string; role?: string[]; officer?: string; name?: string; ttl?: string };
try {
  ({ values } = parseArgs({
    options: {
      agency: { type: 'string' }, role: { type: 'string', multiple: true }, officer: { type: 'string' },
      name: { type: 'string' }, ttl: { type: 'string' },
    },
  }));
} catch (e) {
  fail((e as Error).message);
}
if (!values.agency || !AGENCY_ID_PATTERN.test(values.agency)) fail('--agency <kind:region> is required, e.g. --agency police:210100');
const roles = values.role ?? ['officer'];
const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (bad.length) fail(`unknown role ${bad.join(', ')} (roles: ${ROLES.join(', ')})`);
const secret = process.env.CASEBRIDGE_JWT_SECRET ?? DEV_JWT_SECRET;
process.stdout.write(issueToken({ agencyId: values.agency, roles: roles as Role[], officerId: values.officer, name: values.name, secret, ttl: values.ttl }) + '\n');
