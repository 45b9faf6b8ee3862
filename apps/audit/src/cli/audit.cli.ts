// The auditor's command line: reads the audit database directly (CASEBRIDGE_PG_*, CASEBRIDGE_DB_NAME).
//   npm run --silent audit -- history <linkedCaseId> [--json]
//   npm run --silent audit -- state <linkedCaseId> [--as-of <ISO instant>]
//   npm run --silent audit -- verify [<linkedCaseId>] [--public-key <pem file>] [--json]
//   npm run --silent audit -- export <linkedCaseId> --format jsonl|html --out <file> [--public-key <pem file>] [--lang zh|en] [--allow-unsealed]
//   npm run --silent audit -- report <linkedCaseId> --out-dir <dir> [--lang zh|en|both] [--public-key <pem file>] [--no-pdf] [--allow-unsealed]
//   npm run --silent audit -- report --from <export.jsonl> --public-key <pem file> --out-dir <dir> [--lang zh|en|both] [--no-pdf]
//   npm run --silent audit -- verify-file <file> --public-key <pem file> [--allow-unsealed] [--json]
//   npm run --silent audit -- rebuild
//   npm run --silent audit -- public-key [--url <audit service URL> [--token <bearer token>]] [--out <pem file>]
//   npm run --silent audit -- rotate-key [--out <new key pem>]     (then restart the audit service)
// Exit codes: 0 success · 1 verification failed · 2 usage or configuration error · 3 no such case / bad argument.
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { Pool } from 'pg';
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DomainError } from '@casebridge/contracts';
import { agencyDirectory, describeEvent, formatInstant, type Lang } from '@casebridge/directory';
import { buildReportModel } from '../export/report-model';
import { DEFAULT_AUDIT_KEY_FILE } from '../audit.env';
import { exportCaseJsonl, reportOfExport, type CaseExport } from '../export/export-case';
import { htmlToPdf } from '../export/report-pdf';
import { verifyExport } from '../export/verify-export';
import { ledgerExists } from '../ledger/schema/ledger.schema';
import { defaultKeyringFile, readKeyring, rotateSigningKey } from '../ledger/signing/key-rotation';
import {
  loadSigningKey,
  parsePublicKey,
  parsePublicKeyring,
  publicKeyPemOf,
  keyIdOf,
  type CheckpointSigner,
} from '../ledger/signing/signing-key';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { loadCaseHistory, loadCaseState } from '../replay/case-history';
import { assertLinkedCaseId, parseAsOf, parseExportFormat } from '../shared/audit.errors';
import { databaseOfPool } from '../shared/sql';
import { verifyLedger } from '../verify/verify-ledger';
import type { VerifyReport } from '../verify/ledger-verifier';

/** What the CLI reads from the environment (validated like the services' configuration). */
export class AuditCliEnv {
  @IsString() CASEBRIDGE_PG_HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) CASEBRIDGE_PG_PORT: number = 5433;
  @IsString() CASEBRIDGE_PG_USER: string = 'postgres';
  @IsString() CASEBRIDGE_PG_PASSWORD: string = 'postgres';
  @IsString() @MinLength(1) CASEBRIDGE_DB_NAME: string = 'casebridge_audit';
  @IsOptional() @IsString() CASEBRIDGE_AUDIT_SIGNING_KEY: string = '';
  @IsString() @MinLength(1) CASEBRIDGE_AUDIT_KEY_FILE: string = DEFAULT_AUDIT_KEY_FILE;
  @IsOptional() @IsString() CASEBRIDGE_AUDIT_KEYRING_FILE: string = '';
}

class UsageError extends Error {}

