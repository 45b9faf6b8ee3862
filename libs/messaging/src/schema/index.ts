import { InboxRecord } from '../inbox/inbox-record.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { CreateMessagingTables1764300000000 } from './create-messaging-tables.migration';

/** Add to the app's TypeORM entities (TypeOrmModule.forRoot({ entities: [...MESSAGING_ENTITIES, ...] })). */
export const MESSAGING_ENTITIES: [typeof OutboxMessage, typeof InboxRecord] = [OutboxMessage, InboxRecord];

/** Add to the app's TypeORM migrations when it does not use synchronize. */
export const MESSAGING_MIGRATIONS: [typeof CreateMessagingTables1764300000000] = [CreateMessagingTables1764300000000];

export { CreateMessagingTables1764300000000 };
