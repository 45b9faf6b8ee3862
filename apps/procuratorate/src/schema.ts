import type { ServiceSchema } from '@casebridge/platform';
import { AGENCY_INBOX_SCHEMA } from '@casebridge/agency-inbox';
import { COOPERATION_SCHEMA } from '@casebridge/cooperation';
import { MESSAGING_SCHEMA } from '@casebridge/messaging';
import { SHARING_SCHEMA } from '@casebridge/sharing';
import { FilingSupervision } from './filing-supervision/filing-supervision.entity';
import { SuspectedCrime } from './filing-supervision/suspected-crime.entity';
import { TransferOpinion } from './filing-supervision/transfer-opinion.entity';
import { TransferCopy } from './transfer-copies/transfer-copy.entity';
import { ProsecutionReview } from './prosecution/prosecution-review.entity';
import { MIGRATIONS } from './migrations';
import { PilCase, PilEdcWatch } from './pil/pil-case.entity';

/**
 * The procuratorate database: shared sets first, then the service's own tables. The schema is made only by
 * these migrations (applied at start-up and by `npm run migrate`); test/migrations/drift.e2e-spec.ts
 * fails when an entity here changes without a migration.
 */
export const PROCURATORATE_SCHEMA: ServiceSchema = {
  service: 'procuratorate',
  database: 'casebridge_procuratorate',
  sets: [
    MESSAGING_SCHEMA,
    AGENCY_INBOX_SCHEMA,
    COOPERATION_SCHEMA,
    SHARING_SCHEMA,
    {
      name: 'procuratorate',
      entities: [
        TransferCopy,
        FilingSupervision,
        TransferOpinion,
        SuspectedCrime,
        ProsecutionReview,
        PilCase,
        PilEdcWatch,
      ],
      migrations: MIGRATIONS,
      migrationsDir: 'apps/procuratorate/src/migrations',
    },
  ],
};
