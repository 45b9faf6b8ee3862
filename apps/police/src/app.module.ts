import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SharingTopics, Topics } from '@casebridge/contracts';
import { AgencyInboxModule } from '@casebridge/agency-inbox';
import { CooperationModule } from '@casebridge/cooperation';
import { KafkaHealthIndicator } from '@casebridge/messaging';
import { PoliceSharingModule } from './sharing/sharing.module';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { PoliceEnv } from './police.env';
import { POLICE_SCHEMA } from './schema';
import { PoliceProsecutionModule } from './prosecution/prosecution.module';
import { PoliceTransfersModule } from './transfers/transfers.module';

@Module({
  imports: [
    ...serviceImports({
      service: 'police',
      env: PoliceEnv,
      schema: POLICE_SCHEMA,
      agencyKinds: ['police'],
    }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'police',
      producer: { kind: 'police', agencyId: 'police:000000' },
      consumes: [Topics.enforcement, Topics.procuratorate, Topics.workflow, Topics.supervision, SharingTopics.police],
    }),
    HealthModule.register({
      inject: [KafkaHealthIndicator],
      checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')],
    }),
    AgencyInboxModule.forAgencyKind('police'),
    CooperationModule.forAgencyKind('police'),
    PoliceSharingModule,
    PoliceTransfersModule,
    PoliceProsecutionModule,
  ],
})
export class AppModule {}
