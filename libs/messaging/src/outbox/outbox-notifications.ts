import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { errorMessage } from '../errors';
import { backoffDelay, sleep } from '../retry/backoff';

/**
 * PostgreSQL channel the outbox writer notifies in the transaction of every outbox insert. NOTIFY is
 * delivered at COMMIT (never for a rolled-back transaction) and only inside the same database.
 */
export const OUTBOX_NOTIFY_CHANNEL = 'casebridge_outbox';

/** The pg client calls this class makes (a subset of pg.PoolClient). */
interface ListenClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', fn: (msg: { channel: string }) => void): unknown;
  on(event: 'error', fn: (e: Error) => void): unknown;
  on(event: 'end', fn: () => void): unknown;
  removeListener(event: string, fn: (...args: never[]) => void): unknown;
}

/**
 * Wake-ups for the outbox relay: `LISTEN casebridge_outbox` on one dedicated connection taken from the
 * DataSource's pool (held while started), re-established with backoff after it breaks (PostgreSQL
 * restart, network). `wait(ms)` resolves as soon as a notification arrived since the last `take()`,
 * or after `ms`: the caller's timeout is its safety poll for what notifications cannot cover
 * (the connection was down, a writer that does not notify, a relay that took over after a crash).
 */
export class OutboxNotifications {
  private pending = false;
  private wakeUp: (() => void) | undefined;
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private connected = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: LoggerService,
  ) {}

  /** True while LISTEN is active on a live connection. */
  get listening(): boolean {
    return this.connected;
  }

  /** Starts listening in the background (connection errors are retried, never thrown). */
  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    this.wake();
    const loop = this.loop;
    this.loop = undefined;
    await loop;
  }

  /** Consumes the pending wake-up: true when a notification arrived since the previous take(). */
  take(): boolean {
    const was = this.pending;
    this.pending = false;
    return was;
  }

  /** Resolves on the next notification (at once if one is pending), after `ms`, or when `signal` aborts. */
  async wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) return;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        timer = setTimeout(resolve, ms);
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
      });
    } finally {
      this.wakeUp = undefined;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort!);
    }
  }

  private wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  private async run(signal: AbortSignal): Promise<void> {
    for (let failures = 0; !signal.aborted;) {
      try {
        await this.listenUntilBroken(signal);
        failures = 0;
      } catch (e) {
        failures++;
        if (signal.aborted) return;
        const delay = backoffDelay(failures, { baseMs: 500, maxMs: 10_000, jitter: 0.2 });
        this.logger.warn?.(
          `outbox LISTEN connection lost (${errorMessage(e)}); reconnecting in ${delay} ms, polling meanwhile`,
        );
        await sleep(delay, signal);
      }
    }
  }

  /** One connection: LISTEN, then wait until it breaks (rejects) or the relay stops (resolves). */
  private async listenUntilBroken(signal: AbortSignal): Promise<void> {
    const [client, release] = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
      ListenClient,
      (e?: unknown) => void,
    ];
    let broken: ((e: Error) => void) | undefined;
    const closed = new Promise<void>((resolve, reject) => {
      broken = reject;
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    closed.catch(() => undefined); // broken before it is awaited: no unhandled rejection
    const onError = (e: Error): void => broken?.(e);
    const onEnd = (): void => broken?.(new Error('connection ended'));
    const onNotification = (msg: { channel: string }): void => {
      if (msg.channel === OUTBOX_NOTIFY_CHANNEL) this.wake();
    };
    client.on('error', onError);
    client.on('end', onEnd);
    client.on('notification', onNotification);
    let failure: unknown;
    try {
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      this.connected = true;
      this.wake(); // rows committed while nobody listened: one round right away
      await closed;
      await client.query(`UNLISTEN ${OUTBOX_NOTIFY_CHANNEL}`).catch((e: unknown) => {
        failure = e;
      });
    } catch (e) {
      failure = e;
      throw e;
    } finally {
      this.connected = false;
      client.removeListener('notification', onNotification);
      client.removeListener('end', onEnd);
      if (failure === undefined) client.removeListener('error', onError); // else kept: a late socket error must not crash the process
      release(failure); // an error destroys the client instead of returning it to the pool
    }
  }
}
