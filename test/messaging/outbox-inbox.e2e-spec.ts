/**
 * Outbox → Kafka → inbox through two real Nest apps (enforcement produces, police consumes), each on
 * its own PostgreSQL database, on isolated (suffixed) topics of the real broker. Nothing is mocked.
 */
import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import {
  Command,
  CommandBus,
  CommandHandler,
  CqrsModule,
  EventBus,
  EventsHandler,
  type ICommandHandler,
  type IEvent,
  type IEventHandler,
} from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { logLevel } from 'kafkajs';
import { Column, DataSource, Entity, IsNull, PrimaryColumn, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import {
  CaseRegistered,
  EvidenceAttached,
  Topics,
  type CaseRegisteredV1,
  type EvidenceAttachedV1,
  type IntegrationEventEnvelope,
} from '@casebridge/contracts';
import {
  InboxRecord,
  KafkaHealthIndicator,
  MESSAGING_ENTITIES,
  MESSAGING_SCHEMA,
  MessagingModule,
  OnIntegrationEvent,
  OutboxMessage,
  OutboxRelay,
  publishAs,
  TopicNames,
  TransactionalOutbox,
  type MessagingOptions,
} from '@casebridge/messaging';
import { createIsolatedDatabase, fixtureSchema, migrateTestDatabase, type IsolatedDatabase } from '../support/database';
import { endpoints } from '../support/endpoints';
import { testKafka } from '../support/kafka';
import { enforcementEnvelope, payloads } from './support/events';
import { readTopic } from './support/topic-reader';
import { createSuffixedTopics } from './support/topics';
import { waitFor } from './support/wait';

jest.setTimeout(60_000);

// ---- the producing app (enforcement) --------------------------------------------------------------

@Entity('enf_case')
class EnforcementCase {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') caseNumber!: string;
  @Column('integer') evidenceCount!: number;
}

class CaseRegisteredDomainEvent implements IEvent {
  constructor(readonly caseId: string) {}
}

class RegisterCaseCommand extends Command<{ eventId: string }> {
  constructor(readonly caseId: string) {
    super();
  }
}

class AttachEvidenceCommand extends Command<{ eventId: string }> {
  constructor(
    readonly caseId: string,
    readonly sizeBytes: number,
  ) {
    super();
  }
}

const officer = { sub: 'officer-7', agencyId: 'enforcement:210100' };

/** The cqrs pattern of the README: state + integration event in one outbox transaction, domain event after commit. */
@CommandHandler(RegisterCaseCommand)
class RegisterCaseHandler implements ICommandHandler<RegisterCaseCommand> {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly eventBus: EventBus,
  ) {}

  execute({ caseId }: RegisterCaseCommand): Promise<{ eventId: string }> {
    return this.outbox.run(async (tx) => {
      const number = `沈环罚〔2025〕${caseId.slice(0, 4)}号`;
      await tx.manager.insert(EnforcementCase, { id: caseId, caseNumber: number, evidenceCount: 0 });
      const e = publishAs(
        tx,
        officer,
        CaseRegistered,
        caseId,
        payloads.caseRegistered(caseId, number) as CaseRegisteredV1,
      );
      tx.afterCommit(() => this.eventBus.publish(new CaseRegisteredDomainEvent(caseId)));
      return { eventId: e.eventId };
    });
  }
}

@CommandHandler(AttachEvidenceCommand)
class AttachEvidenceHandler implements ICommandHandler<AttachEvidenceCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  execute({ caseId, sizeBytes }: AttachEvidenceCommand): Promise<{ eventId: string }> {
    return this.outbox.run(async (tx) => {
      const c = await tx.manager.findOneOrFail(EnforcementCase, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      await tx.manager.update(EnforcementCase, { id: caseId }, { evidenceCount: c.evidenceCount + 1 });
      const e = publishAs(
        tx,
        officer,
        EvidenceAttached,
        caseId,
        payloads.evidenceAttached(caseId, sizeBytes) as EvidenceAttachedV1,
      );
      return { eventId: e.eventId };
    });
  }
}

@EventsHandler(CaseRegisteredDomainEvent)
class DomainEventRecorder implements IEventHandler<CaseRegisteredDomainEvent> {
  static readonly seen: string[] = [];
  handle(e: CaseRegisteredDomainEvent): void {
    DomainEventRecorder.seen.push(e.caseId);
  }
}

// ---- the consuming app (police) -------------------------------------------------------------------

@Entity('police_intake')
class PoliceIntake {
  @PrimaryGeneratedColumn('identity') id!: number;
  /** Deliberately not unique: a double application would show up as a second row. */
  @Column('uuid') eventId!: string;
  @Column('uuid') linkedCaseId!: string;
  @Column('text') type!: string;
}

@Injectable()
class IntakeHandlers {
  @OnIntegrationEvent('case.registered', 'evidence.attached')
  async onCaseEvent(
    event: IntegrationEventEnvelope<CaseRegisteredV1 | EvidenceAttachedV1>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(PoliceIntake, { eventId: event.eventId, linkedCaseId: event.linkedCaseId, type: event.type });
  }
}

