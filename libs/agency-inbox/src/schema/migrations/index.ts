// The agency inbox table's versioned migrations, oldest first; the agency services include them
// (AGENCY_INBOX_SCHEMA). `npm run migration:generate -- agency-inbox <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateAgencyNotification1795971124928 } from './1795971124928-CreateAgencyNotification';
import { CreateAgencyInboxItem1795974768394 } from './1795974768394-CreateAgencyInboxItem';
import { InboxEscalations1795980000000 } from './1795980000000-InboxEscalations';
import { InboxStepKeyAndOwner1796525442042 } from './1796525442042-InboxStepKeyAndOwner';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateAgencyNotification1795971124928,
  CreateAgencyInboxItem1795974768394,
  InboxEscalations1795980000000,
  InboxStepKeyAndOwner1796525442042,
];
