import { Logger, type LoggerService } from '@nestjs/common';
import {
  eventRegistry,
  topicOf,
  type EventRegistry,
  type IntegrationEventEnvelope,
  type TopicName,
} from '@casebridge/contracts';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  errorMessage,
  isInfrastructureError,
  isNonRetryable,
  isRecordNotYetKnown,
  isTransientConflict,
  RecordNotYetKnownError,
} from '../errors';
import { failpoint } from '../failpoints/failpoint';
import { createReliableProducer } from '../kafka/kafka-client';
import { backoffDelay, sleep } from '../retry/backoff';
import { TopicNames } from '../topics/topic-names';
import { consumeInSpan } from '../tracing/message-tracing';
import { deadLetterHeaders, deadLetterRecord, type DeadLetterReason, type DeadLetterRecord } from './dead-letter';
import { hasEarlierParked } from './parked-event.entity';
import type { HandlerContext, IntegrationEventEffect, IntegrationEventHandler } from './integration-event-handler';
import { groupByKey, OffsetWatermark, runGroups, Semaphore } from './keyed-batch';

export interface ConsumerRetryOptions {
  /** Tries per message, the first included (default 5). */
  attempts?: number;
  /** Delay after the first failure, doubled each time (default 200 ms). */
  baseMs?: number;
  /** Cap of one delay (default 10 s). */
  maxMs?: number;
  /**
   * Errors that retrying cannot fix, dead-lettered at once like NonRetryableError — e.g.
   * `(e) => e instanceof DomainError` to treat every business refusal as final. Default: none.
   */
  nonRetryable?: (error: unknown) => boolean;
}

/**
 * Where the consumer group stands (GET /health reports it):
 *  - `joining`: started, the group is not joined yet (after a crash of a member this takes up to a session timeout);
 *  - `consuming`: joined, messages flow;
 *  - `crashed`: kafkajs crashed and restarts the consumer by itself (broker away, topic deleted …): not consuming;
 *  - `failed`: kafkajs gave up (a crash with `restart: false`); this class rebuilds the consumer with backoff
 *    and, after `recovery.attempts` failed rebuilds, calls `onFatal` (the Nest runtime exits the process);
 *  - `stopped`: never started, or stopped.
 */
export type ConsumerStatus = 'stopped' | 'joining' | 'consuming' | 'crashed' | 'failed';

export interface ConsumerHealth {
  groupId: string;
  status: ConsumerStatus;
  /** `consuming` or `joining` (the group is expected to be joined soon). */
  healthy: boolean;
  /** Instant of the last status change (ISO 8601, UTC). */
  since: string;
  /** Crashes since start (restarted by kafkajs or rebuilt here). */
  crashes: number;
  lastError?: string;
}

export type ProcessOutcome = 'applied' | 'duplicate' | 'ignored' | 'parked' | 'dead-lettered';

export interface ProcessedMessage {
  outcome: ProcessOutcome;
  topic: string;
  partition: number;
  offset: string;
  eventId?: string;
  type?: string;
  linkedCaseId?: string;
  deadLetter?: DeadLetterRecord;
  /** Parked events of the same case applied right after this one (its record arrived). */
  unparked?: number;
}

