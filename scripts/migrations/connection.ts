import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BaseEnv, entitiesOf, migrationsOf, type SchemaSet } from '@casebridge/platform';

/** PostgreSQL server of the scripts: the services' CASEBRIDGE_PG_* variables, with their defaults. */
export function pgSettings(env: NodeJS.ProcessEnv = process.env): {
  host: string;
  port: number;
  user: string;
  password: string;
} {
  const d = new BaseEnv();
  return {
    host: env.CASEBRIDGE_PG_HOST || d.CASEBRIDGE_PG_HOST,
    port: Number(env.CASEBRIDGE_PG_PORT || d.CASEBRIDGE_PG_PORT),
    user: env.CASEBRIDGE_PG_USER || d.CASEBRIDGE_PG_USER,
    password: env.CASEBRIDGE_PG_PASSWORD || d.CASEBRIDGE_PG_PASSWORD,
  };
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...pgSettings(), database: 'postgres' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database if it does not exist; true when it was created. */
export async function ensureDatabase(name: string): Promise<boolean> {
  return admin(async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  });
}

/** A throw-away empty database (for generating a migration), dropped by `drop`. */
export async function scratchDatabase(): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `casebridge_scratch_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    drop: () =>
      admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

/** An initialised DataSource on `database` with the sets' entities and migrations (the schema comes from the migrations). */
export async function openDataSource(database: string, sets: SchemaSet[]): Promise<DataSource> {
  const pg = pgSettings();
  const schema = { service: 'script', database, sets };
  return new DataSource({
    type: 'postgres',
    host: pg.host,
    port: pg.port,
    username: pg.user,
    password: pg.password,
    database,
    entities: entitiesOf(schema),
    migrations: migrationsOf(schema),
    migrationsRun: false,
    extra: { max: 2 },
  }).initialize();
}
