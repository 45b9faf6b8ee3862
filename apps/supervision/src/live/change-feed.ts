import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';

export const CHANGE_CHANNEL = 'supervision_change';

/** What changed in the projection (pushed to the console over SSE). */
export interface ProjectionChange {
  /** event: an integration event was applied; status: time moved a step on; action: a supervisor acted */
  kind: 'event' | 'status' | 'action';
  linkedCaseId: string;
  stepIds: string[];
  /** event type (kind event/action) */
  type?: string;
  /** scope keys of the rows touched (domain/region.ts): who may be told */
  scopeKeys: string[];
}

/**
 * Queues a change notification in the caller's transaction: PostgreSQL delivers NOTIFY only when the
 * transaction commits (and never when it rolls back), so listeners never hear of a change they could
 * not read yet; every replica of the service hears every change.
 */
export async function notifyChange(manager: EntityManager, change: ProjectionChange): Promise<void> {
  let text = JSON.stringify(change);
  if (text.length > 7000) text = JSON.stringify({ ...change, stepIds: change.stepIds.slice(0, 20) });
  await manager.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, text]);
}

/** LISTENs on the change channel with a dedicated connection (reconnects) and republishes as an Observable. */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly subject = new Subject<ProjectionChange>();
  private client: Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get changes$(): Observable<ProjectionChange> {
    return this.subject.asObservable();
  }

  /** Local publish (tests); production changes come from NOTIFY. */
  emit(change: ProjectionChange): void {
    this.subject.next(change);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
    this.subject.complete();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const o = this.ds.options as {
      host?: string;
      port?: number;
      username?: string;
      password?: string;
      database?: string;
    };
    const client = new Client({
      host: o.host,
      port: o.port,
      user: o.username,
      password: o.password,
      database: o.database,
    });
    client.on('notification', (n) => {
      if (n.channel !== CHANGE_CHANNEL || !n.payload) return;
      try {
        this.subject.next(JSON.parse(n.payload) as ProjectionChange);
      } catch (e) {
        this.logger.warn(`unreadable change notification: ${(e as Error).message}`);
      }
    });
    client.on('error', (e) => {
      this.logger.warn(`change feed connection lost (${e.message}); reconnecting`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      this.client = client;
    } catch (e) {
      this.logger.warn(`change feed cannot listen (${(e as Error).message}); retrying`);
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.stopped || this.retryTimer) return;
    if (this.client === client) this.client = null;
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, 2000);
  }
}
