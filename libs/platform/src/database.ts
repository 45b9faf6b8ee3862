import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { BaseEnv } from './env';

/** TypeORM options for a service's own database (database-per-service). */
export function databaseOptions(env: BaseEnv, database: string, entities: Function[]): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    host: env.CASEBRIDGE_PG_HOST,
    port: env.CASEBRIDGE_PG_PORT,
    username: env.CASEBRIDGE_PG_USER,
    password: env.CASEBRIDGE_PG_PASSWORD,
    database,
    entities,
    // Schema is created from the entities at start-up (idempotent). Versioned migrations are a known gap (README).
    synchronize: true,
    extra: { max: 10 },
  };
}