export interface IntegrationEventConsumerOptions {
  groupId: string;
  /** Base topic names (contracts `Topics`); resolved through `topicNames`. */
  topics: readonly TopicName[];
  topicNames?: TopicNames;
  /** Where a new group starts (default true: from the oldest retained event; the inbox absorbs replays). */
  fromBeginning?: boolean;
  retry?: ConsumerRetryOptions;
  /** kafkajs group settings. */
  sessionTimeout?: number;
  heartbeatInterval?: number;
  rebalanceTimeout?: number;
  /** Partitions processed in parallel. Default 1. */
  partitionsConsumedConcurrently?: number;
  /**
   * Keys (linked cases) of one partition's batch processed in parallel; the events of one key stay in order.
   * Default 4; 1 processes a partition one event at a time.
   */
  keyConcurrency?: number;
  /**
   * Messages in flight across all partitions (each holds a pooled database connection while its inbox
   * transaction runs): keep it below the pool size. Default partitionsConsumedConcurrently × keyConcurrency.
   */
  maxInFlight?: number;
  registry?: EventRegistry;
  /** Called after each message's offset is committed, in offset order per partition (metrics, tests). Errors are ignored. */
  onProcessed?: (m: ProcessedMessage) => void;
  /**
   * Parked events (RecordNotYetKnownError): re-driven after every applied event of the same linked case
   * and, for records created otherwise (an HTTP command), by a sweep every `sweepMs` (default 30 s; 0: off).
   *
   * Before a later event of a key (linked case) is applied, an earlier parked one of its partition whose record
   * arrived meanwhile is re-driven first: one indexed SELECT per event, only while the group has unapplied
   * parked rows (counted in memory, recounted on every group join and sweep).
   *
   * `waitBehindParked` (default false): if the earlier one still cannot be applied, the later one is parked
   * behind it, so the handlers see a producer's order across parking (the workflow bridge: a decision
   * signalled before its receipt would skip the filing review). Only for handlers whose records are never
   * created by a later event of the same partition than one that needs them (else the two wait on each other
   * until the sweep finds nothing to do); off, the later event is applied at once.
   */
  parking?: { sweepMs?: number; waitBehindParked?: boolean };
  /**
   * Rebuilding the consumer after a crash kafkajs does not restart from (`restart: false`): up to `attempts`
   * rebuilds in a row (default 5), `baseMs`… doubled up to `maxMs` apart (defaults 1 s, 30 s).
   */
  recovery?: { attempts?: number; baseMs?: number; maxMs?: number };
  /**
   * Called when the consumer is dead for good (every rebuild failed): the process should exit so its
   * supervisor restarts it. Default: log only (the status stays `failed`, /health says so).
   */
  onFatal?: (error: unknown) => void;
  /** Producer for the dead-letter topic owned by the caller; default: an own idempotent producer. */
  deadLetterProducer?: Producer;
  logger?: LoggerService;
}

/**
 * Consumes integration events into a consumer group, exactly-once in effect:
 *   decode + validate (contracts registry, upcasting) → failure: dead-letter topic at once;
 *   → effects outside the database (registerEffect: idempotent by event id), unless the inbox has the event;
 *   → ONE transaction: INSERT inbox (group, event id) ON CONFLICT DO NOTHING; if new, run the
 *     handlers with the transaction's manager; COMMIT
 *   → only then may the Kafka offset move past it (autoCommit is off).
 * Order is kept per Kafka key (the linked case), not per partition: a partition's batch is grouped by key,
 * `keyConcurrency` keys at a time, each key's events one after another; the committed offset is the
 * lowest one not done yet (keyed-batch.ts), committed as it advances, and heartbeats go on meanwhile.
 * A crash between the commit and the offset commit redelivers the message; the inbox row makes
 * the redelivery a no-op. A handler that throws RecordNotYetKnownError (the record the event refers to
 * has not arrived yet) gets its event parked (`parked_event`, with the inbox row, one transaction) and
 * applied in arrival order once the record exists — never dead-lettered for being early; before a later event of
 * the same case and partition is applied, the parked ones are re-driven (they go first if their record has arrived). Handler errors are retried with exponential backoff, then dead-lettered;
 * database/network outages are never dead-lettered (the message stays uncommitted and is retried).
 */
