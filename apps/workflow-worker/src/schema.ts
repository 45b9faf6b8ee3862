import type { ServiceSchema } from '@casebridge/platform';
import { MESSAGING_SCHEMA } from '@casebridge/messaging';
import { MIGRATIONS } from './migrations';

/**
 * The workflow-worker database: shared sets first, then the service's own tables. The schema is made only by
 * these migrations (applied at start-up and by `npm run migrate`); test/migrations/drift.e2e-spec.ts
 * fails when an entity here changes without a migration.
 */
export const WORKFLOW_SCHEMA: ServiceSchema = {
  service: 'workflow-worker',
  database: 'casebridge_workflow',
  sets: [
    MESSAGING_SCHEMA,
    {
      name: 'workflow-worker',
      entities: [],
      migrations: MIGRATIONS,
      migrationsDir: 'apps/workflow-worker/src/migrations',
    },
  ],
};