const USAGE = `usage: audit <command> …
  history <linkedCaseId> [--json]
  state <linkedCaseId> [--as-of <ISO instant>]
  verify [<linkedCaseId>] [--public-key <pem file>] [--json]
  export <linkedCaseId> --format jsonl|html --out <file> [--public-key <pem file>] [--lang zh|en] [--allow-unsealed]
  report <linkedCaseId> --out-dir <dir> [--lang zh|en|both] [--public-key <pem file>] [--no-pdf] [--allow-unsealed]
      writes the JSON Lines export and, made from it, the audit report as HTML and PDF (Chromium: infra/local/up browser)
  report --from <export.jsonl> --public-key <pem file> --out-dir <dir> [--lang zh|en|both] [--no-pdf]
  verify-file <file> --public-key <pem file> [--allow-unsealed] [--json]
  rebuild
  public-key [--url <audit service URL> [--token <bearer token>]] [--out <pem file>]
      the Ed25519 public key as PEM (for --public-key): from GET <url>/ledger/public-key with an auditor's token
      (--token or CASEBRIDGE_TOKEN), else from the signing key configured here; --out writes the PEM file, e.g.
      npm run --silent audit -- public-key --url http://127.0.0.1:3006 --token "$(npm run --silent token -- --agency procuratorate:210100 --role auditor)" --out audit-public.pem
  rotate-key [--out <file>]
environment: CASEBRIDGE_PG_HOST, CASEBRIDGE_PG_PORT, CASEBRIDGE_PG_USER, CASEBRIDGE_PG_PASSWORD, CASEBRIDGE_DB_NAME (default casebridge_audit);
  the signing key (CASEBRIDGE_AUDIT_SIGNING_KEY or CASEBRIDGE_AUDIT_KEY_FILE, default ${DEFAULT_AUDIT_KEY_FILE}) seals exports and gives the public key;
  the keyring (CASEBRIDGE_AUDIT_KEYRING_FILE, default audit-public-keys.pem beside the key file) holds earlier keys: verify trusts them all.
  --public-key may name a file of several PEM keys (a keyring).
  rotate-key: records the current public key in the keyring, writes a new key (the key file, or --out when the key comes
  from CASEBRIDGE_AUDIT_SIGNING_KEY), records it too; restart the audit service to sign with it.
exit: 0 success, 1 verification failed, 2 usage or configuration error, 3 no such case or bad argument`;

function readEnv(): AuditCliEnv {
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(AuditCliEnv, { ...new AuditCliEnv(), ...raw }, { enableImplicitConversion: true });
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length)
    throw new UsageError(
      `invalid configuration:\n${errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`).join('\n')}`,
    );
  return env;
}

/** The signing key when this machine has it (never generated here: the service owns it). */
function signerIfAvailable(env: AuditCliEnv): CheckpointSigner | null {
  try {
    return loadSigningKey({
      pem: env.CASEBRIDGE_AUDIT_SIGNING_KEY || undefined,
      file: env.CASEBRIDGE_AUDIT_KEY_FILE,
      generate: false,
    }).signer;
  } catch {
    return null;
  }
}

function keyringFileOf(env: AuditCliEnv): string {
  return env.CASEBRIDGE_AUDIT_KEYRING_FILE || defaultKeyringFile(env.CASEBRIDGE_AUDIT_KEY_FILE);
}

/** The keys to verify with: those of --public-key (a file of one or more PEM keys), else the signing key and the keyring. */
function trustedKeys(env: AuditCliEnv, file: string | undefined) {
  if (file) {
    try {
      return [...parsePublicKeyring(readFileSync(file, 'utf8')).values()];
    } catch (e) {
      throw new UsageError(`--public-key ${file}: ${(e as Error).message}`);
    }
  }
  const keys = readKeyring(keyringFileOf(env));
  const signer = signerIfAvailable(env);
  if (signer) keys.set(signer.keyId, parsePublicKey(signer.publicKeyPem));
  if (!keys.size)
    throw new UsageError(
      'no public key: pass --public-key <pem file> (GET /ledger/public-key), or run where the signing key is configured',
    );
  return [...keys.values()];
}

function trustedKey(env: AuditCliEnv, file: string | undefined) {
  if (file) return trustedKeys(env, file).at(-1)!;
  const signer = signerIfAvailable(env);
  if (!signer) return trustedKeys(env, undefined).at(-1)!;
  return parsePublicKey(signer.publicKeyPem);
}

/**
 * The audit service's public key from GET <url>/ledger/public-key (JSON: algorithm, keyId, publicKeyPem),
 * checked: an Ed25519 key whose id matches the keyId the service states.
 */
async function fetchPublicKey(url: string, token: string | undefined) {
  if (!token) throw new UsageError('public-key --url needs an auditor token: --token <token> or CASEBRIDGE_TOKEN');
  const endpoint = `${url.replace(/\/+$/, '')}/ledger/public-key`;
  let response: Response;
  try {
    response = await fetch(endpoint, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  } catch (e) {
    throw new UsageError(`GET ${endpoint}: ${(e as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) throw new UsageError(`GET ${endpoint}: HTTP ${response.status} ${text.slice(0, 300)}`);
  let body: { keyId?: unknown; publicKeyPem?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new UsageError(`GET ${endpoint}: not JSON: ${text.slice(0, 120)}`);
  }
  if (typeof body.publicKeyPem !== 'string') throw new UsageError(`GET ${endpoint}: no publicKeyPem in the answer`);
  const key = parsePublicKey(body.publicKeyPem);
  if (body.keyId !== keyIdOf(key))
    throw new UsageError(`GET ${endpoint}: keyId ${String(body.keyId)} does not match the key (${keyIdOf(key)})`);
  return key;
}

