import { Logger, type LoggerService } from '@nestjs/common';
import {
  createEnvelope,
  type EnvelopeInput,
  type IntegrationEventEnvelope,
  type ProducerKind,
} from '@casebridge/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { OutboxWriter } from './outbox.writer';

/**
 * What a producer gives to `publish`. The producer comes from the configuration; an app serving
 * several agencies of its kind names the agency of this event in `agencyId` (the kind stays the
 * configured one, and the id must belong to it).
 */
export type PublishInput<P> = Omit<EnvelopeInput<P>, 'producer'> & { agencyId?: string };

export interface OutboxTransaction {
  /** The transaction's entity manager: save the state change through it. */
  readonly manager: EntityManager;
  /**
   * Builds, validates and queues one integration event; it is written to the outbox when the
   * unit of work's function returns (after the state changes, so outbox order follows commit order
   * of the aggregate's row locks) and published only if the transaction commits.
   * Throws InvalidIntegrationEventError right away for an invalid event.
   */
  publish<P extends object>(input: PublishInput<P>): IntegrationEventEnvelope<P>;
  /**
   * Runs after a successful commit (e.g. publishing domain events on the cqrs EventBus); errors are
   * logged, not thrown (the state is committed). Not available in a joined transaction.
   */
  afterCommit(fn: () => unknown): void;
}

export interface TransactionalOutboxConfig {
  producer: { kind: ProducerKind; agencyId: string };
  logger?: LoggerService;
}

export interface RunOptions {
  isolationLevel?: IsolationLevel;
  /** Join an open transaction instead of starting one (its owner commits). */
  manager?: EntityManager;
}

/**
 * Unit of work holding state changes and outgoing integration events in one database transaction.
 * Injectable in Nest (MessagingModule) or constructed directly.
 */
export class TransactionalOutbox {
  private readonly logger: LoggerService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OutboxWriter,
    private readonly config: TransactionalOutboxConfig,
  ) {
    this.logger = config.logger ?? new Logger('TransactionalOutbox');
  }

  get producer(): { kind: ProducerKind; agencyId: string } {
    return { ...this.config.producer };
  }

  async run<T>(fn: (tx: OutboxTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const afterCommit: (() => unknown)[] = [];
    const work = async (manager: EntityManager): Promise<T> => {
      const pending: IntegrationEventEnvelope[] = [];
      let open = true;
      const tx: OutboxTransaction = {
        manager,
        publish: <P extends object>(input: PublishInput<P>): IntegrationEventEnvelope<P> => {
          if (!open) throw new Error('publish() called after the unit of work returned: the event would be lost');
          const { agencyId, ...rest } = input;
          const producer = { kind: this.config.producer.kind, agencyId: agencyId ?? this.config.producer.agencyId };
          const envelope = createEnvelope<P>({ ...rest, producer });
          this.writer.prepare(envelope); // fail at the call site, not at commit
          pending.push(envelope);
          return envelope;
        },
        afterCommit: (cb) => {
          if (options.manager)
            throw new Error('afterCommit() is not available in a joined transaction: its owner commits');
          afterCommit.push(cb);
        },
      };
      try {
        const result = await fn(tx);
        open = false;
        await this.writer.append(manager, pending);
        return result;
      } finally {
        open = false;
      }
    };

    if (options.manager) {
      if (!options.manager.queryRunner?.isTransactionActive)
        throw new Error('RunOptions.manager must be inside an open transaction');
      return work(options.manager);
    }
    const result = options.isolationLevel
      ? await this.dataSource.transaction(options.isolationLevel, work)
      : await this.dataSource.transaction(work);
    await this.runAfterCommit(afterCommit);
    return result;
  }

  private async runAfterCommit(callbacks: (() => unknown)[]): Promise<void> {
    for (const cb of callbacks) {
      try {
        await cb();
      } catch (e) {
        // The transaction is committed: failing the caller now would suggest it was not.
        this.logger.error(
          `afterCommit callback failed (the transaction is committed): ${(e as Error).message}`,
          (e as Error).stack,
        );
      }
    }
  }
}
