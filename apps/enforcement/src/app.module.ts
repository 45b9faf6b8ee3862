import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@casebridge/contracts';
import { AgencyInboxModule, AgencyNotification } from '@casebridge/agency-inbox';
import { KafkaHealthIndicator, MESSAGING_ENTITIES } from '@casebridge/messaging';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { AdministrativeCase } from './cases/administrative-case.entity';
import { CasesModule } from './cases/cases.module';
import { Evidence } from './cases/evidence.entity';
import { EnforcementEnv } from './enforcement.env';
import { Transfer } from './transfers/transfer.entity';
import { TransfersModule } from './transfers/transfers.module';

@Module({
  imports: [
    ...serviceImports({
      service: 'enforcement', env: EnforcementEnv, database: 'casebridge_enforcement', agencyKinds: ['enforcement'],
      entities: [AdministrativeCase, Evidence, Transfer, AgencyNotification, ...MESSAGING_ENTITIES],
    }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'enforcement',
      producer: { kind: 'enforcement', agencyId: 'enforcement:000000' },
      consumes: [Topics.police, Topics.procuratorate, Topics.workflow, Topics.supervision],
    }),
    HealthModule.register({ inject: [KafkaHealthIndicator], checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')] }),
    AgencyInboxModule.forAgencyKind('enforcement'),
    CasesModule,
    TransfersModule,
  ],
})
export class AppModule {}