function printVerify(r: VerifyReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(
    `${r.ok ? 'OK' : 'BROKEN'}: ${r.scope === 'all' ? 'whole ledger' : `linked case ${r.scope}`} — ${r.entriesChecked} entries of ${r.casesChecked} case(s), ${r.checkpointsChecked} signed checkpoint(s), ${r.durationMs} ms (${r.entriesPerSecond} entries/s)`,
  );
  if (r.head) out.push(`head: caseSeq ${r.head.caseSeq} ${r.head.entryHash} (signed up to ${r.head.signedUpTo})`);
  if (r.firstBroken) {
    const f = r.firstBroken;
    out.push(
      `first broken entry: seq ${f.seq}, linked case ${f.linkedCaseId}, caseSeq ${f.caseSeq}, event ${f.eventId}: ${f.problem}`,
      `  expected ${f.expected}`,
      `  found    ${f.found}`,
      `  ${f.detail}`,
    );
  }
  for (const c of r.brokenCases)
    out.push(
      `broken case ${c.linkedCaseId}: first at caseSeq ${c.firstBroken.caseSeq} (seq ${c.firstBroken.seq}) ${c.firstBroken.problem}; ${c.problems} problem(s)`,
    );
  for (const g of r.gaps)
    out.push(
      `gap in ${g.linkedCaseId}: caseSeq ${g.missingFrom}${g.missingTo !== g.missingFrom ? `–${g.missingTo}` : ''} missing (before seq ${g.beforeSeq})`,
    );
  for (const c of r.checkpointProblems)
    out.push(
      `checkpoint ${c.id} (${c.linkedCaseId} up to ${c.upToSeq}): ${c.problem}${c.expected ? ` expected ${c.expected}` : ''}${c.found ? ` found ${c.found}` : ''} — ${c.detail}`,
    );
  if (r.unsignedHeads)
    out.push(`note: ${r.unsignedHeads} case head(s) not yet covered by a signed checkpoint (signed at the next round)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'public-key': { type: 'string' },
        'allow-unsealed': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        url: { type: 'string' },
        token: { type: 'string' },
        lang: { type: 'string' },
        'out-dir': { type: 'string' },
        from: { type: 'string' },
        'no-pdf': { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, arg, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (rest.length) throw new UsageError(`unexpected argument(s): ${rest.join(' ')}`);

  if (command === 'verify-file') {
    if (!arg) throw new UsageError('verify-file needs <file>');
    if (!values['public-key'])
      throw new UsageError('verify-file needs --public-key <pem file> (GET /ledger/public-key)');
    let text: string;
    let pem: string;
    try {
      text = readFileSync(arg, 'utf8');
      pem = readFileSync(values['public-key'], 'utf8');
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    let result;
    try {
      result = verifyExport(text, pem, { allowUnsealed: !!values['allow-unsealed'] });
    } catch (e) {
      throw new UsageError(`--public-key ${values['public-key']}: ${(e as Error).message}`);
    }
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      process.stdout.write(
        `${result.ok ? 'OK' : 'BROKEN'}: ${arg} — linked case ${result.linkedCaseId ?? '?'}, ${result.entries} entries, ${result.validCheckpoints}/${result.checkpoints} valid checkpoint(s), signed up to ${result.signedUpTo}, ${result.sealed ? (result.sealValid ? 'seal valid' : 'seal INVALID') : 'unsealed'} (key ${result.keyId})\n`,
      );
      for (const p of result.problems.slice(0, 20)) {
        process.stdout.write(
          `line ${p.line}${p.caseSeq !== undefined ? ` (caseSeq ${p.caseSeq})` : ''}: ${p.problem} — ${p.detail}${p.expected ? `\n  expected ${p.expected}` : ''}${p.found ? `\n  found    ${p.found}` : ''}\n`,
        );
      }
    }
    return result.ok ? 0 : 1;
  }

  const langs = parseLangs(values.lang, command === 'report');
  if (command === 'report' && values.from) {
    if (arg) throw new UsageError('report takes either <linkedCaseId> or --from <export.jsonl>, not both');
    if (!values['public-key'])
      throw new UsageError('report --from needs --public-key <pem file> (GET /ledger/public-key)');
    if (!values['out-dir']) throw new UsageError('report needs --out-dir <dir>');
    let body: string;
    try {
      body = readFileSync(values.from, 'utf8');
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const key = trustedKey(readEnv(), values['public-key']);
    const jsonl: CaseExport = {
      body,
      contentType: 'application/x-ndjson',
      fileName: path.basename(values.from),
      sealed: false,
    };
    return writeReports(jsonl, key, langs, values['out-dir'], !values['no-pdf']);
  }

  if (command === 'rotate-key') {
    const env = readEnv();
    let r;
    try {
      r = rotateSigningKey({
        keyFile: env.CASEBRIDGE_AUDIT_KEY_FILE,
        pem: env.CASEBRIDGE_AUDIT_SIGNING_KEY || undefined,
        keyringFile: keyringFileOf(env),
        out: values.out,
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    process.stdout.write(
      `rotated: ${r.oldKeyId} → ${r.newKeyId}\n  new private key: ${r.newKeyWrittenTo}\n  keyring (keep it; old checkpoints and exports verify with it): ${r.keyringFile}\n` +
        `  restart the audit service to sign with the new key${env.CASEBRIDGE_AUDIT_SIGNING_KEY ? ' (after putting the new key in CASEBRIDGE_AUDIT_SIGNING_KEY)' : ''}\n`,
    );
    return 0;
  }
  if (command === 'public-key') {
    const key = values.url
      ? await fetchPublicKey(values.url, values.token ?? process.env.CASEBRIDGE_TOKEN)
      : trustedKey(readEnv(), values['public-key']);
    if (values.out) {
      writeFileSync(values.out, publicKeyPemOf(key));
      process.stderr.write(`wrote ${values.out} (Ed25519 public key, keyId ${keyIdOf(key)})\n`);
    } else {
      process.stdout.write(`# keyId ${keyIdOf(key)}\n${publicKeyPemOf(key)}`);
    }
    return 0;
  }
  if (['history', 'state'].includes(command) && !arg) throw new UsageError(`${command} needs <linkedCaseId>`);
  const env = readEnv();

  const pool = new Pool({
    host: env.CASEBRIDGE_PG_HOST,
    port: env.CASEBRIDGE_PG_PORT,
    user: env.CASEBRIDGE_PG_USER,
    password: env.CASEBRIDGE_PG_PASSWORD,
    database: env.CASEBRIDGE_DB_NAME,
    max: 3,
    application_name: 'casebridge-audit-cli',
  });
  pool.on('error', (e) => process.stderr.write(`audit: database connection lost: ${e.message}\n`));
  try {
    const db = databaseOfPool(pool);
    if (!(await ledgerExists(db))) throw new UsageError(`database ${env.CASEBRIDGE_DB_NAME} holds no audit ledger`);
    switch (command) {
      case 'history': {
        const h = await loadCaseHistory(db, assertLinkedCaseId(arg!));
        if (values.json) {
          process.stdout.write(`${JSON.stringify(h, null, 2)}\n`);
          return 0;
        }
        process.stdout.write(
          `linked case ${h.linkedCaseId}: ${h.count} events, head ${h.head.entryHash} (times: Beijing time, UTC+8)\n`,
        );
        const lang = langs[0]!;
        for (const e of h.entries) {
          const v = e.upcast ? `v${e.originalVersion}→v${e.currentVersion}` : `v${e.originalVersion}`;
          const payload = JSON.stringify(e.payload);
          const who = `${agencyDirectory().name(e.who.producer.agencyId, lang)} (${e.who.producer.agencyId}) / ${e.who.officerId}`;
          process.stdout.write(
            `${String(e.caseSeq).padStart(4)}  ${formatInstant(e.occurredAt, lang, { seconds: true })}  ${who}  ${e.type} ${v}\n` +
              `      ${describeEvent({ type: e.type, payload: e.payload, producer: e.who.producer })[lang]}\n` +
              `      ${payload.length > 240 ? `${payload.slice(0, 240)}…` : payload}\n`,
          );
        }
        return 0;
      }
      case 'state': {
        const state = await loadCaseState(
          db,
          assertLinkedCaseId(arg!),
          parseAsOf(values['as-of'], new Date(), 'command-line'),
        );
        process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
        return 0;
      }
      case 'verify': {
        const report = await verifyLedger(db, {
          linkedCaseId: arg === undefined ? undefined : assertLinkedCaseId(arg),
          publicKeys: trustedKeys(env, values['public-key']),
        });
        printVerify(report, !!values.json);
        return report.ok ? 0 : 1;
      }
      case 'export':
      case 'report': {
        if (!arg) throw new UsageError(`${command} needs <linkedCaseId>`);
        const format = command === 'report' ? 'html' : parseExportFormat(values.format);
        if (command === 'export' && !values.out) throw new UsageError('export needs --out <file>');
        if (command === 'export' && !values.format) throw new UsageError('export needs --format jsonl|html');
        if (command === 'report' && !values['out-dir']) throw new UsageError('report needs --out-dir <dir>');
        const signer = signerIfAvailable(env);
        if (!signer && !values['allow-unsealed']) {
          throw new UsageError(
            `the signing key is not available here (CASEBRIDGE_AUDIT_SIGNING_KEY or ${env.CASEBRIDGE_AUDIT_KEY_FILE}): the export would be NOT SEALED. ` +
              'Run where the key is, or pass --allow-unsealed to write an unsealed file (its report says "not sealed").',
          );
        }
        const key = signer
          ? parsePublicKey(signer.publicKeyPem)
          : values['public-key']
            ? trustedKey(env, values['public-key'])
            : null;
        if (!key && format === 'html')
          throw new UsageError('the report verifies the export: pass --public-key <pem file>');
        const options = {
          signer,
          publicKeys: key ? trustedKeys(env, values['public-key']) : [],
          publicKey: key ? { keyId: keyIdOf(key), pem: publicKeyPemOf(key) } : null,
        };
        const jsonl = await exportCaseJsonl(db, assertLinkedCaseId(arg), options);
        if (!signer)
          process.stderr.write(
            'audit: WARNING: NOT SEALED — written without the signing key (--allow-unsealed); verify-file needs --allow-unsealed and the report says "not sealed"\n',
          );
        if (command === 'report') return writeReports(jsonl, key!, langs, values['out-dir']!, !values['no-pdf']);
        const body = format === 'jsonl' ? jsonl.body : reportOfExport(jsonl, key!, { lang: langs[0] }).body;
        writeFileSync(values.out!, body);
        process.stderr.write(
          `wrote ${values.out} (${Buffer.byteLength(body)} bytes${format === 'jsonl' ? (jsonl.sealed ? ', sealed' : ', NOT sealed') : ''})\n`,
        );
        return 0;
      }
      case 'rebuild': {
        const r = await rebuildProjection(db);
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${command}\n${USAGE}`);
    }
  } finally {
    await pool.end();
  }
}

function parseLangs(value: string | undefined, allowBoth: boolean): Lang[] {
  if (value === undefined || value === 'zh') return ['zh'];
  if (value === 'en') return ['en'];
  if (value === 'both' && allowBoth) return ['zh', 'en'];
  throw new UsageError(`--lang must be zh or en${allowBoth ? ' or both' : ''} (got "${value.slice(0, 20)}")`);
}

/** Writes the export (unless it came from a file), the HTML report(s) made from it and their PDFs; says what is sealed. */
async function writeReports(
  jsonl: CaseExport,
  key: KeyObject,
  langs: Lang[],
  outDir: string,
  pdf: boolean,
): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  const jsonlPath = path.join(outDir, jsonl.fileName);
  const wrote: string[] = [];
  if (!existsSync(jsonlPath) || readFileSync(jsonlPath, 'utf8') !== jsonl.body) {
    writeFileSync(jsonlPath, jsonl.body);
    wrote.push(jsonlPath);
  }
  for (const lang of langs) {
    const html = reportOfExport(jsonl, key, { lang });
    const htmlPath = path.join(outDir, html.fileName);
    writeFileSync(htmlPath, html.body);
    wrote.push(htmlPath);
    if (pdf) {
      const pdfPath = htmlPath.replace(/\.html$/, '.pdf');
      writeFileSync(pdfPath, await htmlToPdf(html.body));
      wrote.push(pdfPath);
    }
  }
  const model = buildReportModel(jsonl.body, key, jsonl.fileName);
  for (const f of wrote) process.stdout.write(`wrote ${f}\n`);
  const s = model.seal;
  const statement =
    s.state === 'sealed'
      ? `sealed at export with key ${s.keyId} over entries 1–${s.entries}`
      : s.state === 'checkpoint-covered'
        ? `not sealed; signed checkpoints (key ${s.keyId}) cover entries 1–${s.entries}`
        : s.state === 'partly-signed'
          ? `NOT SEALED; signed checkpoints cover entries 1–${s.signedUpTo} of ${s.entries} only`
          : s.state === 'unsealed'
            ? `NOT SEALED: no signature covers any of the ${s.entries} entries`
            : `VERIFICATION FAILED: ${model.verification.problems
                .slice(0, 5)
                .map((p) => `line ${p.line}${p.caseSeq !== undefined ? ` (entry ${p.caseSeq})` : ''} ${p.problem}`)
                .join('; ')}`;
  process.stdout.write(`${jsonl.fileName} (sha256 ${model.file.sha256}): ${statement}\n`);
  // exit 1 when the file does not verify; an unsealed file is reported, not an error (it was asked for)
  return s.state === 'broken' ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`audit: ${e.message}\n`);
        process.exitCode = 2;
      } else if (e instanceof DomainError) {
        process.stderr.write(`audit: ${e.code}: ${e.message}\n`);
        process.exitCode = 3;
      } else {
        process.stderr.write(`audit: ${(e as Error).message ?? String(e)}\n`);
        process.exitCode = 2;
      }
    },
  );
}

export { main as runAuditCli };
