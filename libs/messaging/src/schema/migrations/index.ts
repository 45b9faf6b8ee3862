// The messaging tables' versioned migrations, oldest first; every service that uses the outbox or the
// inbox includes them (MESSAGING_SCHEMA). `npm run migration:generate -- messaging <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateMessagingTables1764300000000 } from './1764300000000-CreateMessagingTables';
import { CreateParkedEvents1764900000000 } from './1764900000000-CreateParkedEvents';
import { AddOutboxTraceContext1796524706813 } from './1796524706813-AddOutboxTraceContext';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateMessagingTables1764300000000,
  CreateParkedEvents1764900000000,
  AddOutboxTraceContext1796524706813,
];