export class IntegrationEventConsumer {
  private readonly logger: LoggerService;
  private readonly handlers = new Map<string, IntegrationEventHandler[]>();
  private readonly effects = new Map<string, IntegrationEventEffect[]>();
  private readonly keyConcurrency: number;
  private readonly inFlight: Semaphore;
  private readonly registry: EventRegistry;
  private readonly topicNames: TopicNames;
  private readonly retry: Required<Omit<ConsumerRetryOptions, 'nonRetryable'>> &
    Pick<ConsumerRetryOptions, 'nonRetryable'>;
  private consumer: Consumer;
  private readonly kafka: Kafka;
  private state: Omit<ConsumerHealth, 'groupId' | 'healthy'> = {
    status: 'stopped',
    since: new Date().toISOString(),
    crashes: 0,
  };
  private recovering: Promise<void> | undefined;
  private sweep: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> = Promise.resolve();
  private readonly dlqProducer: Producer;
  private readonly ownsDlqProducer: boolean;
  private stopping: AbortController | undefined;
  private started = false;
  /**
   * Unapplied parked rows of the group as far as this member knows (its own parks minus its own re-drives,
   * recounted from the table on each group join and sweep); null while unknown. An overcount only costs a
   * query; an undercount cannot happen for the partitions this member owns (they were counted at the join).
   */
  private parkedRows: number | null = null;
  /** Parks finished so far, and parks under way: a recount that overlaps one may miss it (the count stays unknown). */
  private parks = 0;
  private parksInFlight = 0;

