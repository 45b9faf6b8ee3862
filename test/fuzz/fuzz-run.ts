/**
 * OpenAPI fuzzing of every HTTP app with schemathesis (#13 item 17): each app's own document
 * (/docs-json), every operation, a valid token with the roles its routes need, bounded in examples and
 * time. Counts per app: operations, requests, 5xx answers and response-schema violations (from
 * schemathesis' HAR and NDJSON reports). schemathesis lives in a venv under .infra/ (infra/local/fuzz-venv).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ROLES, type Role } from '@casebridge/auth';
import type { TestSystem } from '../support/system';

const root = path.resolve(__dirname, '../..');
export const FUZZ_APPS = ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit'] as const;
export type FuzzApp = (typeof FUZZ_APPS)[number];

export interface FuzzBudget {
  /** test cases per operation (schemathesis --max-examples) */
  examplesPerOperation: number;
  /** time budget per app, seconds (schemathesis --max-time) */
  secondsPerApp: number;
  seed: number;
}
export const SHORT: FuzzBudget = { examplesPerOperation: 4, secondsPerApp: 12, seed: 13 };
export const LONG: FuzzBudget = { examplesPerOperation: 150, secondsPerApp: 240, seed: 1313 };

export interface FuzzRow {
  app: FuzzApp;
  operations: number;
  requests: number;
  serverErrors: number;
  schemaViolations: number;
  failures: string[];
}

/** The venv's schemathesis, installed on first use (pinned in infra/local/fuzz-venv). */
export function schemathesis(): string {
  const r = spawnSync('bash', [path.join(root, 'infra/local/fuzz-venv')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not install schemathesis: ${r.stderr || r.stdout}`);
  return r.stdout.trim().split('\n').pop()!;
}

function tokenFor(sys: TestSystem, app: FuzzApp): string {
  const has = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
  switch (app) {
    case 'supervision':
      return sys.token('procuratorate:210100', ['supervisor'], 'fuzz-supervisor');
    // national (000000): whole-ledger verify and the global checkpoints answer 200 too, so their schemas are checked
    case 'audit':
      return sys.token('procuratorate:000000', ['auditor', 'operator'].filter(has), 'fuzz-auditor');
    default:
      return sys.token(`${app}:210100`, ['officer', 'head'], `fuzz-${app}`);
  }
}

const run = promisify(execFile);

export async function fuzzApp(
  sys: TestSystem,
  app: FuzzApp,
  budget: FuzzBudget,
  bin = schemathesis(),
): Promise<FuzzRow> {
  const dir = path.join(root, 'test-output', 'fuzz', sys.suffix, app);
  mkdirSync(dir, { recursive: true });
  const base = sys.url(app);
  const doc = (await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(doc.paths).reduce(
    (n, ops) => n + Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).length,
    0,
  );
  const args = [
    'run',
    `${base}/docs-json`,
    '--url',
    base,
    '-H',
    `Authorization: Bearer ${tokenFor(sys, app)}`,
    '--checks',
    'not_a_server_error,response_schema_conformance',
    '--max-examples',
    String(budget.examplesPerOperation),
    '--max-time',
    String(budget.secondsPerApp),
    '--seed',
    String(budget.seed),
    '--workers',
    '2',
    '--request-timeout',
    '20',
    '--no-shrink',
    '--continue-on-failure',
    '--suppress-health-check',
    'all',
    '--warnings',
    'off',
    '--exclude-path-regex',
    '^/(live|docs|events)', // events: a Server-Sent Events stream, never ends
    '--report',
    'har,ndjson',
    '--report-dir',
    dir,
  ];
  const out = await run(bin, args, {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
    timeout: (budget.secondsPerApp + 120) * 1000,
  })
    .then((r) => r.stdout)
    .catch((e: { stdout?: string; code?: number }) => e.stdout ?? '');
  const har = readdirSync(dir).find((f) => f.startsWith('har-'));
  const entries = har
    ? (
        JSON.parse(readFileSync(path.join(dir, har), 'utf8')) as {
          log: { entries: { response: { status: number } }[] };
        }
      ).log.entries
    : [];
  const failures = checkFailures(dir);
  return {
    app,
    operations,
    requests: entries.length,
    serverErrors: entries.filter((e) => e.response.status >= 500).length,
    schemaViolations: failures.filter((f) => f.check === 'response_schema_conformance').length,
    failures: [...new Set(failures.map((f) => `${f.check}: ${f.title}`))]
      .slice(0, 20)
      .concat(entries.length ? [] : [out.slice(-2000)]),
  };
}

/** Failed checks from the NDJSON event stream (one line per event; ScenarioFinished's recorder carries the check results). */
function checkFailures(dir: string): { check: string; title: string }[] {
  const file = readdirSync(dir).find((f) => f.startsWith('ndjson-'));
  if (!file) return [];
  const found: { check: string; title: string }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      // a check result: { name, status: success | failure | error, failure_info? }
      if ('failure_info' in o && typeof o.name === 'string' && o.status !== 'success') {
        const info = o.failure_info as { failure?: { title?: string; message?: string } } | undefined;
        found.push({ check: o.name, title: info?.failure?.title ?? JSON.stringify(o).slice(0, 300) });
      }
      Object.values(o).forEach(walk);
    }
  };
  for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) if (line.trim()) walk(JSON.parse(line));
  return found;
}

export function table(rows: FuzzRow[]): string {
  const head = ['app', 'operations', 'requests', '5xx', 'schema violations'];
  const body = rows.map((r) => [r.app, r.operations, r.requests, r.serverErrors, r.schemaViolations].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
