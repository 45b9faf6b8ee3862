// Development command: prints a signed bearer token for the CaseBridge services: HS256 with the development secret,
// or signed with a local OIDC issuer's key (--key); runs that local issuer (keygen, jwks, serve).
//   npm run --silent token -- --agency police:210100 [--role officer] [--role head] [--officer p-001] [--name 张三] [--ttl 8h]
//   npm run --silent token -- --agency police:210100 --key issuer.pem [--issuer URL] [--audience AUD]
//   npm run --silent token -- keygen [--alg EdDSA|RS256] --out issuer.pem | jwks --key a.pem… | serve --key a.pem… [--port 4000]
//   npm run --silent token -- --help
// Exit codes: 0 token printed; 2 usage error (one line on stderr).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AGENCY_ID_PATTERN } from '@casebridge/contracts';
import { ROLES, type Role } from '../claims';
import { DEV_JWT_SECRET } from '../dev-secret';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '../oidc/token-verifier';
import { generateIssuerKeyPem, LocalIssuer, type IssuerAlgorithm } from '../oidc/local-issuer';
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
  --ttl <duration>        lifetime, e.g. 30m, 8h (default 8h); at most the services' cap
                          CASEBRIDGE_TOKEN_MAX_LIFETIME_SECONDS (default 12h): longer tokens are refused
  --key <pem file>        sign with this local issuer key (EdDSA or RS256; kid = its JWK thumbprint) instead of HS256:
                          for services configured with CASEBRIDGE_OIDC_ISSUER (they refuse HS256 tokens then)
  --issuer <url>          the token's iss with --key (default CASEBRIDGE_OIDC_ISSUER, else http://127.0.0.1:4000)
  --audience <aud>        the token's aud with --key (default CASEBRIDGE_OIDC_AUDIENCE)
  -h, --help              this text

A local OIDC issuer (development and tests; not an identity provider: it authenticates nobody):
  token keygen [--alg EdDSA|RS256] --out issuer.pem     a new issuer key (PKCS8 PEM, mode 0600)
  token jwks --key issuer.pem [--key old.pem]           the JWKS of those keys
  token serve --key old.pem --key new.pem [--port 4000] serves /.well-known/openid-configuration and /jwks.json;
                                                        the last --key signs; keep the previous keys listed while their
                                                        tokens must still verify (rotation)

Without --key: signed with CASEBRIDGE_JWT_SECRET (the services' secret), or the development secret when unset.
Examples:
  npm run --silent token -- --agency enforcement:210100 --role officer --role head --officer e-001
  npm run --silent token -- --agency procuratorate:210000 --role supervisor
  npm run --silent token -- --agency procuratorate:210100 --role auditor --ttl 1h
  npm run --silent token -- --agency procuratorate:000000 --role operator`;

class UsageError extends Error {}

/** A token to sign with local issuer keys (--key): the last key signs. */
export interface IssuerSignedToken {
  keyFiles: string[];
  issuer?: string;
  audience?: string;
  input: { agencyId: string; roles: Role[]; officerId?: string; name?: string; ttl?: string };
}

/** Builds the token from the arguments (with --key: what to sign); throws UsageError with a message for the user. */
const TTL_UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_557_600 };

/** Seconds of a --ttl duration such as 30m or 8h (no unit: seconds); undefined when it is not one. */
export function ttlSeconds(ttl: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d|w|y)?$/.exec(ttl);
  return m ? Number(m[1]) * TTL_UNIT_SECONDS[m[2] ?? 's']! : undefined;
}

export function tokenFromArgs(
  argv: readonly string[],
  secret: string,
  maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): string | { help: string } | { issuerSigned: IssuerSignedToken } {
  let values: {
    agency?: string;
    role?: string[];
    officer?: string;
    name?: string;
    ttl?: string;
    help?: boolean;
    key?: string[];
    issuer?: string;
    audience?: string;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        agency: { type: 'string' },
        role: { type: 'string', multiple: true },
        officer: { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        key: { type: 'string', multiple: true },
        issuer: { type: 'string' },
        audience: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (see --help)`);
  }
  if (values.help) return { help: TOKEN_HELP };
  if (!values.agency) {
    throw new UsageError('--agency <kind:region> is required, e.g. --agency police:210100 (see --help)');
  }
  if (!AGENCY_ID_PATTERN.test(values.agency)) {
    throw new UsageError(
      `--agency ${JSON.stringify(values.agency)} is not an agency id: <kind:region>, kind one of enforcement, police, procuratorate, court and a 6-digit region code, e.g. police:210100 (see --help)`,
    );
  }
  const roles = values.role ?? ['officer'];
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw new UsageError(`unknown role ${bad.join(', ')} (roles: ${ROLES.join(', ')})`);
  const ttl = values.ttl === undefined ? undefined : ttlSeconds(values.ttl);
  if (values.ttl !== undefined && !ttl) {
    throw new UsageError(`--ttl must be a duration such as 30m or 8h, got ${JSON.stringify(values.ttl)}`);
  }
  if (ttl !== undefined && ttl > maxLifetimeSeconds) {
    throw new UsageError(
      `--ttl ${values.ttl} is longer than the services accept (at most ${maxLifetimeSeconds / 3600}h: CASEBRIDGE_TOKEN_MAX_LIFETIME_SECONDS=${maxLifetimeSeconds})`,
    );
  }
  const input = {
    agencyId: values.agency,
    roles: roles as Role[],
    officerId: values.officer,
    name: values.name,
    ttl: values.ttl,
  };
  if (values.key?.length)
    return { issuerSigned: { keyFiles: values.key, issuer: values.issuer, audience: values.audience, input } };
  if (values.issuer || values.audience)
    throw new UsageError('--issuer and --audience go with --key (an HS256 token has neither)');
  return issueToken({ ...input, secret });
}

