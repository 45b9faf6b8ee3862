import type { ServiceSchema } from '@casebridge/platform';
import { MESSAGING_SCHEMA } from '@casebridge/messaging';
import { SUPERVISION_ENTITIES } from './projection/entities';
import { MIGRATIONS } from './migrations';

/**
 * The supervision database: shared sets first, then the service's own tables. The schema is made only by
 * these migrations (applied at start-up and by `npm run migrate`); test/migrations/drift.e2e-spec.ts
 * fails when an entity here changes without a migration.
 */
export const SUPERVISION_SCHEMA: ServiceSchema = {
  service: 'supervision',
  database: 'casebridge_supervision',
  sets: [
    MESSAGING_SCHEMA,
    {
      name: 'supervision',
      entities: [...SUPERVISION_ENTITIES],
      migrations: MIGRATIONS,
      migrationsDir: 'apps/supervision/src/migrations',
    },
  ],
};
