// The sharing tables' versioned migrations, oldest first; the agency services include them (SHARING_SCHEMA).
// `npm run migration:generate -- sharing <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateSharingTables1796535408341 } from './1796535408341-CreateSharingTables';

export const MIGRATIONS: (new () => MigrationInterface)[] = [CreateSharingTables1796535408341];
