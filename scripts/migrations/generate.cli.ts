/**
 * `npm run migration:generate -- <set> <Name>`: writes the migration of one schema set's entity changes
 * (a service: enforcement, police, …; or a shared set: messaging, agency-inbox) and adds it to the set's
 * list. Needs the PostgreSQL server of CASEBRIDGE_PG_* (it works in a scratch database it drops).
 * Exit codes: 0 written (or nothing to do), 1 failure, 2 usage.
 */
import * as path from 'node:path';
import { allSets, contextOf } from './catalogue';
import { generateMigration, MigrationGenerateError } from './generate';

const USAGE = `usage: npm run migration:generate -- <set> <MigrationName>   (sets: ${[...allSets().keys()].join(', ')})`;

async function main(argv: string[]): Promise<number> {
  const [setName, name, ...rest] = argv;
  const set = setName ? allSets().get(setName) : undefined;
  if (!set || !name || rest.length) {
    process.stderr.write(`${set || !setName ? '' : `unknown set "${setName}"\n`}${USAGE}\n`);
    return 2;
  }
  try {
    const result = await generateMigration({
      set,
      context: contextOf(setName),
      name,
      root: path.resolve(__dirname, '../..'),
    });
    if (!result) {
      process.stdout.write(`no entity change in ${setName}: no migration written\n`);
      return 0;
    }
    process.stdout.write(
      `wrote ${path.relative(process.cwd(), result.file)} (${result.up.length} statements) and listed ${result.className} in its index.ts\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof MigrationGenerateError ? e.message : (e as Error).stack}\n`);
    return e instanceof MigrationGenerateError ? 2 : 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
