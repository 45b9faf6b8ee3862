import { ConfigService } from '@nestjs/config';
import { MessagingModule, type MessagingOptions } from '@casebridge/messaging';
import type { ProducerKind, TopicName } from '@casebridge/contracts';
import type { DynamicModule } from '@nestjs/common';
import { BaseEnv } from './env';
import { countProcessed } from './metrics/messaging.metrics';
import { readEnv } from './service';

/**
 * The service's Kafka plumbing (outbox, relay, inbox consumer) configured from the validated env.
 * `agencyId` is the service's own producer id, used for acts of the service itself; events an officer
 * causes carry the officer's own agency (publishAs).
 */
export function messagingModule(spec: {
  service: string;
  producer: { kind: ProducerKind; agencyId: string };
  consumes?: TopicName[];
  /** A later event of a case waits behind an earlier parked one of its partition (the workflow bridge: see IntegrationEventConsumerOptions.parking). */
  waitBehindParked?: boolean;
}): DynamicModule {
  return MessagingModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService): MessagingOptions => {
      const env = readEnv(config, BaseEnv);
      // the topic suffix isolates test systems sharing one broker: their groups must differ too
      const groupId = `casebridge-${spec.service}${env.CASEBRIDGE_TOPIC_SUFFIX ? `.${env.CASEBRIDGE_TOPIC_SUFFIX}` : ''}`;
      return {
        brokers: env.CASEBRIDGE_KAFKA_BROKERS.split(','),
        clientId: `casebridge-${spec.service}`,
        producer: spec.producer,
        // An event may overtake the one it depends on when they travel on different topics (a police act
        // before the enforcement event that opened the transfer): retry for about a minute before the
        // dead-letter topic.
        retry: { attempts: 10, baseMs: 250, maxMs: 10_000 },
        topicSuffix: env.CASEBRIDGE_TOPIC_SUFFIX || undefined,
        ...(spec.consumes?.length
          ? {
              consumer: {
                groupId,
                topics: spec.consumes,
                fromBeginning: true,
                onProcessed: countProcessed(groupId),
                sessionTimeout: env.CASEBRIDGE_CONSUMER_SESSION_TIMEOUT_MS,
                heartbeatInterval: Math.max(1000, Math.floor(env.CASEBRIDGE_CONSUMER_SESSION_TIMEOUT_MS / 10)),
                // Partitions in parallel (order holds within each): a message waiting for an event that is still
                // on another topic must not hold up that other topic.
                partitionsConsumedConcurrently: 6,
                // Within a partition, the events of different linked cases in parallel (each case in order); at most 6
                // messages in flight in all, each holding one of the pool's 10 connections (relay, LISTEN, HTTP keep the rest).
                keyConcurrency: 4,
                maxInFlight: 6,
                ...(spec.waitBehindParked ? { parking: { waitBehindParked: true } } : {}),
              },
            }
          : {}),
      };
    },
  });
}
