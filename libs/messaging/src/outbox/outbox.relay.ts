import { Logger, type LoggerService } from '@nestjs/common';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { errorMessage } from '../errors';
import { failpoint } from '../failpoints/failpoint';
import { createReliableProducer } from '../kafka/kafka-client';
import { backoffDelay, sleep, type BackoffPolicy } from '../retry/backoff';
import { endSpan, startPublishSpan, type TraceCarrier } from '../tracing/message-tracing';
import { OutboxNotifications } from './outbox-notifications';

export interface OutboxRelayOptions {
  /**
   * Wake up on the writer's NOTIFY (`LISTEN casebridge_outbox` on one dedicated pooled connection):
   * a committed event is sent within milliseconds instead of waiting for the next poll. Default true.
   */
  listen?: boolean;
  /** Pause between polls when the outbox is drained and no LISTEN connection is up (default 200 ms). */
  intervalMs?: number;
  /**
   * Safety poll while LISTEN is up (default 2000 ms): covers rows no notification announced (a relay that
   * was busy or down when they committed, a writer that does not notify).
   */
  safetyPollMs?: number;
  /** Rows per transaction / Kafka request (default 100). */
  batchSize?: number;
  /** Pause after a failed round (send or database error), growing per consecutive failure. */
  backoff?: Partial<BackoffPolicy>;
  /**
   * Key of the transaction-scoped advisory lock that makes one relay per database the publisher at
   * a time (the others stand by): keeps per-key order with several app replicas.
   */
  lockKey?: number;
  /** A producer owned by the caller (not disconnected by stop()); default: an own idempotent producer. */
  producer?: Producer;
  logger?: LoggerService;
}

export interface RelayRound {
  status: 'idle' | 'published' | 'busy' | 'failed';
  count: number;
  error?: unknown;
}

export interface OutboxBacklog {
  unpublished: number;
  oldestCreatedAt: Date | null;
  maxAttempts: number;
  lastError: string | null;
}

interface Row {
  seq: string;
  topic: string;
  key: string;
  type: string;
  event_id: string;
  envelope: unknown;
  headers: Record<string, string>;
  trace_context: TraceCarrier | null;
}

export const DEFAULT_RELAY_LOCK_KEY = 0x0cb0_0b0c; // "casebridge outbox"

/**
 * Publishes the outbox to Kafka: at-least-once, in `seq` order, one batch per transaction, woken by the
 * writer's NOTIFY on commit (see OutboxNotifications; a slower poll covers what no notification announced):
 *   BEGIN; advisory lock; SELECT … FOR UPDATE SKIP LOCKED; send (acks=all, awaited);
 *   UPDATE published_at; COMMIT.
 * A crash after the send and before the commit re-sends the batch (duplicates, never losses);
 * consumers deduplicate with their inbox. A failed send increments attempts/last_error, and the
 * relay backs off and retries the same rows first: nothing is dropped or overtaken.
 *
 * Standalone: `new OutboxRelay(dataSource, kafka, opts).start()`. In Nest: MessagingModule runs it.
 */
export class OutboxRelay {
  private readonly logger: LoggerService;
  private readonly intervalMs: number;
  private readonly safetyPollMs: number;
  private readonly notifications: OutboxNotifications | undefined;
  private readonly batchSize: number;
  private readonly backoff: BackoffPolicy;
  private readonly lockKey: number;
  private readonly producer: Producer;
  private readonly ownsProducer: boolean;
  private connected: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private publishedTotal = 0;

  constructor(
    private readonly dataSource: DataSource,
    kafka: Kafka,
    options: OutboxRelayOptions = {},
  ) {
    this.logger = options.logger ?? new Logger('OutboxRelay');
    this.intervalMs = options.intervalMs ?? 200;
    this.safetyPollMs = options.safetyPollMs ?? 2000;
    this.notifications = options.listen === false ? undefined : new OutboxNotifications(dataSource, this.logger);
    this.batchSize = options.batchSize ?? 100;
    this.backoff = { baseMs: 500, maxMs: 30_000, jitter: 0.2, ...options.backoff };
    this.lockKey = options.lockKey ?? DEFAULT_RELAY_LOCK_KEY;
    if (!(this.intervalMs > 0) || !(this.safetyPollMs > 0) || !Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new Error('OutboxRelay: intervalMs and safetyPollMs must be > 0 and batchSize an integer ≥ 1');
    }
    this.ownsProducer = !options.producer;
    this.producer = options.producer ?? createReliableProducer(kafka);
  }

  get running(): boolean {
    return this.loop !== undefined;
  }

  /** Events published by this instance since construction. */
  get published(): number {
    return this.publishedTotal;
  }

