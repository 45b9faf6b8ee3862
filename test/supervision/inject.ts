/**
 * Publishes integration events straight onto a test system's topics, exactly as a producer's relay
 * would (validated by the same checks: contracts registry + producer rules). Used to stand in for
 * the workflow worker's deadline events and to create orphans.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createEnvelope, type IntegrationEventEnvelope, type ProducerKind } from '@casebridge/contracts';
import { prepareOutgoing, TopicNames } from '@casebridge/messaging';

export interface EventSpec {
  type: string;
  version?: number;
  linkedCaseId: string;
  producer: { kind: ProducerKind; agencyId: string };
  actor?: string;
  occurredAt?: Date | string;
  payload: object;
}

export function envelope(spec: EventSpec): IntegrationEventEnvelope {
  return createEnvelope({
    type: spec.type,
    version: spec.version ?? 1,
    linkedCaseId: spec.linkedCaseId,
    producer: spec.producer,
    actor: { officerId: spec.actor ?? `system:${spec.producer.kind}` },
    occurredAt: spec.occurredAt,
    payload: spec.payload,
  });
}

export async function publish(
  brokers: string[],
  suffix: string,
  specs: EventSpec[],
): Promise<IntegrationEventEnvelope[]> {
  const topics = new TopicNames({ suffix });
  const producer = new Kafka({
    clientId: `supervision-test-${randomUUID().slice(0, 8)}`,
    brokers,
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  try {
    const out: IntegrationEventEnvelope[] = [];
    for (const spec of specs) {
      const e = envelope(spec);
      const m = prepareOutgoing(e, topics);
      await producer.send({
        topic: m.topic,
        acks: -1,
        messages: [{ key: m.key, value: JSON.stringify(m.envelope), headers: m.headers }],
      });
      out.push(e);
    }
    return out;
  } finally {
    await producer.disconnect();
  }
}

const WORKFLOW = { kind: 'workflow' as const, agencyId: 'workflow' };
const H = 3_600_000;

/** A deadline step as the workflow would publish it (started, optionally warned/missed/closed). */
export function deadlineEvents(o: {
  linkedCaseId: string;
  subjectId: string;
  ruleId: string;
  owingAgencyId: string;
  startedAt: Date;
  dueAt: Date;
  variant?: string;
  then?: ('warning' | 'missed' | 'met' | 'late' | 'moot')[];
  /** who owes the step (deadline.started v2): a party's step is followed by owingAgencyId */
  owner?: { kind: 'agency'; agencyId: string } | { kind: 'party'; role: string; name?: string };
}): EventSpec[] {
  const stepId = `${o.subjectId}/${o.ruleId}`;
  const lastDay = new Date(o.dueAt.getTime() + 8 * H).toISOString().slice(0, 10);
  const base = { stepId, subjectId: o.subjectId, ruleId: o.ruleId };
  const specs: EventSpec[] = [
    {
      type: 'deadline.started',
      ...(o.owner ? { version: 2 } : {}),
      linkedCaseId: o.linkedCaseId,
      producer: WORKFLOW,
      occurredAt: o.startedAt,
      payload: {
        ...base,
        ...(o.owner ? { owner: o.owner } : {}),
        variant: o.variant ?? 'standard',
        owingAgencyId: o.owingAgencyId,
        startedAt: o.startedAt.toISOString(),
        dueAt: o.dueAt.toISOString(),
        lastDay,
        explain: {
          start: { instant: o.startedAt.toISOString(), note: 'test clock' },
          countingMode: 'hours',
          periodText: '24 hours',
          rawEnd: o.dueAt.toISOString(),
          shifts: [],
          holidayRule: 'test',
        },
      },
    },
  ];
  for (const t of o.then ?? []) {
    if (t === 'warning')
      specs.push({
        type: 'deadline.warning',
        linkedCaseId: o.linkedCaseId,
        producer: WORKFLOW,
        payload: { ...base, owingAgencyId: o.owingAgencyId, dueAt: o.dueAt.toISOString() },
      });
    else if (t === 'missed')
      specs.push({
        type: 'deadline.missed',
        version: 2,
        linkedCaseId: o.linkedCaseId,
        producer: WORKFLOW,
        payload: {
          ...base,
          variant: o.variant ?? 'standard',
          owingAgencyId: o.owingAgencyId,
          dueAt: o.dueAt.toISOString(),
        },
      });
    else
      specs.push({
        type: 'deadline.closed',
        linkedCaseId: o.linkedCaseId,
        producer: WORKFLOW,
        payload: { ...base, outcome: t },
      });
  }
  return specs;
}
