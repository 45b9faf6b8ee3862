/**
 * Messaging metrics of a service, read when Prometheus scrapes (nothing is polled in between):
 *
 *   casebridge_outbox_backlog                              unpublished outbox rows (events)
 *   casebridge_outbox_oldest_unpublished_age_seconds        age of the oldest of them (seconds; 0 when none): the relay stalls when it grows
 *   casebridge_consumer_lag{group,topic}                   events on the topic the consumer group has not committed yet
 *   casebridge_dead_letter_topic_messages                  events retained on the dead-letter topic (all groups of the deployment)
 *   casebridge_consumer_events_total{group,outcome}        events the group handled since start: applied, duplicate
 *                                                          (inbox duplicates skipped), ignored, dead-lettered
 *
 * Parked events (an event that cannot be applied yet): when libs/messaging keeps them in a table, add its count
 * here as `casebridge_parked_events{group}`, read like the outbox backlog (the alert rules and the dashboard
 * already show it once it exists).
 */
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Admin, Kafka } from 'kafkajs';
import { Counter, register, type Gauge } from 'prom-client';
import { scrapeGauge } from './scrape-gauge';
import {
  APP_CONSUMER_SOURCE,
  MESSAGING_KAFKA,
  MESSAGING_OPTIONS,
  OutboxRelay,
  TopicNames,
  type ConsumerSource,
  type MessagingOptions,
  type ProcessedMessage,
} from '@casebridge/messaging';

const COLLECT_TIMEOUT_MS = 3000;

/** Per-outcome counter of the consumer group, fed by the consumer's onProcessed hook (platform messagingModule). */
const consumerEvents: Counter<'group' | 'outcome'> =
  (register.getSingleMetric('casebridge_consumer_events_total') as Counter<'group' | 'outcome'> | undefined) ??
  new Counter({
    name: 'casebridge_consumer_events_total',
    help: 'Events the consumer group handled since start, by outcome (applied, duplicate = inbox duplicate skipped, ignored, dead-lettered)',
    labelNames: ['group', 'outcome'],
  });

/** The consumer's onProcessed hook: counts every committed message by outcome. */
export function countProcessed(group: string): (m: ProcessedMessage) => void {
  return (m) => consumerEvents.inc({ group, outcome: m.outcome });
}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what}: no answer within ${COLLECT_TIMEOUT_MS} ms`)),
        COLLECT_TIMEOUT_MS,
      );
    }),
  ]);
}

@Injectable()
export class MessagingMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly gauges: Gauge<string>[] = [];
  private admin?: Promise<Admin>;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** After every module's providers exist: registers the gauges for the messaging this app has. */
  onModuleInit(): void {
    const relay = this.optional<OutboxRelay>(OutboxRelay);
    if (relay) {
      let oldest = 0;
      this.gauge('casebridge_outbox_backlog', 'Unpublished outbox rows (events)', [], async (g) => {
        const b = await withTimeout(relay.backlog(), 'outbox backlog');
        oldest = b.oldestCreatedAt ? Math.max(0, (Date.now() - b.oldestCreatedAt.getTime()) / 1000) : 0;
        g.set(b.unpublished);
      });
      // read in the same query as the backlog (collect order = registration order)
      this.gauge(
        'casebridge_outbox_oldest_unpublished_age_seconds',
        'Age of the oldest unpublished outbox row (seconds; 0 when none)',
        [],
        (g) => {
          g.set(oldest);
        },
      );
    }
    const options = this.optional<MessagingOptions>(MESSAGING_OPTIONS);
    const kafka = this.optional<Kafka>(MESSAGING_KAFKA);
    const topics = this.optional<TopicNames>(TopicNames);
    if (options && kafka && topics) {
      // MessagingModule's consumer, or one the app builds itself (audit's ledger ingestion)
      const consumer = options.consumer ?? this.optional<ConsumerSource>(APP_CONSUMER_SOURCE);
      if (consumer) {
        this.gauge(
          'casebridge_consumer_lag',
          'Events on a topic the consumer group has not committed yet',
          ['group', 'topic'],
          async (g) => {
            const admin = await this.kafkaAdmin(kafka);
            const names = consumer.topics.map((t) => topics.resolve(t as Parameters<TopicNames['resolve']>[0]));
            const committed = await withTimeout(
              admin.fetchOffsets({ groupId: consumer.groupId, topics: names }),
              'committed offsets',
            );
            g.reset();
            for (const t of committed) {
              const ends = await withTimeout(admin.fetchTopicOffsets(t.topic), `offsets of ${t.topic}`);
              let lag = 0;
              for (const end of ends) {
                const c = Number(t.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
                lag += Number(end.high) - (c >= 0 ? c : Number(end.low));
              }
              g.set({ group: consumer.groupId, topic: t.topic }, lag);
            }
          },
        );
      }
      this.gauge('casebridge_dead_letter_topic_messages', 'Events retained on the dead-letter topic', [], async (g) => {
        const admin = await this.kafkaAdmin(kafka);
        const ends = await withTimeout(admin.fetchTopicOffsets(topics.deadLetter), 'dead-letter offsets');
        g.set(ends.reduce((n, p) => n + Number(p.high) - Number(p.low), 0));
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const g of this.gauges) register.removeSingleMetric((g as unknown as { name: string }).name);
    this.gauges.length = 0;
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await admin.then((a) => a.disconnect()).catch(() => undefined);
  }

  private optional<T>(token: unknown): T | undefined {
    try {
      return this.moduleRef.get<T>(token as never, { strict: false });
    } catch {
      return undefined;
    }
  }

  private kafkaAdmin(kafka: Kafka): Promise<Admin> {
    this.admin ??= (async () => {
      const a = kafka.admin();
      await a.connect();
      return a;
    })().catch((e: unknown) => {
      this.admin = undefined;
      throw e;
    });
    return this.admin;
  }

  private gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: (g: Gauge<L>) => Promise<void> | void,
  ): void {
    this.gauges.push(scrapeGauge(name, help, labelNames, read));
  }
}