function messagingOptions(base: Omit<MessagingOptions, 'brokers' | 'kafkaLogLevel'>): MessagingOptions {
  return { ...base, brokers: endpoints().kafkaBrokers, kafkaLogLevel: logLevel.ERROR };
}

const APP_TABLES = fixtureSchema(
  'outbox_inbox',
  [EnforcementCase, PoliceIntake],
  [
    `CREATE TABLE "enf_case" ("id" uuid NOT NULL, "caseNumber" text NOT NULL, "evidenceCount" integer NOT NULL, CONSTRAINT "PK_enf_case" PRIMARY KEY ("id"))`,
    `CREATE TABLE "police_intake" ("id" integer GENERATED BY DEFAULT AS IDENTITY NOT NULL, "eventId" uuid NOT NULL, "linkedCaseId" uuid NOT NULL,
    "type" text NOT NULL, CONSTRAINT "PK_police_intake" PRIMARY KEY ("id"))`,
  ],
);

async function startApp(
  db: IsolatedDatabase,
  options: MessagingOptions,
  entities: Function[],
  providers: Function[],
): Promise<TestingModule> {
  @Module({ providers: providers as never[] })
  class FeatureModule {}
  await migrateTestDatabase(db.url, [MESSAGING_SCHEMA, APP_TABLES]);
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({ type: 'postgres', url: db.url, entities: [...MESSAGING_ENTITIES, ...entities] }),
      CqrsModule.forRoot(),
      MessagingModule.forRootAsync({ useFactory: () => options }),
      FeatureModule,
    ],
  }).compile();
  moduleRef.useLogger(['error', 'warn']);
  await moduleRef.init();
  return moduleRef;
}

