import { InboxRecord } from '../inbox/inbox-record.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { ParkedEvent } from '../inbox/parked-event.entity';
import { CreateMessagingTables1764300000000 } from './migrations/1764300000000-CreateMessagingTables';
import { MIGRATIONS } from './migrations';
import { CreateParkedEvents1764900000000 } from './migrations/1764900000000-CreateParkedEvents';

/** Add to the app's TypeORM entities (TypeOrmModule.forRoot({ entities: [...MESSAGING_ENTITIES, ...] })). */
export const MESSAGING_ENTITIES: [typeof OutboxMessage, typeof InboxRecord, typeof ParkedEvent] = [
  OutboxMessage,
  InboxRecord,
  ParkedEvent,
];

/** The versioned migrations creating MESSAGING_ENTITIES' tables, oldest first (the only source of these tables). */
export const MESSAGING_MIGRATIONS = MIGRATIONS;

/**
 * The messaging tables as a shared schema set (a `SchemaSet` of @casebridge/platform): every service
 * lists it first among its sets, so its migrations run in each service's database.
 */
export const MESSAGING_SCHEMA = {
  name: 'messaging',
  entities: MESSAGING_ENTITIES as Function[],
  migrations: MESSAGING_MIGRATIONS,
  migrationsDir: 'libs/messaging/src/schema/migrations',
};

export { CreateMessagingTables1764300000000, CreateParkedEvents1764900000000 };
