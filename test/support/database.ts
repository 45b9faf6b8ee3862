import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
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

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const { pg } = endpoints();
  const client = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: 'postgres' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createIsolatedDatabase(prefix: string): Promise<IsolatedDatabase> {
  const { pg } = endpoints();
  const name = `t_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name, ...pg,
    url: `postgres://${encodeURIComponent(pg.user)}:${encodeURIComponent(pg.password)}@${pg.host}:${pg.port}/${name}`,
    drop: () => admin(async (c) => { await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); }),
  };
}
