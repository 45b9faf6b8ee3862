import type { ServiceSchema } from '@casebridge/platform';
import { MESSAGING_SCHEMA } from '@casebridge/messaging';
import { MIGRATIONS } from './migrations';

/**
 * The audit database: shared sets first, then the service's own tables. The schema is made only by
 * these migrations (applied at start-up and by `npm run migrate`); test/migrations/drift.e2e-spec.ts
 * fails when an entity here changes without a migration.
 */
export const AUDIT_SCHEMA: ServiceSchema = {
  service: 'audit',
  database: 'casebridge_audit',
  sets: [
    MESSAGING_SCHEMA,
    { name: 'audit', entities: [], migrations: MIGRATIONS, migrationsDir: 'apps/audit/src/migrations' },
  ],
};
