import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SharingTopics, Topics } from '@casebridge/contracts';
import { AgencyInboxModule } from '@casebridge/agency-inbox';
import { CooperationModule } from '@casebridge/cooperation';
import { KafkaHealthIndicator } from '@casebridge/messaging';
import { ProcuratorateSharingModule } from './sharing/sharing.module';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { FilingSupervisionModule } from './filing-supervision/filing-supervision.module';
import { ProsecutionModule } from './prosecution/prosecution.module';
import { PilModule } from './pil/pil.module';
import { ProcuratorateEnv } from './procuratorate.env';
import { PROCURATORATE_SCHEMA } from './schema';
import { TransferCopiesModule } from './transfer-copies/transfer-copies.module';
import { TrialsModule } from './trials/trials.module';

@Module({
  imports: [
    ...serviceImports({
      service: 'procuratorate',
      env: ProcuratorateEnv,
      schema: PROCURATORATE_SCHEMA,
      agencyKinds: ['procuratorate'],
    }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'procuratorate',
      producer: { kind: 'procuratorate', agencyId: 'procuratorate:000000' },
      consumes: [
        Topics.enforcement,
        Topics.police,
        Topics.workflow,
        Topics.supervision,
        SharingTopics.procuratorate,
        Topics.court,
      ],
    }),
    HealthModule.register({
      inject: [KafkaHealthIndicator],
      checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')],
    }),
    AgencyInboxModule.forAgencyKind('procuratorate'),
    CooperationModule.forAgencyKind('procuratorate'),
    ProcuratorateSharingModule,
    TransferCopiesModule,
    ProsecutionModule,
    FilingSupervisionModule,
    PilModule,
    TrialsModule,
  ],
})
export class AppModule {}
