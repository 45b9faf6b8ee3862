/**
 * Early events are parked, never dead-lettered (issue 9, item 4), on real Kafka and PostgreSQL: an event
 * whose record has not arrived yet (the handler throws RecordNotYetKnownError) is parked in the consumer's
 * transaction with its inbox row; it stays parked past the retry window; when the record's event arrives,
 * the parked events of that case are applied in arrival order, once. The sweep applies events whose record
 * was created otherwise (not by an event).
 */
import { randomUUID } from 'node:crypto';
import { Topics } from '@casebridge/contracts';
import {
  IntegrationEventConsumer, MESSAGING_ENTITIES, ParkedEvent, RecordNotYetKnownError, createKafka, type ProcessedMessage,
} from '@casebridge/messaging';
import { logLevel } from 'kafkajs';
import { Column, DataSource, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/database';
import { endpoints } from '../support/endpoints';
import { testKafka } from '../support/kafka';
import { runDeadLettersCli } from '../../libs/messaging/src/cli/dead-letters.cli';
import { enforcementEnvelope, payloads } from './support/events';
import { readTopic } from './support/topic-reader';
import { createSuffixedTopics } from './support/topics';
import { waitFor } from './support/wait';

jest.setTimeout(90_000);

@Entity('pk_case')
class KnownCase {
  @PrimaryColumn('uuid') id!: string;
}

@Entity('pk_evidence')
class AttachedEvidence {
  @PrimaryGeneratedColumn('identity') seq!: number;
  @Column('uuid') caseId!: string;
  @Column('uuid') eventId!: string;
}

describe('parking events that arrive before their record (real Kafka and PostgreSQL)', () => {
  let topics: Awaited<ReturnType<typeof createSuffixedTopics>>;
  let db: IsolatedDatabase;
  let ds: DataSource;
  let consumer: IntegrationEventConsumer;
  const processed: ProcessedMessage[] = [];
  const groupId = `park-${randomUUID().slice(0, 8)}`;
  let refuseDecisions = true;
  const decisionsApplied: string[] = [];

  beforeAll(async () => {
    [topics, db] = await Promise.all([createSuffixedTopics([Topics.enforcement, Topics.deadLetter]), createIsolatedDatabase('msg_park')]);
    ds = new DataSource({ type: 'postgres', url: db.url, entities: [...MESSAGING_ENTITIES, KnownCase, AttachedEvidence], synchronize: true });
    await ds.initialize();
    const kafka = createKafka({ brokers: endpoints().kafkaBrokers, clientId: 'park-e2e', logLevel: logLevel.NOTHING });
    consumer = new IntegrationEventConsumer(ds, kafka, {
      groupId, topics: [Topics.enforcement], topicNames: topics.names,
      retry: { attempts: 3, baseMs: 50 }, // a retry window of about 150 ms
      parking: { sweepMs: 1000 },
      onProcessed: (m) => processed.push(m),
    })
      .register('case.registered', async (e, m) => { await m.insert(KnownCase, { id: (e.payload as { caseId: string }).caseId }); })
      .register('evidence.attached', async (e, m) => {
        const { caseId } = e.payload as { caseId: string };
        if (!(await m.findOneBy(KnownCase, { id: caseId }))) throw new RecordNotYetKnownError(`case ${caseId}`);
        await m.insert(AttachedEvidence, { caseId, eventId: e.eventId });
      })
      .register('transfer.head-decided', async (e) => {
        if (refuseDecisions) throw new Error('the head decision cannot be stored right now');
        decisionsApplied.push(e.eventId);
      });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await ds?.destroy();
    await Promise.all([db?.drop(), topics?.drop()]);
  });

  async function send(...values: { key: string; value: string }[]): Promise<void> {
    const producer = testKafka('park-producer').producer();
    await producer.connect();
    try {
      await producer.send({ topic: topics.names.forProducer('enforcement'), acks: -1, messages: values });
    } finally {
      await producer.disconnect();
    }
  }

  it('parks evidence for an unknown case past the retry window, then applies it in order once the case arrives', async () => {
    const caseId = randomUUID();
    const first = enforcementEnvelope('evidence.attached', caseId, payloads.evidenceAttached(caseId, 1));
    const second = enforcementEnvelope('evidence.attached', caseId, payloads.evidenceAttached(caseId, 2));
    await send({ key: caseId, value: JSON.stringify(first) }, { key: caseId, value: JSON.stringify(second) });
    await waitFor('both parked', () => processed.filter((p) => p.outcome === 'parked').length === 2);
    await new Promise((r) => setTimeout(r, 2000)); // far longer than the retry window
    const parked = await ds.getRepository(ParkedEvent).find({ where: { consumerGroup: groupId }, order: { seq: 'ASC' } });
    expect(parked.map((p) => [p.eventId, p.awaiting, p.appliedAt])).toEqual([
      [first.eventId, `case ${caseId}`, null], [second.eventId, `case ${caseId}`, null],
    ]);
    expect(await ds.getRepository(AttachedEvidence).countBy({ caseId })).toBe(0);

    const registered = enforcementEnvelope('case.registered', caseId, payloads.caseRegistered(caseId));
    await send({ key: caseId, value: JSON.stringify(registered) });
    const applied = await waitFor('the parked evidence applied', async () => {
      const rows = await ds.getRepository(AttachedEvidence).find({ where: { caseId }, order: { seq: 'ASC' } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(applied.map((r) => r.eventId)).toEqual([first.eventId, second.eventId]); // arrival order
    expect((await ds.getRepository(ParkedEvent).findBy({ consumerGroup: groupId })).every((p) => p.appliedAt !== null)).toBe(true);

    // a redelivery of a parked-then-applied event is a duplicate; nothing was dead-lettered
    await send({ key: caseId, value: JSON.stringify(first) });
    await waitFor('the redelivery consumed', () => processed.filter((p) => p.eventId === first.eventId).length === 2);
    expect(processed.filter((p) => p.eventId === first.eventId).map((p) => p.outcome)).toEqual(['parked', 'duplicate']);
    expect(await ds.getRepository(AttachedEvidence).countBy({ caseId })).toBe(2);
    expect((await readTopic(topics.names.deadLetter)).filter((m) => m.key === caseId)).toEqual([]);
  });

  it('dead-letters CLI: lists a dead-lettered event and replays it to its source topic, where it is applied', async () => {
    const caseId = randomUUID();
    const decided = enforcementEnvelope('transfer.head-decided', caseId, payloads.transferHeadDecided());
    await send({ key: caseId, value: JSON.stringify(decided) });
    await waitFor('dead-lettered', () => processed.some((p) => p.eventId === decided.eventId && p.outcome === 'dead-lettered'));
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: { CASEBRIDGE_KAFKA_BROKERS: endpoints().kafkaBrokers.join(','), CASEBRIDGE_TOPIC_SUFFIX: topics.suffix } };
    const out: string[] = [];
    const err: string[] = [];
    expect(await runDeadLettersCli(['list', '--group', groupId, '--type', 'transfer.head-decided', '--json'], io)).toBe(0);
    const listed = JSON.parse(out.pop()!) as { id: string; type: string; reason: string; consumerGroup: string; sourceTopic: string }[];
    expect(listed.map((l) => [l.type, l.reason, l.consumerGroup, l.sourceTopic])).toEqual([
      ['transfer.head-decided', 'handler-failed', groupId, topics.names.forProducer('enforcement')],
    ]);
    expect(await runDeadLettersCli(['replay'], io)).toBe(2);
    expect(await runDeadLettersCli(['replay', '--id', '9:999'], io)).toBe(2);
    refuseDecisions = false; // the cause is fixed: replay
    expect(await runDeadLettersCli(['replay', '--id', listed[0]!.id], io)).toBe(0);
    expect(out.pop()).toBe(`replayed 1 event(s) to their source topics: ${listed[0]!.id}`);
    await waitFor('the replayed event applied', () => decisionsApplied.includes(decided.eventId));
    expect(decisionsApplied.filter((id) => id === decided.eventId)).toHaveLength(1);
  });

  it('the sweep applies a parked event whose record was created without an event', async () => {
    const caseId = randomUUID();
    const early = enforcementEnvelope('evidence.attached', caseId, payloads.evidenceAttached(caseId, 3));
    await send({ key: caseId, value: JSON.stringify(early) });
    await waitFor('parked', () => processed.some((p) => p.eventId === early.eventId && p.outcome === 'parked'));
    await ds.getRepository(KnownCase).insert({ id: caseId }); // e.g. created by an HTTP command
    await waitFor('applied by the sweep', async () => (await ds.getRepository(AttachedEvidence).countBy({ caseId })) === 1, 10_000);
  });
});
