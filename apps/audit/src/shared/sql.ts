import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The little the ledger code needs from a database: run a statement, get rows; run a function in a
 * transaction. Implemented over TypeORM (the service) and over node-postgres (the CLI and the bench),
 * so the very same ledger code serves both.
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDatabase extends SqlRunner {
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export function runnerOfManager(manager: EntityManager): SqlRunner {
  return { query: async <T>(sql: string, params?: unknown[]) => (await manager.query(sql, params)) as T[] };
}

export function databaseOfDataSource(ds: DataSource): SqlDatabase {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await ds.query(sql, params)) as T[],
    transaction: (fn) => ds.transaction((m) => fn(runnerOfManager(m))),
  };
}

function runnerOfClient(client: PoolClient): SqlRunner {
  return { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[] };
}

export function databaseOfPool(pool: Pool): SqlDatabase {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(runnerOfClient(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
  };
}
