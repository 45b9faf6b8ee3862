import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { BaseEnv } from './env';
import { entitiesOf, migrationsOf, type ServiceSchema } from './migrations/schema-set';

/** How long a request waits for a database connection (pg-pool `connectionTimeoutMillis`), in milliseconds. */
export const DATABASE_CONNECT_TIMEOUT_MS = 5_000;

/**
 * TypeORM options for a service's own database (database-per-service). The schema comes only from
 * the versioned migrations of `schema` (never from the entities directly); they are applied at start-up by
 * `runPendingMigrations` under an advisory lock (see `serviceImports`), not by `migrationsRun`,
 * which takes no lock.
 */
export function databaseOptions(env: BaseEnv, database: string, schema: ServiceSchema): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    host: env.CASEBRIDGE_PG_HOST,
    port: env.CASEBRIDGE_PG_PORT,
    username: env.CASEBRIDGE_PG_USER,
    password: env.CASEBRIDGE_PG_PASSWORD,
    database,
    entities: entitiesOf(schema),
    migrations: migrationsOf(schema),
    migrationsRun: false,
    // pg-pool: 10 connections; a connection not had within 5 s fails the request (503 SERVICE.UNAVAILABLE, nothing
    // written) instead of hanging while PostgreSQL drops packets (trial 7)
    extra: { max: 10, connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS },
  };
}