  /** Connects the producer, starts listening for commits and publishing. */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.ensureConnected();
    const abort = new AbortController();
    this.abort = abort;
    this.notifications?.start();
    this.loop = this.runLoop(abort.signal);
    this.logger.log(
      this.notifications
        ? `outbox relay started (on commit notifications, safety poll every ${this.safetyPollMs} ms, batches of ${this.batchSize})`
        : `outbox relay started (every ${this.intervalMs} ms, batches of ${this.batchSize})`,
    );
  }

  /** True while the relay is woken by commit notifications (false: polling every `intervalMs`). */
  get listening(): boolean {
    return this.notifications?.listening ?? false;
  }

  /** Stops polling (the round in progress finishes) and disconnects its own producer. Idempotent. */
  async stop(): Promise<void> {
    this.abort?.abort();
    const loop = this.loop;
    this.loop = undefined;
    await loop;
    await this.notifications?.stop();
    await this.queue.catch(() => undefined);
    if (this.ownsProducer && this.connected) {
      this.connected = undefined;
      await this.producer
        .disconnect()
        .catch((e: unknown) => this.logger.warn?.(`producer disconnect: ${errorMessage(e)}`));
    }
  }

  /**
   * Publishes everything unpublished now (tests, graceful drains). Rejects on the first failed round
   * (nothing is lost: the rows stay for the next round) or after `timeoutMs`. Returns the count sent.
   */
  async flush(options: { timeoutMs?: number } = {}): Promise<number> {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    await this.ensureConnected();
    let total = 0;
    for (;;) {
      const round = await this.pollOnce();
      if (round.status === 'failed') throw round.error instanceof Error ? round.error : new Error(String(round.error));
      if (round.status === 'idle') return total;
      total += round.count;
      if (Date.now() > deadline)
        throw new Error(`outbox flush did not finish within ${options.timeoutMs ?? 30_000} ms`);
      if (round.status === 'busy') await sleep(50);
    }
  }

  /** One round (serialised with the polling loop). Database errors reject; send errors resolve `failed`. */
  pollOnce(): Promise<RelayRound> {
    const next = this.queue.then(() => this.round());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Unpublished rows (for health checks and tests). */
  async backlog(): Promise<OutboxBacklog> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS unpublished, min(created_at) AS oldest, coalesce(max(attempts), 0)::int AS max_attempts,
              (array_agg(last_error ORDER BY seq) FILTER (WHERE last_error IS NOT NULL))[1] AS last_error
         FROM outbox WHERE published_at IS NULL`,
    )) as { unpublished: number; oldest: Date | null; max_attempts: number; last_error: string | null }[];
    return {
      unpublished: row!.unpublished,
      oldestCreatedAt: row!.oldest,
      maxAttempts: row!.max_attempts,
      lastError: row!.last_error,
    };
  }

  private ensureConnected(): Promise<void> {
    if (!this.connected) {
      const p = this.ownsProducer ? this.producer.connect() : Promise.resolve();
      this.connected = p;
      p.catch(() => {
        if (this.connected === p) this.connected = undefined;
      });
    }
    return this.connected;
  }

  private async runLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      this.notifications?.take(); // commits notified from here on lead to another round
      let round: RelayRound;
      try {
        round = await this.pollOnce();
      } catch (e) {
        round = { status: 'failed', count: 0, error: e };
      }
      if (round.status === 'failed') {
        failures++;
        const delay = backoffDelay(failures, this.backoff);
        this.logger.error(
          `outbox relay round failed (${failures} in a row, retrying in ${delay} ms): ${errorMessage(round.error)}`,
        );
        await sleep(delay, signal);
        continue;
      }
      failures = 0;
      if (round.status === 'published' && round.count >= this.batchSize) continue; // more is waiting
      await this.idle(signal);
    }
  }

  /** Until the next commit notification, or the poll interval (the safety poll while listening). */
  private async idle(signal: AbortSignal): Promise<void> {
    if (this.notifications?.listening) await this.notifications.wait(this.safetyPollMs, signal);
    else if (this.notifications)
      await this.notifications.wait(this.intervalMs, signal); // LISTEN down: poll as before
    else await sleep(this.intervalMs, signal);
  }

  private async round(): Promise<RelayRound> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      try {
        return await this.publishBatch(qr);
      } catch (e) {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        throw e;
      }
    } finally {
      await qr.release();
    }
  }

  private async publishBatch(qr: QueryRunner): Promise<RelayRound> {
    const [lock] = (await qr.query('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [this.lockKey])) as {
      locked: boolean;
    }[];
    if (!lock!.locked) {
      await qr.rollbackTransaction();
      return { status: 'busy', count: 0 };
    }
    const rows = (await qr.query(
      `SELECT seq, topic, key, type, event_id, envelope, headers, trace_context FROM outbox
        WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [this.batchSize],
    )) as Row[];
    if (rows.length === 0) {
      await qr.commitTransaction();
      return { status: 'idle', count: 0 };
    }
    const seqs = rows.map((r) => r.seq);
    failpoint('relay:before-send');
    // one PRODUCER span per traced row, child of the context stored with it; its traceparent goes in the headers
    const traced = rows.map((r) => ({
      row: r,
      ...startPublishSpan({
        topic: r.topic,
        key: r.key,
        eventType: r.type,
        eventId: r.event_id,
        traceContext: r.trace_context,
      }),
    }));
    try {
      await this.ensureConnected();
      await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(traced) });
    } catch (e) {
      for (const t of traced) endSpan(t.span, e);
      await qr.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])', [
        seqs,
        errorMessage(e).slice(0, 2000),
      ]);
      await qr.commitTransaction();
      return { status: 'failed', count: 0, error: e };
    }
    for (const t of traced) endSpan(t.span);
    failpoint('relay:after-send'); // test-only: acked by Kafka, published_at not committed
    await qr.query(
      'UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])',
      [seqs],
    );
    await qr.commitTransaction();
    this.publishedTotal += rows.length;
    return { status: 'published', count: rows.length };
  }
}

/** One entry per topic, rows in `seq` order inside each (kafkajs keeps that order per partition); trace headers added. */
function groupByTopic(
  rows: readonly { row: Row; headers: Record<string, string> }[],
): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const { row: r, headers } of rows) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push({ key: r.key, value: JSON.stringify(r.envelope), headers: { ...r.headers, ...headers } });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
