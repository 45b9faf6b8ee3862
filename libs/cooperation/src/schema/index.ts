import { CooperationRecord } from '../cooperation-record.entity';
import { MIGRATIONS } from './migrations';

/**
 * The cooperation table as a shared schema set (a `SchemaSet` of @casebridge/platform), included by every agency
 * service that imports CooperationModule.
 */
export const COOPERATION_SCHEMA = {
  name: 'cooperation',
  entities: [CooperationRecord] as Function[],
  migrations: MIGRATIONS,
  migrationsDir: 'libs/cooperation/src/schema/migrations',
};
