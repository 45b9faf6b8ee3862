import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { BaseEnv } from './env';
import { entitiesOf, migrationsOf, type ServiceSchema } from './migrations/schema-set';

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
    extra: { max: 10 },
  };
}
