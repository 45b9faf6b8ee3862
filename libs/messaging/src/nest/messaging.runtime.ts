import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { MessagingOptions } from '../config/messaging.options';
import { IntegrationEventConsumer } from '../inbox/integration-event.consumer';
import type { HandlerContext } from '../inbox/integration-event-handler';
import { OutboxRelay } from '../outbox/outbox.relay';
import { integrationEventTypesOf, isOutsideInboxTransaction } from './on-integration-event.decorator';
import { MESSAGING_OPTIONS } from './tokens';

interface DiscoveredHandler {
  name: string;
  types: string[];
  /** @OutsideInboxTransaction: registered as an effect (called without a manager). */
  outsideTransaction: boolean;
  handle(e: IntegrationEventEnvelope<object>, m: EntityManager | undefined, c: HandlerContext): Promise<void>;
}

/** Consumer of the app, or null when MessagingOptions.consumer is not set. */
export const MESSAGING_CONSUMER = Symbol('casebridge:messaging-consumer');

/**
 * Ends the process so that its supervisor (systemd, Kubernetes, docker restart policy) starts it again:
 * shutdown hooks run (SIGTERM), the exit code is 1. For a consumer that cannot start or is dead for good.
 */
export function exitForSupervisor(logger: Logger, reason: string): void {
  logger.error(`${reason}: exiting so that the supervisor restarts the service`);
  process.exitCode = 1;
  process.kill(process.pid, 'SIGTERM');
}

/**
 * Runs the messaging of a Nest app: at bootstrap registers every @OnIntegrationEvent method with
 * the consumer and starts it, and starts the relay; stops both before the DataSource closes.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private started = false;

  private consumerStart?: Promise<void>;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly relay: OutboxRelay,
    @Inject(MESSAGING_CONSUMER) private readonly consumer: IntegrationEventConsumer | null,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.discoverHandlers();
    if (handlers.length && !this.consumer) {
      throw new Error(
        `@OnIntegrationEvent handlers found (${handlers.map((h) => h.name).join(', ')}) but MessagingOptions.consumer is not set`,
      );
    }
    for (const h of handlers) {
      if (h.outsideTransaction) this.consumer!.registerEffect(h.types, (e, c) => h.handle(e, undefined, c));
      else this.consumer!.register(h.types, h.handle);
    }
    this.started = true;
    if (this.options.relay?.enabled !== false) await this.relay.start();
    // Joining the consumer group can take a session timeout after a crash (the dead member still holds its
    // partitions): the service answers HTTP meanwhile and catches up once it has joined. A consumer that
    // cannot start at all stops the process, so a supervisor restarts it instead of leaving a deaf service.
    this.consumerStart = this.consumer?.start().catch((e: unknown) => {
      exitForSupervisor(this.logger, `the Kafka consumer could not start: ${(e as Error).message}`);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop(); // no-op when beforeApplicationShutdown ran
  }

  private async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.consumerStart;
    await Promise.all([this.consumer?.stop(), this.relay.stop()]);
    this.logger.log('messaging stopped');
  }

  private discoverHandlers(): DiscoveredHandler[] {
    const found: DiscoveredHandler[] = [];
    const seen = new Map<Function, Set<string>>(); // a class provided in two modules has two instances: register it once
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        const types = integrationEventTypesOf(fn);
        if (!types.length) continue;
        const name = `${instance.constructor.name}.${method}`;
        const methods = seen.get(instance.constructor) ?? new Set<string>();
        if (methods.has(method)) {
          this.logger.warn(`${name} is provided more than once; its handler is registered once`);
          continue;
        }
        seen.set(instance.constructor, methods.add(method));
        found.push({
          name,
          types,
          outsideTransaction: isOutsideInboxTransaction(fn),
          handle: (e, m, c) =>
            (fn as (e: unknown, m: EntityManager | undefined, c: HandlerContext) => Promise<void>).call(
              instance,
              e,
              m,
              c,
            ),
        });
      }
    }
    return found;
  }
}
