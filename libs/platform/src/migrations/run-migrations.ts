import { DataSource, type Migration } from 'typeorm';
import { entitiesOf, migrationsOf, type SchemaSet } from './schema-set';

/**
 * Advisory-lock key (two-int4 key space) held while migrations run. Advisory locks are per database,
 * so one key serves every service's database.
 */
export const MIGRATION_LOCK = [727_100, 0] as const;

/**
 * Applies the pending migrations of `ds` (those not yet recorded in its `migrations` table), each in
 * its own transaction, and returns them in the order applied.
 *
 * Safe when several instances start at once: TypeORM 0.3 takes no lock of its own
 * (MigrationExecutor reads the table, then runs what is missing), so the whole run is serialised by a
 * session-level PostgreSQL advisory lock; the second instance waits, then finds nothing pending.
 *
 * A database made before migrations existed (by TypeORM's schema sync: no `migrations` table, the entities'
 * tables present) is adopted when its schema is exactly what the entities describe — every migration is
 * recorded as applied without running — and refused otherwise (MigrationAdoptionError, naming the difference).
 */
export async function runPendingMigrations(ds: DataSource): Promise<Migration[]> {
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      if (await madeBeforeMigrations(ds)) await adopt(ds);
      return await ds.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}

/**
 * The SQL TypeORM would run to bring the database in line with the entities of `ds` (its schema
 * builder's diff, the mechanism behind `typeorm migration:generate`). Empty after the migrations
 * ran means the migrations describe the entities exactly.
 */
export async function schemaDrift(ds: DataSource): Promise<{ up: SchemaQuery[]; down: SchemaQuery[] }> {
  const sql = await ds.driver.createSchemaBuilder().log();
  const plain = (q: { query: string; parameters?: unknown[] }): SchemaQuery => ({
    query: q.query,
    parameters: q.parameters,
  });
  return { up: sql.upQueries.map(plain), down: sql.downQueries.map(plain) };
}

export interface SchemaQuery {
  query: string;
  parameters?: unknown[];
}

/** Where `migrateDatabase` connects: a postgres:// URL, or host/port/credentials and a database name. */
export type PostgresTarget =
  { url: string } | { host: string; port: number; username: string; password: string; database: string };

/**
 * Applies the pending migrations of `sets` to one database and closes the connection (scripts, benches
 * and tests that use the database without the service). Same lock as at a service's start-up.
 */
export async function migrateDatabase(target: PostgresTarget, sets: SchemaSet[]): Promise<Migration[]> {
  const schema = { service: 'migrate', database: '', sets };
  const ds = await new DataSource({
    type: 'postgres',
    ...target,
    entities: entitiesOf(schema),
    migrations: migrationsOf(schema),
    extra: { max: 2 },
  }).initialize();
  try {
    return await runPendingMigrations(ds);
  } finally {
    await ds.destroy();
  }
}

export class MigrationAdoptionError extends Error {}

/** No `migrations` table yet, but a table of the entities exists. */
async function madeBeforeMigrations(ds: DataSource): Promise<boolean> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const names = [table, ...ds.entityMetadatas.map((m) => m.tableName)];
  const rows = (await ds.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1)`,
    [names],
  )) as { name: string }[];
  const found = new Set(rows.map((r) => r.name));
  return !found.has(table) && found.size > 0;
}

async function adopt(ds: DataSource): Promise<void> {
  const drift = (await schemaDrift(ds)).up;
  if (drift.length) {
    throw new MigrationAdoptionError(
      `database ${String(ds.options.database ?? '')} was made before migrations and differs from the entities; ` +
        `re-create it (npm run migrate), or bring it in line by hand. Missing:\n${drift.map((q) => `  ${q.query}`).join('\n')}`,
    );
  }
  await ds.runMigrations({ transaction: 'all', fake: true });
}
