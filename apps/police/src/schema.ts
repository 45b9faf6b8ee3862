import type { ServiceSchema } from '@casebridge/platform';
import { AGENCY_INBOX_SCHEMA } from '@casebridge/agency-inbox';
import { COOPERATION_SCHEMA } from '@casebridge/cooperation';
import { MESSAGING_SCHEMA } from '@casebridge/messaging';
import { PoliceProsecution } from './prosecution/police-prosecution.entity';
import { SHARING_SCHEMA } from '@casebridge/sharing';
import { SupervisionMatter } from './supervision/supervision-matter.entity';
import { IncomingTransfer } from './transfers/incoming-transfer.entity';
import { MIGRATIONS } from './migrations';

/**
 * The police database: shared sets first, then the service's own tables. The schema is made only by
 * these migrations (applied at start-up and by `npm run migrate`); test/migrations/drift.e2e-spec.ts
 * fails when an entity here changes without a migration.
 */
export const POLICE_SCHEMA: ServiceSchema = {
  service: 'police',
  database: 'casebridge_police',
  sets: [
    MESSAGING_SCHEMA,
    AGENCY_INBOX_SCHEMA,
    COOPERATION_SCHEMA,
    SHARING_SCHEMA,
    {
      name: 'police',
      entities: [IncomingTransfer, SupervisionMatter, PoliceProsecution],
      migrations: MIGRATIONS,
      migrationsDir: 'apps/police/src/migrations',
    },
  ],
};
