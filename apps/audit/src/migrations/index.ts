// The audit service's own versioned migrations, oldest first (shared sets come from their libs: see
// ../schema.ts). `npm run migration:generate -- audit <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateLedger1764400000000 } from './1764400000000-CreateLedger';

export const MIGRATIONS: (new () => MigrationInterface)[] = [CreateLedger1764400000000];
