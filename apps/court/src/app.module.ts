import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@casebridge/contracts';
import { AgencyInboxModule } from '@casebridge/agency-inbox';
import { KafkaHealthIndicator } from '@casebridge/messaging';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { CourtCasesModule } from './court-cases/court-cases.module';
import { CourtEnv } from './court.env';
import { COURT_SCHEMA } from './schema';

@Module({
  imports: [
    ...serviceImports({ service: 'court', env: CourtEnv, schema: COURT_SCHEMA, agencyKinds: ['court'] }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'court',
      producer: { kind: 'court', agencyId: 'court:000000' },
      // indictments and PIL suits (procuratorate), EDC suits and applications (enforcement), deadlines (workflow)
      consumes: [Topics.procuratorate, Topics.enforcement, Topics.workflow, Topics.supervision],
    }),
    HealthModule.register({
      inject: [KafkaHealthIndicator],
      checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')],
    }),
    AgencyInboxModule.forAgencyKind('court'),
    CourtCasesModule,
  ],
})
export class AppModule {}
