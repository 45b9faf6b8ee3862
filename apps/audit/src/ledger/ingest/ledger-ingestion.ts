import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { ALL_EVENT_DEFINITIONS, Topics, type IntegrationEventEnvelope, type TopicName } from '@casebridge/contracts';
import {
  IntegrationEventConsumer,
  MESSAGING_KAFKA,
  TopicNames,
  type ConsumerHealth,
  type ConsumerSource,
  type HandlerContext,
} from '@casebridge/messaging';
import { readEnv } from '@casebridge/platform';
import { AuditEnv } from '../../audit.env';
import { runnerOfManager } from '../../shared/sql';
import { appendEntry, type ReceivedEnvelope } from '../ledger.store';
import { CHECKPOINT_SIGNER } from '../ledger.tokens';
import type { CheckpointSigner } from '../signing/signing-key';
import { WireCapturingRegistry } from './wire-capturing.registry';

/** Every producer topic of the system (the audit service's own topic carries nothing to audit). */
export const LEDGER_TOPICS: TopicName[] = [
  Topics.enforcement,
  Topics.police,
  Topics.procuratorate,
  Topics.court,
  Topics.workflow,
  Topics.supervision,
];
export const LEDGER_GROUP = 'casebridge-audit';

/** Every integration-event type of the contracts (all versions decode to their type's latest). */
export function allEventTypes(): string[] {
  return [...new Set(ALL_EVENT_DEFINITIONS.map((d) => d.type))].sort();
}

/**
 * Appends every integration event of every topic to the ledger, exactly once: the append runs inside the
 * messaging inbox transaction (INSERT inbox … ON CONFLICT DO NOTHING, then the handler, then COMMIT, then
 * the Kafka offset), and event_id is unique in the ledger as well. Invalid messages never get here: the
 * consumer dead-letters them (see libs/messaging README).
 *
 * The consumer is the library's IntegrationEventConsumer, built here rather than by MessagingModule
 * because it must be given a registry that keeps the wire form of each envelope (the ledger stores the
 * envelope as received, not the upcast one the handlers are handed).
 */
@Injectable()
export class LedgerIngestion implements OnApplicationBootstrap, BeforeApplicationShutdown, ConsumerSource {
  private readonly logger = new Logger(LedgerIngestion.name);
  private consumer: IntegrationEventConsumer | null = null;
  private readonly registry = new WireCapturingRegistry(ALL_EVENT_DEFINITIONS);
  private readonly checkpointEvery: number;
  private readonly sessionTimeout: number;
  private readonly createdAt = new Date().toISOString();
  /** the ledger's consumer group (ConsumerSource: /health and the lag metric) */
  readonly groupId: string;
  readonly topics: readonly TopicName[] = LEDGER_TOPICS;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    private readonly topicNames: TopicNames,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
    config: ConfigService,
  ) {
    const env = readEnv(config, AuditEnv);
    this.checkpointEvery = env.CASEBRIDGE_AUDIT_CHECKPOINT_EVERY;
    this.sessionTimeout = env.CASEBRIDGE_CONSUMER_SESSION_TIMEOUT_MS;
    // isolated topics get an isolated group: two systems on one broker must never share a group (they would be
    // assigned each other's partitions, which neither consumes)
    this.groupId = env.CASEBRIDGE_TOPIC_SUFFIX ? `${LEDGER_GROUP}.${env.CASEBRIDGE_TOPIC_SUFFIX}` : LEDGER_GROUP;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new IntegrationEventConsumer(this.dataSource, this.kafka, {
      groupId: this.groupId,
      topics: LEDGER_TOPICS,
      topicNames: this.topicNames,
      registry: this.registry,
      fromBeginning: true,
      sessionTimeout: this.sessionTimeout,
      heartbeatInterval: Math.max(1000, Math.floor(this.sessionTimeout / 10)),
      logger: new Logger(`IntegrationEventConsumer:${this.groupId}`),
    });
    this.consumer.register(allEventTypes(), (event, manager, context) => this.record(event, manager, context));
    await this.consumer.start();
  }

  /** The ledger consumer's status for /health: `stopped` until the application has bootstrapped it. */
  health(): ConsumerHealth {
    return (
      this.consumer?.health() ?? {
        groupId: this.groupId,
        status: 'stopped',
        healthy: false,
        since: this.createdAt,
        crashes: 0,
      }
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = null;
  }

  private async record(
    event: IntegrationEventEnvelope<object>,
    manager: EntityManager,
    context: HandlerContext,
  ): Promise<void> {
    // Not upcast: the decoded envelope has the wire content. Upcast: only the captured wire form has it.
    const received: ReceivedEnvelope | undefined =
      this.registry.wireOf(event) ?? (context.upcastFrom === null ? { raw: JSON.stringify(event) } : undefined);
    if (!received)
      throw new Error(`${event.type} ${event.eventId}: the wire form of an upcast event was lost; not recorded`);
    const result = await appendEntry(runnerOfManager(manager), received, {
      signer: this.signer,
      checkpointEvery: this.checkpointEvery,
    });
    if (result.appended) {
      this.logger.debug?.(
        `ledger ${result.entry.seq}: ${result.entry.linkedCaseId}#${result.entry.caseSeq} ${event.type} from ${context.topic}/${context.partition}/${context.offset}`,
      );
    } else {
      this.logger.warn(
        `${event.type} ${event.eventId} is already in the ledger (seq ${result.seq}); not recorded twice`,
      );
    }
  }
}
