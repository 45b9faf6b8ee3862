import { AgencyInboxItem } from '../inbox-item.entity';
import { MIGRATIONS } from './migrations';

/**
 * The agency inbox table as a shared schema set (a `SchemaSet` of @casebridge/platform), included by
 * every agency service that imports AgencyInboxModule.
 */
export const AGENCY_INBOX_SCHEMA = {
  name: 'agency-inbox',
  entities: [AgencyInboxItem] as Function[],
  migrations: MIGRATIONS,
  migrationsDir: 'libs/agency-inbox/src/schema/migrations',
};
