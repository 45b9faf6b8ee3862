/**
 * `npm run migrate [-- <service> [--database <name>]]`: applies the pending migrations of every service's
 * database (or one service's), creating the database when it does not exist — what each service also
 * does at start-up, under the same advisory lock. Reads CASEBRIDGE_PG_*; `--database` (one service only)
 * or CASEBRIDGE_DB_NAME overrides the database name. Exit codes: 0 done, 1 failure, 2 usage.
 */
import { parseArgs } from 'node:util';
import { runPendingMigrations } from '@casebridge/platform';
import { SERVICE_SCHEMAS } from './catalogue';
import { ensureDatabase, openDataSource } from './connection';

const USAGE = `usage: npm run migrate [-- <service> [--database <name>]]   (services: ${SERVICE_SCHEMAS.map((s) => s.service).join(', ')})`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { database: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    // Node's first sentence only ("Unknown option '--x'."), not its advice about positionals after '--'
    process.stderr.write(`migrate: ${(e as Error).message.split(/(?<=\.) /)[0]}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [only, ...extra] = args.positionals;
  const targets = only ? SERVICE_SCHEMAS.filter((s) => s.service === only) : SERVICE_SCHEMAS;
  const dbOverride = args.values.database ?? (only ? process.env.CASEBRIDGE_DB_NAME : undefined);
  if (extra.length || (only && !targets.length) || (args.values.database && !only)) {
    process.stderr.write(`${only && !targets.length ? `unknown service "${only}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  for (const schema of targets) {
    const database = dbOverride || schema.database;
    const created = await ensureDatabase(database);
    const ds = await openDataSource(database, schema.sets);
    try {
      const applied = await runPendingMigrations(ds);
      const what = applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'up to date';
      process.stdout.write(`${schema.service} (${database}${created ? ', created' : ''}): ${what}\n`);
    } finally {
      await ds.destroy();
    }
  }
  return 0;
}

void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