  constructor(
    private readonly dataSource: DataSource,
    kafka: Kafka,
    private readonly options: IntegrationEventConsumerOptions,
  ) {
    this.logger = options.logger ?? new Logger(`IntegrationEventConsumer:${options.groupId}`);
    this.registry = options.registry ?? eventRegistry;
    this.topicNames = options.topicNames ?? new TopicNames();
    this.retry = { attempts: 5, baseMs: 200, maxMs: 10_000, ...options.retry };
    if (!options.groupId) throw new Error('IntegrationEventConsumer: groupId is required');
    if (!options.topics.length) throw new Error('IntegrationEventConsumer: subscribe to at least one topic');
    for (const t of options.topics) this.topicNames.resolve(t); // throws for a non-contract topic
    if (!Number.isInteger(this.retry.attempts) || this.retry.attempts < 1)
      throw new Error('retry.attempts must be an integer ≥ 1');
    this.keyConcurrency = options.keyConcurrency ?? 4;
    if (!Number.isInteger(this.keyConcurrency) || this.keyConcurrency < 1)
      throw new Error('keyConcurrency must be an integer ≥ 1');
    this.inFlight = new Semaphore(
      options.maxInFlight ?? (options.partitionsConsumedConcurrently ?? 1) * this.keyConcurrency,
    );
    this.kafka = kafka;
    this.consumer = this.createConsumer();
    this.ownsDlqProducer = !options.deadLetterProducer;
    this.dlqProducer = options.deadLetterProducer ?? createReliableProducer(kafka);
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** The group's status, for health checks (see ConsumerStatus). */
  health(): ConsumerHealth {
    const healthy = this.state.status === 'consuming' || this.state.status === 'joining';
    return { groupId: this.groupId, healthy, ...this.state };
  }

  /** Types that have at least one handler or effect. */
  get handledTypes(): string[] {
    return [...new Set([...this.handlers.keys(), ...this.effects.keys()])].sort();
  }

  /** Registers a handler (run in the inbox transaction) for one or more event types (before start()). */
  register<P extends object = object>(types: string | readonly string[], handler: IntegrationEventHandler<P>): this {
    return this.add(this.handlers, types, handler as IntegrationEventHandler);
  }

  /**
   * Registers an effect outside the database, idempotent by event id (see IntegrationEventEffect), for one or
   * more event types (before start()): it runs before the inbox transaction, never inside it.
   */
  registerEffect<P extends object = object>(
    types: string | readonly string[],
    effect: IntegrationEventEffect<P>,
  ): this {
    return this.add(this.effects, types, effect as IntegrationEventEffect);
  }

  private add<F>(map: Map<string, F[]>, types: string | readonly string[], fn: F): this {
    if (this.started) throw new Error('register handlers before start()');
    for (const type of typeof types === 'string' ? [types] : types) {
      if (!this.registry.latestOf(type))
        throw new Error(`cannot handle '${type}': no such integration event in the contracts`);
      map.set(type, [...(map.get(type) ?? []), fn]);
    }
    return this;
  }

  /** Connects, subscribes and starts consuming; resolves once the group is joined. */
  async start(): Promise<void> {
    if (this.started) return;
    this.checkSubscriptions();
    this.started = true;
    this.stopping = new AbortController();
    this.setStatus('joining');
    await this.dlqProducer.connect();
    await this.run(this.consumer);
    const sweepMs = this.options.parking?.sweepMs ?? 30_000;
    if (sweepMs > 0) {
      this.sweep = setInterval(() => {
        this.sweeping = this.redrive()
          .then(() => this.recountParked())
          .catch((e: unknown) => this.logger.warn?.(`re-driving parked events: ${errorMessage(e)}`));
      }, sweepMs);
      this.sweep.unref();
    }
    this.logger.log(
      `consuming ${this.subscribedTopics().join(', ')} (handlers: ${this.handledTypes.join(', ') || 'none'})`,
    );
  }

  /** Counts the group's unapplied parked rows afresh (unknown, hence queried, until the count is read). */
  private async recountParked(): Promise<void> {
    this.parkedRows = null;
    const parksBefore = this.parks;
    const quiet = this.parksInFlight === 0;
    try {
      const [row] = (await this.dataSource.query(
        'SELECT count(*)::int AS n FROM parked_event WHERE consumer_group = $1 AND applied_at IS NULL',
        [this.groupId],
      )) as { n: number }[];
      if (quiet && this.parksInFlight === 0 && this.parks === parksBefore) this.parkedRows ??= row?.n ?? null;
    } catch (e) {
      this.logger.warn?.(`counting parked events: ${errorMessage(e)}`);
    }
  }

  /** An earlier event of the case from this partition waits parked in the group (no query while none is parked). */
  private async earlierParked(
    at: { consumerGroup: string; topic: string; partition: number; offset: string },
    linkedCaseId: string,
  ): Promise<boolean> {
    if (this.parkedRows === 0) return false;
    return hasEarlierParked(this.dataSource, at, linkedCaseId);
  }

  private subscribedTopics(): string[] {
    return this.options.topics.map((t) => this.topicNames.resolve(t));
  }

  private createConsumer(): Consumer {
    const o = this.options;
    const consumer = this.kafka.consumer({
      groupId: o.groupId,
      allowAutoTopicCreation: false,
      ...(o.sessionTimeout !== undefined && { sessionTimeout: o.sessionTimeout }),
      ...(o.heartbeatInterval !== undefined && { heartbeatInterval: o.heartbeatInterval }),
      ...(o.rebalanceTimeout !== undefined && { rebalanceTimeout: o.rebalanceTimeout }),
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      if (consumer !== this.consumer || !this.started) return;
      const partitions = Object.values(payload.memberAssignment).reduce((n, p) => n + p.length, 0);
      this.logger.log(
        `joined group ${payload.groupId} in ${payload.duration} ms as ${payload.memberId} (${partitions} partitions)`,
      );
      this.setStatus('consuming');
      void this.recountParked();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (consumer !== this.consumer || !this.started) return;
      this.state.crashes++;
      const detail = errorMessage(payload.error);
      if (payload.restart) {
        this.logger.warn?.(`consumer group ${payload.groupId} crashed, kafkajs restarts it: ${detail}`);
        this.setStatus('crashed', detail);
      } else {
        this.logger.error(`consumer group ${payload.groupId} crashed and was not restarted: ${detail}; rebuilding it`);
        this.setStatus('failed', detail);
        this.recovering ??= this.recover(payload.error).finally(() => {
          this.recovering = undefined;
        });
      }
    });
    return consumer;
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: this.subscribedTopics(), fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.onBatch(consumer, payload),
    });
  }

  /** A consumer kafkajs gave up on is rebuilt (new member, same group: the committed offsets hold). */
  private async recover(cause: unknown): Promise<void> {
    const attempts = this.options.recovery?.attempts ?? 5;
    let last: unknown = cause;
    for (let attempt = 1; attempt <= attempts && this.started; attempt++) {
      const delay = backoffDelay(attempt, {
        baseMs: this.options.recovery?.baseMs ?? 1000,
        maxMs: this.options.recovery?.maxMs ?? 30_000,
      });
      await sleep(delay, this.stopping?.signal);
      if (!this.started) return;
      await this.consumer.disconnect().catch(() => undefined);
      const next = this.createConsumer();
      this.consumer = next;
      try {
        await this.run(next);
        this.logger.log(`consumer group ${this.groupId} rebuilt (attempt ${attempt}); joining`);
        if (this.state.status === 'failed') this.setStatus('joining');
        return;
      } catch (e) {
        last = e;
        this.setStatus('failed', errorMessage(e));
        this.logger.error(
          `rebuilding consumer group ${this.groupId} failed (attempt ${attempt} of ${attempts}): ${errorMessage(e)}`,
        );
      }
    }
    if (!this.started) return;
    this.logger.error(`consumer group ${this.groupId} is dead: ${errorMessage(last)}`);
    if (this.options.onFatal) this.options.onFatal(last);
  }

  private setStatus(status: ConsumerStatus, lastError?: string): void {
    if (this.state.status !== status) this.state.since = new Date().toISOString();
    this.state.status = status;
    if (lastError !== undefined) this.state.lastError = lastError;
  }

  /** Stops consuming (the message in progress finishes or is left uncommitted) and disconnects. Idempotent. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopping?.abort();
    this.setStatus('stopped');
    clearInterval(this.sweep);
    await this.sweeping;
    await this.recovering;
    await this.consumer
      .disconnect()
      .catch((e: unknown) => this.logger.warn?.(`consumer disconnect: ${errorMessage(e)}`));
    if (this.ownsDlqProducer) {
      await this.dlqProducer
        .disconnect()
        .catch((e: unknown) => this.logger.warn?.(`producer disconnect: ${errorMessage(e)}`));
    }
  }

  /** A handled type whose producer's topic is not subscribed would never fire: a configuration bug. */
  private checkSubscriptions(): void {
    const subscribed = new Set<string>(this.options.topics);
    for (const type of this.handledTypes) {
      const producers = this.registry.latestOf(type)!.producers;
      if (!producers.some((p) => subscribed.has(topicOf(p)))) {
        throw new Error(
          `a handler for '${type}' would never run: subscribe group ${this.groupId} to ${producers.map(topicOf).join(' or ')}`,
        );
      }
    }
  }

  /**
   * One partition's batch: keys in parallel (bounded), each key in offset order; the offset is committed as
   * the done prefix grows (coalesced: one commit in flight at a time) and onProcessed follows each commit.
   * Stops taking new messages when the consumer stops or the partition was revoked/seeked; the first error
   * is thrown after the other keys finished (kafkajs redelivers from the committed offset).
   */
  private async onBatch(
    consumer: Consumer,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    const { topic, partition, messages } = batch;
    const watermark = new OffsetWatermark(messages.map((m) => m.offset));
    const results = new Map<string, ProcessedMessage>();
    let reported = 0; // messages[0 … reported) were passed to onProcessed
    let inFlight: Promise<void> | undefined;
    let again = false;
    const commit = (): Promise<void> => {
      if (inFlight) {
        again = true;
        return inFlight;
      }
      inFlight = (async () => {
        do {
          again = false;
          const offset = watermark.takeAdvance();
          if (offset === undefined) continue;
          resolveOffset(watermark.resolvedOffset!);
          await consumer.commitOffsets([{ topic, partition, offset }]);
          for (; reported < messages.length && BigInt(messages[reported]!.offset) < BigInt(offset); reported++) {
            this.observe(results.get(messages[reported]!.offset)!);
          }
        } while (again);
      })().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    };
    let commitError: unknown;
    const { error } = await runGroups(
      groupByKey(messages),
      this.keyConcurrency,
      async (message: KafkaMessage) => {
        // the CONSUMER span `<topic> process` continues the trace of the message's headers (no-op without an SDK)
        results.set(
          message.offset,
          await this.inFlight.run(() =>
            consumeInSpan(
              { topic, partition, offset: message.offset, consumerGroup: this.groupId, headers: message.headers },
              () => this.processAndRedrive(topic, partition, message, heartbeat),
            ),
          ),
        );
        watermark.markDone(message.offset);
        commit().catch((e: unknown) => {
          commitError ??= e;
        });
        await heartbeat();
      },
      () => isRunning() && !isStale() && commitError === undefined,
    );
    await commit().catch((e: unknown) => {
      commitError ??= e;
    });
    if (error !== undefined || commitError !== undefined) throw error ?? commitError;
  }

  /** process(), then the parked events of its case that it may have unblocked. */
  private async processAndRedrive(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<ProcessedMessage> {
    const result = await this.process(
      topic,
      partition,
      message.offset,
      message.key,
      message.value,
      message.headers,
      heartbeat,
    );
    if (result.outcome === 'applied') failpoint('consumer:after-effect'); // test-only: effect committed, offset not
    // an applied (or just parked) event may be what parked events of its case were waiting for
    if ((result.outcome === 'applied' || result.outcome === 'parked') && result.linkedCaseId) {
      result.unparked = await this.redrive(result.linkedCaseId).catch((e: unknown) => {
        this.logger.warn?.(`re-driving parked events of case ${result.linkedCaseId}: ${errorMessage(e)}`);
        return 0;
      });
    }
    return result;
  }

  private observe(result: ProcessedMessage): void {
    try {
      this.options.onProcessed?.(result);
    } catch {
      // observers must not break consumption
    }
  }

  private async process(
    topic: string,
    partition: number,
    offset: string,
    key: Buffer | null,
    value: Buffer | null,
    headers: IHeaders | undefined,
    heartbeat: () => Promise<void>,
  ): Promise<ProcessedMessage> {
    const base = { topic, partition, offset };
    const deadLetter = async (
      reason: DeadLetterReason,
      detail: string,
      extra: Partial<ProcessedMessage> = {},
    ): Promise<ProcessedMessage> => {
      const record = deadLetterRecord(
        { consumerGroup: this.groupId, topic, partition, offset, key, value },
        reason,
        detail,
      );
      await this.dlqProducer.send({
        topic: this.topicNames.deadLetter,
        acks: -1,
        messages: [{ key, value: JSON.stringify(record), headers: deadLetterHeaders(record, headers) }],
      });
      this.logger.warn?.(`dead-lettered ${topic}/${partition}/${offset} (${reason}): ${record.detail}`);
      return { ...base, ...extra, outcome: 'dead-lettered', deadLetter: record };
    };

    const decoded = this.registry.decode(value);
    if (!decoded.ok) return deadLetter(decoded.reason, decoded.detail);
    const event = decoded.envelope;
    const ids = { eventId: event.eventId, type: event.type, linkedCaseId: event.linkedCaseId };
    if (!decoded.definition.producers.includes(event.producer.kind)) {
      return deadLetter(
        'forbidden-producer',
        `a ${event.producer.kind} producer may not produce ${event.type} (allowed: ${decoded.definition.producers.join(', ')})`,
        ids,
      );
    }

    const handlers = this.handlers.get(event.type) ?? [];
    const effects = this.effects.get(event.type) ?? [];
    // per-key order across parking: an earlier event of this case from this partition that waits parked goes first if
    // its record has arrived meanwhile (by another topic) and its own re-drive has not run yet (no query while the group
    // has nothing parked); with parking.waitBehindParked, if it still waits, this one is parked behind it (e.g. a police
    // receipt parked until its transfer's workflow existed must not be signalled after the decision that followed it)
    const at = { consumerGroup: this.groupId, topic, partition, offset };
    if ((handlers.length > 0 || effects.length > 0) && (await this.earlierParked(at, event.linkedCaseId))) {
      await this.redrive(event.linkedCaseId);
      if (this.options.parking?.waitBehindParked && (await this.earlierParked(at, event.linkedCaseId))) {
        const behind = new RecordNotYetKnownError(
          `earlier events of case ${event.linkedCaseId} from ${topic}/${partition}`,
        );
        const context = { ...at, attempt: 1, upcastFrom: decoded.upcastFrom };
        const outcome = await this.parkInTransaction(event, context, behind);
        return { ...base, ...ids, outcome };
      }
    }
    for (let attempt = 1; ; attempt++) {
      const context: HandlerContext = {
        consumerGroup: this.groupId,
        topic,
        partition,
        offset,
        attempt,
        upcastFrom: decoded.upcastFrom,
      };
      try {
        if (effects.length && (await this.inInbox(event.eventId))) return { ...base, ...ids, outcome: 'duplicate' };
        for (const effect of effects) await effect(event, context); // outside any transaction
        const outcome = await this.dataSource.transaction((manager) =>
          this.applyOnce(event, handlers, effects.length > 0, manager, context),
        );
        return { ...base, ...ids, outcome };
      } catch (e) {
        if (isRecordNotYetKnown(e)) {
          const outcome = await this.parkInTransaction(event, context, e);
          return { ...base, ...ids, outcome };
        }
        if (isNonRetryable(e) || this.retry.nonRetryable?.(e)) return deadLetter('non-retryable', errorMessage(e), ids);
        const aborted = this.stopping?.signal.aborted ?? true;
        if (attempt >= this.retry.attempts || aborted) {
          if (aborted || isInfrastructureError(e) || isTransientConflict(e)) {
            // Never dead-letter because of our own outage or a lock conflict: leave the offset uncommitted, kafkajs retries.
            throw e;
          }
          return deadLetter('handler-failed', `failed ${attempt} time(s); last error: ${errorMessage(e)}`, ids);
        }
        const delay = backoffDelay(attempt, { baseMs: this.retry.baseMs, maxMs: this.retry.maxMs });
        this.logger.warn?.(
          `${event.type} ${event.eventId}: attempt ${attempt} failed, retrying in ${delay} ms: ${errorMessage(e)}`,
        );
        await sleep(delay, this.stopping?.signal);
        await heartbeat();
      }
    }
  }

  /** park() in its own transaction, counted (parkedRows) once committed. */
  private async parkInTransaction(
    event: IntegrationEventEnvelope<object>,
    context: HandlerContext,
    cause: RecordNotYetKnownError,
  ): Promise<'parked' | 'duplicate'> {
    this.parksInFlight++;
    try {
      const outcome = await this.dataSource.transaction((manager) => this.park(event, manager, context, cause));
      if (outcome === 'parked' && this.parkedRows !== null) this.parkedRows++;
      return outcome;
    } finally {
      this.parks++;
      this.parksInFlight--;
    }
  }

  /** Inbox row + parked row, one transaction: the event is taken care of (a redelivery is a duplicate). */
  private async park(
    event: IntegrationEventEnvelope<object>,
    manager: EntityManager,
    context: HandlerContext,
    cause: RecordNotYetKnownError,
  ): Promise<'parked' | 'duplicate'> {
    if (!(await this.insertInbox(manager, event, context))) return 'duplicate';
    await manager.query(
      `INSERT INTO parked_event (consumer_group, event_id, type, linked_case_id, awaiting, topic, "partition", "offset", envelope, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [
        this.groupId,
        event.eventId,
        event.type,
        event.linkedCaseId,
        cause.awaiting,
        context.topic,
        context.partition,
        context.offset,
        JSON.stringify(event),
        errorMessage(cause),
      ],
    );
    this.logger.log(`${event.type} ${event.eventId} parked: waiting for ${cause.awaiting}`);
    return 'parked';
  }

  /**
   * Applies parked events whose record has arrived, oldest first; within one case it stops at the first
   * that still cannot be applied (order holds). `linkedCaseId`: only that case; none: every case (sweep).
   * Returns how many were applied.
   */
  async redrive(linkedCaseId?: string): Promise<number> {
    let applied = 0;
    for (let round = 0; round < 100; round++) {
      const rows = (await this.dataSource.query(
        `SELECT seq, linked_case_id FROM parked_event WHERE consumer_group = $1 AND applied_at IS NULL
           ${linkedCaseId !== undefined ? 'AND linked_case_id = $2' : ''} ORDER BY seq LIMIT 500`,
        linkedCaseId !== undefined ? [this.groupId, linkedCaseId] : [this.groupId],
      )) as { seq: string; linked_case_id: string }[];
      const blocked = new Set<string>();
      let progress = 0;
      for (const row of rows) {
        if (blocked.has(row.linked_case_id)) continue;
        if (await this.redriveOne(row.seq)) progress++;
        else blocked.add(row.linked_case_id);
      }
      applied += progress;
      if (progress === 0 || rows.length < 500) return applied;
    }
    return applied;
  }

  /**
   * One parked event: its effects (outside any transaction), then under its row lock its handlers and
   * `applied_at` (concurrent re-drivers wait, then find it applied; an effect run twice is idempotent).
   */
  private async redriveOne(seq: string): Promise<boolean> {
    type Row = {
      type: string;
      topic: string;
      partition: number;
      offset: string;
      envelope: IntegrationEventEnvelope<object>;
      attempts: number;
    };
    const select = `SELECT seq, type, topic, "partition", "offset", envelope, attempts FROM parked_event WHERE seq = $1 AND applied_at IS NULL`;
    const context = (row: Row): HandlerContext => ({
      consumerGroup: this.groupId,
      topic: row.topic,
      partition: row.partition,
      offset: String(row.offset),
      attempt: row.attempts + 2,
      upcastFrom: null,
    });
    try {
      const [parked] = (await this.dataSource.query(select, [seq])) as Row[];
      if (!parked) return true; // applied meanwhile by another re-drive
      let appliedHere = false;
      for (const effect of this.effects.get(parked.type) ?? []) await effect(parked.envelope, context(parked)); // outside any transaction
      return await this.dataSource
        .transaction(async (manager) => {
          const [row] = (await manager.query(`${select} FOR UPDATE`, [seq])) as Row[];
          if (!row) return true; // applied meanwhile by another re-drive
          for (const handler of this.handlers.get(row.type) ?? []) await handler(row.envelope, manager, context(row));
          await manager.query(
            'UPDATE parked_event SET applied_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = $1',
            [seq],
          );
          this.logger.log(`${row.type} ${row.envelope.eventId} applied after parking (its record arrived)`);
          appliedHere = true;
          return true;
        })
        .then((done) => {
          // committed by this re-drive (not by another meanwhile): one parked row fewer (recounted on join and sweep)
          if (appliedHere && this.parkedRows) this.parkedRows--;
          return done;
        });
    } catch (e) {
      if (isInfrastructureError(e)) throw e;
      await this.dataSource.query('UPDATE parked_event SET attempts = attempts + 1, last_error = $2 WHERE seq = $1', [
        seq,
        errorMessage(e).slice(0, 2000),
      ]);
      if (!isRecordNotYetKnown(e)) this.logger.warn?.(`parked event ${seq} still fails: ${errorMessage(e)}`);
      return false;
    }
  }

  /** The group's inbox already has the event (applied or parked before). */
  private async inInbox(eventId: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = $2', [
      this.groupId,
      eventId,
    ])) as unknown[];
    return rows.length > 0;
  }

  private async insertInbox(
    manager: EntityManager,
    event: IntegrationEventEnvelope<object>,
    context: HandlerContext,
  ): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO inbox (consumer_group, event_id, type, topic, "partition", "offset")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.groupId, event.eventId, event.type, context.topic, context.partition, context.offset],
    )) as unknown[];
    return inserted.length > 0;
  }

  private async applyOnce(
    event: IntegrationEventEnvelope<object>,
    handlers: readonly IntegrationEventHandler[],
    hadEffects: boolean,
    manager: EntityManager,
    context: HandlerContext,
  ): Promise<Exclude<ProcessOutcome, 'dead-lettered'>> {
    if (!(await this.insertInbox(manager, event, context))) return 'duplicate'; // applied before (redelivery or a duplicate publish)
    if (handlers.length === 0 && !hadEffects) return 'ignored'; // recorded so the offset moves; nothing to do here
    for (const handler of handlers) await handler(event, manager, context);
    failpoint('consumer:before-commit'); // test-only: effect written, transaction not committed
    return 'applied';
  }
}
