import type { ServiceSchema } from '@casebridge/platform';
import { AGENCY_INBOX_SCHEMA } from '@casebridge/agency-inbox';
import { MESSAGING_SCHEMA } from '@casebridge/messaging';
import { SHARING_SCHEMA } from '@casebridge/sharing';
import { CourtCase } from './court-cases/court-case.entity';
import { MIGRATIONS } from './migrations';

/**
 * The court database: shared sets first, then the service's own tables. The schema is made only by
 * these migrations (applied at start-up and by `npm run migrate`); test/migrations/drift.e2e-spec.ts
 * fails when an entity here changes without a migration.
 */
export const COURT_SCHEMA: ServiceSchema = {
  service: 'court',
  database: 'casebridge_court',
  sets: [
    MESSAGING_SCHEMA,
    AGENCY_INBOX_SCHEMA,
    SHARING_SCHEMA,
    { name: 'court', entities: [CourtCase], migrations: MIGRATIONS, migrationsDir: 'apps/court/src/migrations' },
  ],
};
