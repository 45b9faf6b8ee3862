import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SharingTopics, Topics } from '@casebridge/contracts';
import { AgencyInboxModule } from '@casebridge/agency-inbox';
import { KafkaHealthIndicator } from '@casebridge/messaging';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { CourtCasesModule } from './court-cases/court-cases.module';
import { CourtEnv } from './court.env';
import { CourtSharingModule } from './sharing/sharing.module';
import { COURT_SCHEMA } from './schema';

@Module({
  imports: [
    ...serviceImports({ service: 'court', env: CourtEnv, schema: COURT_SCHEMA, agencyKinds: ['court'] }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'court',
      producer: { kind: 'court', agencyId: 'court:000000' },
      // indictments and PIL suits (procuratorate), EDC suits and applications (enforcement), deadlines (workflow),
      // what was shared with a court office (its private sharing topic)
      consumes: [Topics.procuratorate, Topics.enforcement, Topics.workflow, Topics.supervision, SharingTopics.court],
    }),
    HealthModule.register({
      inject: [KafkaHealthIndicator],
      checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')],
    }),
    AgencyInboxModule.forAgencyKind('court'),
    CourtSharingModule,
    CourtCasesModule,
  ],
})
export class AppModule {}
