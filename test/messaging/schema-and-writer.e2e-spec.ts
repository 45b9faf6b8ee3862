/**
 * Messaging schema and the producing side's guard rails, against real PostgreSQL (and Kafka for the
 * health indicator): the migration matches the entities, invalid events are refused at the source.
 */
import { randomUUID } from 'node:crypto';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Kafka, logLevel } from 'kafkajs';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  InvalidIntegrationEventError,
  KafkaHealthIndicator,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MESSAGING_SCHEMA,
  OutboxMessage,
  OutboxWriter,
  TopicNames,
  TransactionalOutbox,
} from '@casebridge/messaging';
import { createIsolatedDatabase, fixtureSchema, openTestDataSource, type IsolatedDatabase } from '../support/database';
import { endpoints } from '../support/endpoints';
import { ACTOR, ENFORCEMENT, enforcementEnvelope, payloads } from './support/events';

jest.setTimeout(60_000);

@Entity('writer_case')
class WriterCase {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') number!: string;
}

describe('messaging schema and outbox writer', () => {
  let db: IsolatedDatabase;
  beforeAll(async () => {
    db = await createIsolatedDatabase('msg_schema');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('the migration is idempotent and matches the entities (the schema diff finds nothing to change)', async () => {
    const ds = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [...MESSAGING_ENTITIES],
      migrations: [...MESSAGING_MIGRATIONS],
      migrationsRun: false,
    });
    await ds.initialize();
    try {
      expect((await ds.runMigrations()).map((m) => m.name)).toEqual([
        'CreateMessagingTables1764300000000',
        'CreateParkedEvents1764900000000',
        'AddOutboxTraceContext1796524706813',
      ]);
      const runner = ds.createQueryRunner();
      try {
        for (const M of MESSAGING_MIGRATIONS) await new M().up(runner); // again: IF NOT EXISTS everywhere
      } finally {
        await runner.release();
      }
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const [index] = await ds.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_outbox_unpublished'`);
      expect(index.indexdef).toMatch(/WHERE \(published_at IS NULL\)/);
    } finally {
      await ds.destroy();
    }
  });

  describe('on the migrated schema', () => {
    let ds: DataSource;
    let outbox: TransactionalOutbox;
    const writer = new OutboxWriter(new TopicNames({ suffix: 'w1' }));
    beforeAll(async () => {
      ds = await openTestDataSource(db.url, [
        MESSAGING_SCHEMA,
        fixtureSchema(
          'writer',
          [WriterCase],
          [
            `CREATE TABLE "writer_case" ("id" uuid NOT NULL, "number" text NOT NULL, CONSTRAINT "PK_writer_case" PRIMARY KEY ("id"))`,
          ],
        ),
      ]);
      outbox = new TransactionalOutbox(ds, writer, { producer: ENFORCEMENT });
    });
    afterAll(async () => {
      await ds?.destroy();
    });

    it('writes state and events in one transaction, with topic, key, headers and envelope', async () => {
      const caseId = randomUUID();
      const published = await outbox.run(async (tx) => {
        await tx.manager.insert(WriterCase, { id: caseId, number: 'N-1' });
        return tx.publish({
          type: 'case.registered',
          version: 1,
          linkedCaseId: caseId,
          actor: ACTOR,
          payload: payloads.caseRegistered(caseId),
        });
      });
      const row = await ds.getRepository(OutboxMessage).findOneByOrFail({ eventId: published.eventId });
      expect(row).toMatchObject({
        topic: 'casebridge.enforcement.events.v1.w1',
        key: caseId,
        type: 'case.registered',
        version: 1,
        publishedAt: null,
        attempts: 0,
        headers: {
          'cb-event-id': published.eventId,
          'cb-type': 'case.registered',
          'cb-version': '1',
          'cb-producer': 'enforcement:210100',
        },
      });
      expect(row.envelope).toEqual(JSON.parse(JSON.stringify(published)));
      expect(row.envelope.producer).toEqual(ENFORCEMENT);
      expect(await ds.getRepository(WriterCase).countBy({ id: caseId })).toBe(1);
    });

    it('refuses an invalid event at the source and commits nothing of the unit of work', async () => {
      const caseId = randomUUID();
      const attempt = outbox.run(async (tx) => {
        await tx.manager.insert(WriterCase, { id: caseId, number: 'N-2' });
        tx.publish({
          type: 'case.registered',
          version: 1,
          linkedCaseId: caseId,
          actor: ACTOR,
          payload: { ...payloads.caseRegistered(caseId), region: 'x' },
        });
      });
      await expect(attempt).rejects.toThrow(InvalidIntegrationEventError);
      await expect(attempt).rejects.toThrow(/invalid-payload.*region/);
      expect(await ds.getRepository(WriterCase).countBy({ id: caseId })).toBe(0);
      expect(await ds.getRepository(OutboxMessage).countBy({ key: caseId })).toBe(0);
    });

    it('refuses events the configured producer may not produce', async () => {
      const police = new TransactionalOutbox(ds, writer, { producer: { kind: 'police', agencyId: 'police:210100' } });
      const caseId = randomUUID();
      await expect(
        police.run(async (tx) => {
          tx.publish({
            type: 'case.registered',
            version: 1,
            linkedCaseId: caseId,
            actor: ACTOR,
            payload: payloads.caseRegistered(caseId),
          });
        }),
      ).rejects.toThrow(/forbidden-producer.*police producer may not produce case\.registered/);
    });

    it('refuses an append outside a transaction (events and state could diverge)', async () => {
      const e = enforcementEnvelope('case.registered', randomUUID(), payloads.caseRegistered());
      await expect(writer.append(ds.manager, [e])).rejects.toThrow(/inside the transaction/);
      await ds.transaction(async (manager) => {
        await writer.append(manager, [e]);
      });
      expect(await ds.getRepository(OutboxMessage).countBy({ eventId: e.eventId })).toBe(1);
    });
  });

  it('KafkaHealthIndicator reports up for the real cluster and down for an unreachable one', async () => {
    const up = new KafkaHealthIndicator(
      new Kafka({
        clientId: 'health-up',
        brokers: endpoints().kafkaBrokers,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      }),
      new HealthIndicatorService(),
    );
    const down = new KafkaHealthIndicator(
      new Kafka({
        clientId: 'health-down',
        brokers: ['127.0.0.1:1'],
        connectionTimeout: 300,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      }),
      new HealthIndicatorService(),
    );
    const ok = await up.isHealthy('kafka');
    expect(ok.kafka).toMatchObject({ status: 'up', brokers: 1 });
    const started = Date.now();
    const ko = await down.isHealthy('kafka', 1500);
    expect(ko.kafka.status).toBe('down');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
