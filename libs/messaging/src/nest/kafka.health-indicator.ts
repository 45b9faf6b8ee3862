import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import { errorMessage } from '../errors';
import type { ConsumerHealth, IntegrationEventConsumer } from '../inbox/integration-event.consumer';
import { MESSAGING_CONSUMER } from './messaging.runtime';
import { APP_CONSUMER_SOURCE, MESSAGING_HEALTH_KAFKA } from './tokens';

/**
 * A consumer group built by the app itself rather than by MessagingModule (audit's ledger ingestion): its group
 * id, the contract topics it reads (TopicName keys), and its health. Provide it under APP_CONSUMER_SOURCE (any
 * module of the app): /health (KafkaHealthIndicator) and the `casebridge_consumer_lag` metric both find it there.
 */
export interface ConsumerSource {
  readonly groupId: string;
  readonly topics: readonly string[];
  health(): ConsumerHealth;
}

function notConsuming(c: ConsumerHealth): string {
  return `consumer group ${c.groupId} is not consuming (${c.status} since ${c.since})${c.lastError ? `: ${c.lastError}` : ''}`;
}

/**
 * Terminus indicator: the Kafka cluster answers a describeCluster through a fresh admin connection
 * within the timeout, AND the app's consumer group (if it has one) is consuming or joining — a consumer
 * kafkajs crashed (restarting or given up) is `down`, with its group id, status and last error under
 * `consumer`, even while the cluster answers. The consumer is MessagingModule's, or else the one an app module
 * provides under APP_CONSUMER_SOURCE (looked up across the app, as the metrics do). Give it a client without connection retries (MessagingModule does): kafkajs
 * retries connections at the client level, and a retrying connect would outlive a failed check.
 */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(MESSAGING_HEALTH_KAFKA) private readonly kafka: Kafka,
    private readonly health: HealthIndicatorService,
    @Optional() @Inject(MESSAGING_CONSUMER) private readonly consumer: IntegrationEventConsumer | null = null,
    @Optional() @Inject(ModuleRef) private readonly moduleRef: ModuleRef | null = null,
  ) {}

  /** MessagingModule's consumer, or the app-built one provided under APP_CONSUMER_SOURCE; none for a producer-only app */
  private consumerSource(): Pick<ConsumerSource, 'health'> | null {
    if (this.consumer || !this.moduleRef) return this.consumer;
    try {
      return this.moduleRef.get<ConsumerSource>(APP_CONSUMER_SOURCE, { strict: false });
    } catch {
      return null;
    }
  }

  async isHealthy<const Key extends string = 'kafka'>(
    key: Key = 'kafka' as Key,
    timeoutMs = 3000,
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    const consumer = this.consumerSource()?.health();
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    let timer: NodeJS.Timeout | undefined;
    try {
      const cluster = await Promise.race([
        (async () => {
          await admin.connect();
          return admin.describeCluster();
        })(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      const clusterInfo = {
        clusterId: cluster.clusterId,
        brokers: cluster.brokers.length,
        controller: cluster.controller,
      };
      if (!consumer || consumer.healthy) return indicator.up({ ...clusterInfo, ...(consumer && { consumer }) });
      return indicator.down({ ...clusterInfo, consumer, message: notConsuming(consumer) });
    } catch (e) {
      const message = consumer && !consumer.healthy ? `${errorMessage(e)}; ${notConsuming(consumer)}` : errorMessage(e);
      return indicator.down({ message, ...(consumer && { consumer }) });
    } finally {
      clearTimeout(timer);
      void admin.disconnect().catch(() => undefined);
    }
  }
}
