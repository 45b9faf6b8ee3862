import { Logger, Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { logLevel, type Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { validateMessagingOptions, type MessagingOptions } from '../config/messaging.options';
import { IntegrationEventConsumer } from '../inbox/integration-event.consumer';
import { createKafka } from '../kafka/kafka-client';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxWriter } from '../outbox/outbox.writer';
import { TransactionalOutbox } from '../outbox/transactional-outbox';
import { TopicNames } from '../topics/topic-names';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { exitForSupervisor, MESSAGING_CONSUMER, MessagingRuntime } from './messaging.runtime';
import { errorMessage } from '../errors';
import { MESSAGING_HEALTH_KAFKA, MESSAGING_KAFKA, MESSAGING_OPTIONS } from './tokens';

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  useFactory: (...args: any[]) => MessagingOptions | Promise<MessagingOptions>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Kafka plumbing of a CaseBridge app (global): TransactionalOutbox / OutboxWriter for producing,
 * the OutboxRelay, the consumer group with @OnIntegrationEvent handlers, KafkaHealthIndicator.
 * Needs the app's TypeORM DataSource (TypeOrmModule.forRoot… with MESSAGING_ENTITIES).
 */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [...(options.imports ?? []), DiscoveryModule, TerminusModule],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: options.inject ?? [],
          useFactory: async (...args: unknown[]) => validateMessagingOptions(await options.useFactory(...args)),
        },
        {
          provide: TopicNames,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => new TopicNames({ suffix: o.topicSuffix }),
        },
        {
          provide: MESSAGING_KAFKA,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) =>
            createKafka({ brokers: o.brokers, clientId: o.clientId, logLevel: o.kafkaLogLevel, kafka: o.kafka }),
        },
        {
          provide: MESSAGING_HEALTH_KAFKA,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) =>
            createKafka({
              brokers: o.brokers,
              clientId: `${o.clientId}-health`,
              logLevel: logLevel.NOTHING,
              kafka: { ...o.kafka, retry: { retries: 0 } },
            }),
        },
        { provide: OutboxWriter, inject: [TopicNames], useFactory: (t: TopicNames) => new OutboxWriter(t) },
        {
          provide: TransactionalOutbox,
          inject: [DataSource, OutboxWriter, MESSAGING_OPTIONS],
          useFactory: (ds: DataSource, w: OutboxWriter, o: MessagingOptions) =>
            new TransactionalOutbox(ds, w, { producer: o.producer }),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, MESSAGING_KAFKA, MESSAGING_OPTIONS],
          useFactory: (ds: DataSource, kafka: Kafka, o: MessagingOptions) =>
            new OutboxRelay(ds, kafka, {
              listen: o.relay?.listen,
              intervalMs: o.relay?.intervalMs,
              safetyPollMs: o.relay?.safetyPollMs,
              batchSize: o.relay?.batchSize,
            }),
        },
        {
          provide: MESSAGING_CONSUMER,
          inject: [DataSource, MESSAGING_KAFKA, MESSAGING_OPTIONS, TopicNames],
          useFactory: (ds: DataSource, kafka: Kafka, o: MessagingOptions, t: TopicNames) =>
            o.consumer
              ? new IntegrationEventConsumer(ds, kafka, {
                  ...o.consumer,
                  topicNames: t,
                  retry: o.retry,
                  // a consumer dead for good (every rebuild failed) must not leave a deaf service running
                  onFatal: (e) =>
                    exitForSupervisor(
                      new Logger('Messaging'),
                      `consumer group ${o.consumer!.groupId} is dead (${errorMessage(e)})`,
                    ),
                })
              : null,
        },
        MessagingRuntime,
        KafkaHealthIndicator,
      ],
      exports: [
        MESSAGING_OPTIONS,
        MESSAGING_KAFKA,
        MESSAGING_CONSUMER,
        TopicNames,
        OutboxWriter,
        TransactionalOutbox,
        OutboxRelay,
        KafkaHealthIndicator,
      ],
    };
  }
}
