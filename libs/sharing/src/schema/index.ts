import { AccessGrant } from '../access-grant.entity';
import { SharedEntry } from '../shared-entry.entity';
import { MIGRATIONS } from './migrations';

/**
 * The shared record and the grants as a shared schema set (a `SchemaSet` of @casebridge/platform), included by
 * every agency service that imports SharingModule: each service has its own tables in its own database.
 */
export const SHARING_SCHEMA = {
  name: 'sharing',
  entities: [SharedEntry, AccessGrant] as Function[],
  migrations: MIGRATIONS,
  migrationsDir: 'libs/sharing/src/schema/migrations',
};
