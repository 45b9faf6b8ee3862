// The court service's own versioned migrations, oldest first (shared sets come from their libs: see
// ../schema.ts). `npm run migration:generate -- court <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateCourtTables1796535541079 } from './1796535541079-CreateCourtTables';
import { AddDocketNumberUnique1796541045807 } from './1796541045807-AddDocketNumberUnique';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateCourtTables1796535541079,
  AddDocketNumberUnique1796541045807,
];
