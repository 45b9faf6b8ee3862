import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SharingTopics, Topics } from '@casebridge/contracts';
import { AgencyInboxModule } from '@casebridge/agency-inbox';
import { CooperationModule } from '@casebridge/cooperation';
import { KafkaHealthIndicator } from '@casebridge/messaging';
import { EnforcementSharingModule } from './sharing/sharing.module';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { CasesModule } from './cases/cases.module';
import { CourtNoticesModule } from './court-notices/court-notices.module';
import { DamageCompensationModule } from './damage-compensation/damage-compensation.module';
import { EnforcementEnv } from './enforcement.env';
import { PilRecommendationsModule } from './pil-recommendations/pil-recommendations.module';
import { ENFORCEMENT_SCHEMA } from './schema';
import { ProsecutionNoticesModule } from './prosecution-notices/prosecution-notices.module';
import { TransfersModule } from './transfers/transfers.module';

@Module({
  imports: [
    ...serviceImports({
      service: 'enforcement',
      env: EnforcementEnv,
      schema: ENFORCEMENT_SCHEMA,
      agencyKinds: ['enforcement'],
    }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'enforcement',
      producer: { kind: 'enforcement', agencyId: 'enforcement:000000' },
      consumes: [
        Topics.police,
        Topics.procuratorate,
        Topics.workflow,
        Topics.supervision,
        SharingTopics.enforcement,
        Topics.court,
      ],
    }),
    HealthModule.register({
      inject: [KafkaHealthIndicator],
      checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')],
    }),
    AgencyInboxModule.forAgencyKind('enforcement'),
    CooperationModule.forAgencyKind('enforcement'),
    EnforcementSharingModule,
    CasesModule,
    TransfersModule,
    CourtNoticesModule,
    ProsecutionNoticesModule,
    PilRecommendationsModule,
    DamageCompensationModule,
  ],
})
export class AppModule {}
