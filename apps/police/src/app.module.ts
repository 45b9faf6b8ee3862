import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@casebridge/contracts';
import { AgencyInboxModule, AgencyNotification } from '@casebridge/agency-inbox';
import { KafkaHealthIndicator, MESSAGING_ENTITIES } from '@casebridge/messaging';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { PoliceEnv } from './police.env';
import { SupervisionMatter } from './supervision/supervision-matter.entity';
import { IncomingTransfer } from './transfers/incoming-transfer.entity';
import { PoliceTransfersModule } from './transfers/transfers.module';

@Module({
  imports: [
    ...serviceImports({
      service: 'police', env: PoliceEnv, database: 'casebridge_police', agencyKinds: ['police'],
      entities: [IncomingTransfer, SupervisionMatter, AgencyNotification, ...MESSAGING_ENTITIES],
    }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'police',
      producer: { kind: 'police', agencyId: 'police:000000' },
      consumes: [Topics.enforcement, Topics.procuratorate, Topics.workflow, Topics.supervision],
    }),
    HealthModule.register({ inject: [KafkaHealthIndicator], checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')] }),
    AgencyInboxModule.forAgencyKind('police'),
    PoliceTransfersModule,
  ],
})
export class AppModule {}
