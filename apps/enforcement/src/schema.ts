import type { ServiceSchema } from '@casebridge/platform';
import { AGENCY_INBOX_SCHEMA } from '@casebridge/agency-inbox';
import { COOPERATION_SCHEMA } from '@casebridge/cooperation';
import { MESSAGING_SCHEMA } from '@casebridge/messaging';
import { SHARING_SCHEMA } from '@casebridge/sharing';
import { AdministrativeCase } from './cases/administrative-case.entity';
import { Evidence } from './cases/evidence.entity';
import { ProsecutionNotice } from './prosecution-notices/prosecution-notice.entity';
import { Transfer } from './transfers/transfer.entity';
import { CourtNotice } from './court-notices/court-notice.entity';
import { MIGRATIONS } from './migrations';
import { EdcCase } from './damage-compensation/edc-case.entity';
import { PilRecommendation } from './pil-recommendations/pil-recommendation.entity';

/**
 * The enforcement database: shared sets first, then the service's own tables. The schema is made only by
 * these migrations (applied at start-up and by `npm run migrate`); test/migrations/drift.e2e-spec.ts
 * fails when an entity here changes without a migration.
 */
export const ENFORCEMENT_SCHEMA: ServiceSchema = {
  service: 'enforcement',
  database: 'casebridge_enforcement',
  sets: [
    MESSAGING_SCHEMA,
    AGENCY_INBOX_SCHEMA,
    COOPERATION_SCHEMA,
    SHARING_SCHEMA,
    {
      name: 'enforcement',
      entities: [AdministrativeCase, Evidence, Transfer, ProsecutionNotice, CourtNotice, PilRecommendation, EdcCase],
      migrations: MIGRATIONS,
      migrationsDir: 'apps/enforcement/src/migrations',
    },
  ],
};
