import type { MigrationInterface } from 'typeorm';

/** A migration class as TypeORM takes it in `DataSourceOptions.migrations`. */
export type MigrationClass = new () => MigrationInterface;

/**
 * A versioned schema: the entities it owns and the migrations that create them, in one folder.
 * Shared sets (messaging's outbox/inbox, the agency inbox) are included in the services that use them;
 * a service's own set holds its own tables.
 */
export interface SchemaSet {
  /** set name, used by `npm run migration:generate -- <name> <MigrationName>` */
  name: string;
  entities: Function[];
  migrations: MigrationClass[];
  /**
   * Folder (from the repository root) of the set's migrations. It holds `index.ts`, which lists them;
   * the generator writes the new file here and adds it to that list.
   */
  migrationsDir: string;
}

/** A service's database: its name and the sets whose tables it holds, shared ones first. */
export interface ServiceSchema {
  service: string;
  /** default database name (database-per-service); CASEBRIDGE_DB_NAME overrides at run time */
  database: string;
  sets: SchemaSet[];
}

export function entitiesOf(schema: ServiceSchema): Function[] {
  return schema.sets.flatMap((s) => s.entities);
}

export function migrationsOf(schema: ServiceSchema): MigrationClass[] {
  return schema.sets.flatMap((s) => s.migrations);
}