function readPems(files: readonly string[]): string[] {
  return files.map((f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read --key ${f}: ${(e as Error).message}`);
    }
  });
}

/** keygen, jwks, serve: the local issuer's commands. Resolves with what to print (serve keeps the process alive). */
export async function issuerCommand(command: string, argv: readonly string[]): Promise<string> {
  let values: { key?: string[]; alg?: string; out?: string; port?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        key: { type: 'string', multiple: true },
        alg: { type: 'string' },
        out: { type: 'string' },
        port: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (see --help)`);
  }
  if (command === 'keygen') {
    const alg = (values.alg ?? 'EdDSA') as IssuerAlgorithm;
    if (alg !== 'EdDSA' && alg !== 'RS256') throw new UsageError('--alg must be EdDSA or RS256');
    if (!values.out) throw new UsageError('keygen needs --out <file.pem>');
    writeFileSync(values.out, await generateIssuerKeyPem(alg), { mode: 0o600, flag: 'wx' });
    return `${alg} issuer key written to ${values.out}`;
  }
  if (!values.key?.length) throw new UsageError(`${command} needs --key <file.pem> (one or more)`);
  const issuer = await LocalIssuer.create({ pems: readPems(values.key) });
  if (command === 'jwks') return JSON.stringify(issuer.jwks(), null, 2);
  const port = Number(values.port ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number');
  const url = await issuer.listen(port);
  return (
    `local OIDC issuer ${url} (keys ${issuer.kids.join(', ')}; ${issuer.current.kid} signs)\n` +
    `  services: CASEBRIDGE_OIDC_ISSUER=${url}\n  tokens:   npm run --silent token -- --key <the signing pem> --issuer ${url} --agency police:210100 --role officer`
  );
}

async function main(argv: string[]): Promise<string> {
  if (['keygen', 'jwks', 'serve'].includes(argv[0] ?? '')) return issuerCommand(argv[0]!, argv.slice(1));
  const cap = Number(process.env.CASEBRIDGE_TOKEN_MAX_LIFETIME_SECONDS || DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
  const result = tokenFromArgs(argv, process.env.CASEBRIDGE_JWT_SECRET || DEV_JWT_SECRET, cap);
  if (typeof result === 'string') return result;
  if ('help' in result) return result.help;
  const { keyFiles, input } = result.issuerSigned;
  const issuer = await LocalIssuer.create({ pems: readPems(keyFiles) });
  issuer.issuer = result.issuerSigned.issuer ?? (process.env.CASEBRIDGE_OIDC_ISSUER || 'http://127.0.0.1:4000');
  return issuer.sign({
    ...input,
    audience: result.issuerSigned.audience ?? (process.env.CASEBRIDGE_OIDC_AUDIENCE || undefined),
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (out) => process.stdout.write(`${out}\n`),
    (e: unknown) => {
      process.stderr.write(`token: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
