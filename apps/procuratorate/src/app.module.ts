import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@casebridge/contracts';
import { AgencyInboxModule, AgencyNotification } from '@casebridge/agency-inbox';
import { KafkaHealthIndicator, MESSAGING_ENTITIES } from '@casebridge/messaging';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { FilingSupervision } from './filing-supervision/filing-supervision.entity';
import { FilingSupervisionModule } from './filing-supervision/filing-supervision.module';
import { TransferOpinion } from './filing-supervision/transfer-opinion.entity';
import { ProcuratorateEnv } from './procuratorate.env';
import { TransferCopiesModule } from './transfer-copies/transfer-copies.module';
import { TransferCopy } from './transfer-copies/transfer-copy.entity';

@Module({
  imports: [
    ...serviceImports({
      service: 'procuratorate', env: ProcuratorateEnv, database: 'casebridge_procuratorate', agencyKinds: ['procuratorate'],
      entities: [TransferCopy, FilingSupervision, TransferOpinion, AgencyNotification, ...MESSAGING_ENTITIES],
    }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'procuratorate',
      producer: { kind: 'procuratorate', agencyId: 'procuratorate:000000' },
      consumes: [Topics.enforcement, Topics.police, Topics.workflow, Topics.supervision],
    }),
    HealthModule.register({ inject: [KafkaHealthIndicator], checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')] }),
    AgencyInboxModule.forAgencyKind('procuratorate'),
    TransferCopiesModule,
    FilingSupervisionModule,
  ],
})
export class AppModule {}
