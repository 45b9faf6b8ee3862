// The court service's own versioned migrations, oldest first (shared sets come from their libs: see
// ../schema.ts). `npm run migration:generate -- court <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';

export const MIGRATIONS: (new () => MigrationInterface)[] = [];