describe('outbox → Kafka → inbox (two Nest apps, real Kafka and PostgreSQL)', () => {
  let topics: Awaited<ReturnType<typeof createSuffixedTopics>>;
  let enfDb: IsolatedDatabase;
  let polDb: IsolatedDatabase;
  let enforcement: TestingModule;
  let police: TestingModule;
  const policeGroup = `police-intake-${randomUUID().slice(0, 8)}`;

  const commands = () => enforcement.get(CommandBus);
  const intake = () => police.get(DataSource).getRepository(PoliceIntake);

  beforeAll(async () => {
    [topics, enfDb, polDb] = await Promise.all([
      createSuffixedTopics([Topics.enforcement, Topics.police, Topics.deadLetter]),
      createIsolatedDatabase('msg_enf'),
      createIsolatedDatabase('msg_pol'),
    ]);
    enforcement = await startApp(
      enfDb,
      messagingOptions({
        clientId: 'enforcement-e2e',
        producer: { kind: 'enforcement', agencyId: 'enforcement:210100' },
        topicSuffix: topics.suffix,
        relay: { enabled: true, intervalMs: 50 },
      }),
      [EnforcementCase],
      [RegisterCaseHandler, AttachEvidenceHandler, DomainEventRecorder],
    );
    police = await startApp(
      polDb,
      messagingOptions({
        clientId: 'police-e2e',
        producer: { kind: 'police', agencyId: 'police:210100' },
        topicSuffix: topics.suffix,
        consumer: { groupId: policeGroup, topics: [Topics.enforcement] },
        relay: { enabled: false },
      }),
      [PoliceIntake],
      [IntakeHandlers],
    );
  });

  afterAll(async () => {
    await Promise.all([enforcement?.close(), police?.close()]);
    await Promise.all([enfDb?.drop(), polDb?.drop(), topics?.drop()]);
  });

  it('publishes the events committed with the state, keyed by linked case, in order per case', async () => {
    const cases = [randomUUID(), randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>(cases.map((c) => [c, []]));
    for (const c of cases) expected.get(c)!.push((await commands().execute(new RegisterCaseCommand(c))).eventId);
    const script = [0, 1, 0, 2, 1, 0, 2, 2, 1, 0, 0, 1];
    for (const [i, k] of script.entries()) {
      expected.get(cases[k]!)!.push((await commands().execute(new AttachEvidenceCommand(cases[k]!, 1000 + i))).eventId);
    }
    const total = cases.length + script.length;

    // the police app applied every event once, in order per case
    await waitFor('the police app to apply every event', async () => (await intake().countBy({})) >= total);
    const applied = await intake().find({ order: { id: 'ASC' } });
    expect(applied).toHaveLength(total);
    for (const c of cases)
      expect(applied.filter((a) => a.linkedCaseId === c).map((a) => a.eventId)).toEqual(expected.get(c));

    // on the topic: key = linked case, one partition per case, contract headers, order per case
    const onTopic = (await readTopic(topics.names.forProducer('enforcement'))).map((m) => ({
      ...m,
      envelope: JSON.parse(m.value!),
    }));
    expect(onTopic).toHaveLength(total);
    for (const m of onTopic) {
      expect(m.key).toBe(m.envelope.linkedCaseId);
      expect(m.headers).toMatchObject({
        'cb-event-id': m.envelope.eventId,
        'cb-type': m.envelope.type,
        'cb-version': '1',
        'cb-producer': 'enforcement:210100',
      });
      expect(m.envelope.producer).toEqual({ kind: 'enforcement', agencyId: 'enforcement:210100' });
    }
    for (const c of cases) {
      const mine = onTopic.filter((m) => m.key === c);
      expect(new Set(mine.map((m) => m.partition)).size).toBe(1);
      expect(mine.map((m) => m.envelope.eventId)).toEqual(expected.get(c));
    }

    // the outbox is drained, the state committed, the domain events published after the commits
    const outbox = enforcement.get(DataSource).getRepository(OutboxMessage);
    expect(await outbox.countBy({ publishedAt: IsNull() })).toBe(0);
    expect(await enforcement.get(DataSource).getRepository(EnforcementCase).countBy({})).toBe(3);
    await waitFor('domain events', () => cases.every((c) => DomainEventRecorder.seen.includes(c)));
  });

  it('a rolled-back unit of work publishes nothing', async () => {
    const caseId = randomUUID();
    let doomedEventId = '';
    await expect(
      enforcement.get(TransactionalOutbox).run(async (tx) => {
        await tx.manager.insert(EnforcementCase, { id: caseId, caseNumber: 'doomed', evidenceCount: 0 });
        doomedEventId = publishAs(
          tx,
          officer,
          CaseRegistered,
          caseId,
          payloads.caseRegistered(caseId) as CaseRegisteredV1,
        ).eventId;
        tx.afterCommit(() => {
          throw new Error('must not run');
        });
        throw new Error('validation failed after the publish');
      }),
    ).rejects.toThrow('validation failed after the publish');
    expect(doomedEventId).not.toBe('');

    // the same case registered for real afterwards: it is applied, the rolled-back event never appears
    const { eventId } = await commands().execute(new RegisterCaseCommand(caseId));
    await waitFor('the real registration to be applied', async () => (await intake().countBy({ eventId })) === 1);
    await enforcement.get(OutboxRelay).flush();
    const onTopic = await readTopic(topics.names.forProducer('enforcement'));
    expect(onTopic.filter((m) => m.key === caseId).map((m) => m.headers['cb-event-id'])).toEqual([eventId]);
    expect(await enforcement.get(DataSource).getRepository(OutboxMessage).countBy({ eventId: doomedEventId })).toBe(0);
    expect(await intake().countBy({ linkedCaseId: caseId })).toBe(1);
  });

  it('a redelivered message (the same envelope produced twice) is applied once', async () => {
    const caseId = randomUUID();
    const dup = enforcementEnvelope('evidence.attached', caseId, payloads.evidenceAttached(caseId, 42));
    const marker = enforcementEnvelope('evidence.attached', caseId, payloads.evidenceAttached(caseId, 43));
    const producer = testKafka('redeliverer').producer();
    await producer.connect();
    try {
      const topic = topics.names.forProducer('enforcement');
      const msg = (e: typeof dup) => ({ key: e.linkedCaseId, value: JSON.stringify(e) });
      await producer.send({ topic, acks: -1, messages: [msg(dup)] });
      await producer.send({ topic, acks: -1, messages: [msg(dup)] });
      await producer.send({ topic, acks: -1, messages: [msg(marker)] });
    } finally {
      await producer.disconnect();
    }
    // same key → same partition → the marker is processed after both copies
    await waitFor('the marker to be applied', async () => (await intake().countBy({ eventId: marker.eventId })) === 1);
    expect(await intake().countBy({ eventId: dup.eventId })).toBe(1);
    const inbox = police.get(DataSource).getRepository(InboxRecord);
    expect(await inbox.countBy({ consumerGroup: policeGroup, eventId: dup.eventId })).toBe(1);

    // and the group's committed offsets reach the end of the topic (both copies were consumed and committed)
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const topic = topics.names.forProducer('enforcement');
      const ends = await admin.fetchTopicOffsets(topic);
      await waitFor('offsets committed to the end', async () => {
        const [committed] = await admin.fetchOffsets({ groupId: policeGroup, topics: [topic] });
        return ends.every(
          (e) =>
            committed!.partitions.find((p) => p.partition === e.partition)?.offset === e.high ||
            (e.high === '0' && committed!.partitions.find((p) => p.partition === e.partition)?.offset === '-1'),
        );
      });
    } finally {
      await admin.disconnect();
    }
  });

  it('exposes the Kafka health indicator and the topic naming to the app', async () => {
    await expect(police.get(KafkaHealthIndicator).isHealthy('kafka')).resolves.toMatchObject({
      kafka: { status: 'up' },
    });
    expect(police.get(TopicNames).forProducer('police')).toBe(`${Topics.police}.${topics.suffix}`);
  });
});
