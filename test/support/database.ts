import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { migrateDatabase, schemaDrift, type SchemaSet } from '@casebridge/platform/migrations';
import { endpoints } from './endpoints';

/** A fresh PostgreSQL database for one test file (database-per-test-file isolation). */
export interface IsolatedDatabase {
  name: string;
  host: string;
  port: number;
  user: string;
  password: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>, pg = endpoints().pg): Promise<T> {
  const client = new Client({
    host: pg.host,
    port: pg.port,
    user: pg.user,
    password: pg.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new database named `t_<prefix>_<random>` on the server of the test endpoints, or on `pg` (a private server). */
export async function createIsolatedDatabase(prefix: string, pg = endpoints().pg): Promise<IsolatedDatabase> {
  const name = `t_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`), pg);
  return {
    name,
    ...pg,
    url: `postgres://${encodeURIComponent(pg.user)}:${encodeURIComponent(pg.password)}@${pg.host}:${pg.port}/${name}`,
    drop: () =>
      admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }, pg),
  };
}

/**
 * A test's own tables (fixture entities) as a versioned migration from fixed SQL: tests use migrations
 * too, never schema-from-entities. `migrateTestDatabase` checks the SQL against the entities.
 */
export function fixtureSchema(name: string, entities: Function[], statements: string[]): SchemaSet {
  const migrationName = `Fixture${name.replace(/[^A-Za-z0-9]/g, '')}1700000000000`;
  class FixtureMigration implements MigrationInterface {
    name = migrationName;
    async up(q: QueryRunner): Promise<void> {
      for (const statement of statements) await q.query(statement);
    }
    async down(): Promise<void> {}
  }
  return { name, entities, migrations: [FixtureMigration], migrationsDir: '' };
}

/**
 * Applies the sets' migrations to the database at `url` (as a service does at start-up) and fails when
 * the result differs from their entities (a fixture's SQL out of step with its entity).
 */
export async function migrateTestDatabase(url: string, sets: SchemaSet[]): Promise<void> {
  const ds = await openTestDataSource(url, sets);
  await ds.destroy();
}

/** An initialised DataSource on the migrated database (entities of `sets`; the schema comes from the migrations only). */
export async function openTestDataSource(
  url: string,
  sets: SchemaSet[],
  opts: { migrate?: boolean; poolSize?: number } = {},
): Promise<DataSource> {
  if (opts.migrate !== false) await migrateDatabase({ url }, sets);
  const ds = await new DataSource({
    type: 'postgres',
    url,
    entities: sets.flatMap((s) => s.entities),
    poolSize: opts.poolSize,
  }).initialize();
  const drift = (await schemaDrift(ds)).up;
  if (drift.length) {
    await ds.destroy();
    throw new Error(
      `the migrations of ${sets.map((s) => s.name).join(', ')} differ from their entities:\n${drift.map((q) => `  ${q.query}`).join('\n')}`,
    );
  }
  return ds;
}
