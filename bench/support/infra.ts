/**
 * Where the benches find the shared infrastructure: PostgreSQL from CASEBRIDGE_PG_HOST/PORT/USER/PASSWORD (default
 * 127.0.0.1:5433 postgres/postgres), Kafka from CASEBRIDGE_KAFKA_BROKERS (default 127.0.0.1:9092, comma-separated).
 */
import { Client } from 'pg';

export const benchPg = {
  host: process.env.CASEBRIDGE_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.CASEBRIDGE_PG_PORT ?? 5433),
  user: process.env.CASEBRIDGE_PG_USER ?? 'postgres',
  password: process.env.CASEBRIDGE_PG_PASSWORD ?? 'postgres',
};

export const benchBrokers: string[] = (process.env.CASEBRIDGE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** postgres:// URL of database `name` on the bench's server. */
export function benchDatabaseUrl(name: string): string {
  const { user, password, host, port } = benchPg;
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${name}`;
}

/** Runs `fn` on a connection to the `postgres` database (CREATE/DROP DATABASE), closed afterwards. */
export async function withAdminDb<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ ...benchPg, database: 'postgres' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
