import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import { errorMessage } from '../errors';
import { MESSAGING_HEALTH_KAFKA } from './tokens';

/**
 * Terminus indicator: the Kafka cluster answers a describeCluster through a fresh admin connection
 * within the timeout. Give it a client without connection retries (MessagingModule does): kafkajs
 * retries connections at the client level, and a retrying connect would outlive a failed check.
 */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(MESSAGING_HEALTH_KAFKA) private readonly kafka: Kafka,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy<const Key extends string = 'kafka'>(key: Key = 'kafka' as Key, timeoutMs = 3000): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    let timer: NodeJS.Timeout | undefined;
    try {
      const cluster = await Promise.race([
        (async () => { await admin.connect(); return admin.describeCluster(); })(),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); }),
      ]);
      return indicator.up({ clusterId: cluster.clusterId, brokers: cluster.brokers.length, controller: cluster.controller });
    } catch (e) {
      return indicator.down({ message: errorMessage(e) });
    } finally {
      clearTimeout(timer);
      void admin.disconnect().catch(() => undefined);
    }
  }
}
