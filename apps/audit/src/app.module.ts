import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { KafkaHealthIndicator, MessagingModule, type MessagingOptions } from '@casebridge/messaging';
import { HealthModule, readEnv, serviceImports } from '@casebridge/platform';
import { AuditEnv } from './audit.env';
import { LedgerModule } from './ledger/ledger.module';
import { ReplayModule } from './replay/replay.module';
import { AUDIT_SCHEMA } from './schema';

@Module({
  imports: [
    ...serviceImports({
      // the inbox (exactly-once) is an entity; the ledger tables (no entities: raw SQL) come from the audit migrations
      service: 'audit',
      env: AuditEnv,
      schema: AUDIT_SCHEMA,
      agencyKinds: 'any',
    }),
    CqrsModule.forRoot(),
    // Kafka client, topic names and health; the ledger's consumer is built by LedgerIngestion (it needs its own registry).
    MessagingModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService): MessagingOptions => {
        const env = readEnv(config, AuditEnv);
        return {
          brokers: env.CASEBRIDGE_KAFKA_BROKERS.split(','),
          clientId: 'casebridge-audit',
          producer: { kind: 'audit', agencyId: 'audit' },
          topicSuffix: env.CASEBRIDGE_TOPIC_SUFFIX || undefined,
          relay: { enabled: false },
        };
      },
    }),
    HealthModule.register({
      inject: [KafkaHealthIndicator],
      // the ledger's consumer group is audit's own (not MessagingModule's): LedgerModule provides it under
      // APP_CONSUMER_SOURCE, where /health and /metrics find it
      checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')],
    }),
    LedgerModule,
    ReplayModule,
  ],
})
export class AppModule {}
