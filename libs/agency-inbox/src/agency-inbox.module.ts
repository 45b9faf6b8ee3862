import { Module, type DynamicModule } from '@nestjs/common';
import type { AgencyKind } from '@casebridge/contracts';
import { AgencyInboxConsumer, INBOX_AGENCY_KIND } from './agency-inbox.consumer';
import { AgencyInboxHttpController } from './agency-inbox.http.controller';
import { INBOX_RETENTION_DAYS, InboxRetention, inboxRetentionDays } from './inbox-retention';

/** An agency app's inbox (its own table in its own database): GET /inbox, what the office owes now. */
@Module({})
export class AgencyInboxModule {
  static forAgencyKind(kind: AgencyKind): DynamicModule {
    return {
      module: AgencyInboxModule,
      controllers: [AgencyInboxHttpController],
      providers: [
        { provide: INBOX_AGENCY_KIND, useValue: kind },
        { provide: INBOX_RETENTION_DAYS, useFactory: () => inboxRetentionDays() },
        AgencyInboxConsumer,
        InboxRetention,
      ],
    };
  }
}
