import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TraceAttributes } from '@casebridge/contracts';
import { captureTraceContext, consumeInSpan, endSpan, startPublishSpan } from './message-tracing';

const LINKED = '01a24945-251b-7118-b047-6ac3ceff2740';
const base = {
  topic: 'casebridge.police.events.v1',
  partition: 3,
  offset: '41',
  consumerGroup: 'casebridge-workflow-worker',
};

describe('message tracing without an SDK (tracing off)', () => {
  it('stores nothing, adds no header, still runs the consumer', async () => {
    expect(captureTraceContext([LINKED])).toBeNull();
    expect(startPublishSpan({ topic: 't', key: LINKED, eventType: 'x.y', eventId: 'e', traceContext: null })).toEqual({
      headers: {},
    });
    await expect(consumeInSpan({ ...base, headers: {} }, async () => ({ outcome: 'applied' }))).resolves.toEqual({
      outcome: 'applied',
    });
  });
});

describe('message tracing: outbox row → Kafka headers → consumer span', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();

  beforeAll(() => {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterAll(async () => {
    trace.disable();
    context.disable();
    propagation.disable();
    await provider.shutdown();
  });
  beforeEach(() => exporter.reset());

  const tracer = (): ReturnType<typeof trace.getTracer> => trace.getTracer('spec');

  it('one trace: the command span → the row → PRODUCER span → CONSUMER span, the linked case on each', async () => {
    const command = tracer().startSpan('POST /transfers/:transferId/receipt', { kind: SpanKind.SERVER });
    const stored = context.with(trace.setSpan(context.active(), command), () => captureTraceContext([LINKED, LINKED]));
    command.end();
    expect(stored!.traceparent).toBe(`00-${command.spanContext().traceId}-${command.spanContext().spanId}-01`);

    const { span: publish, headers } = startPublishSpan({
      topic: base.topic,
      key: LINKED,
      eventType: 'transfer.receipt-signed',
      eventId: 'ev-1',
      traceContext: stored,
    });
    endSpan(publish);
    expect(headers.traceparent).toBe(`00-${command.spanContext().traceId}-${publish!.spanContext().spanId}-01`);

    let inside: string | undefined;
    // kafkajs hands headers over as Buffers
    const kafkaHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
    await consumeInSpan(
      { ...base, headers: { ...kafkaHeaders, type: Buffer.from('transfer.receipt-signed') } },
      async () => {
        inside = trace.getActiveSpan()?.spanContext().spanId;
        return { outcome: 'applied', eventId: 'ev-1', type: 'transfer.receipt-signed', linkedCaseId: LINKED };
      },
    );

    const [cmd, pub, con] = exporter.getFinishedSpans();
    expect(cmd!.attributes[TraceAttributes.linkedCaseId]).toBe(LINKED);
    expect(pub).toMatchObject({
      name: `${base.topic} publish`,
      kind: SpanKind.PRODUCER,
      parentSpanId: command.spanContext().spanId,
    });
    expect(pub!.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': base.topic,
      [TraceAttributes.linkedCaseId]: LINKED,
      [TraceAttributes.eventId]: 'ev-1',
    });
    expect(con).toMatchObject({
      name: `${base.topic} process`,
      kind: SpanKind.CONSUMER,
      parentSpanId: pub!.spanContext().spanId,
    });
    expect(con!.spanContext().traceId).toBe(command.spanContext().traceId);
    expect(con!.attributes).toMatchObject({
      'messaging.consumer.group.name': base.consumerGroup,
      'messaging.kafka.offset': 41,
      [TraceAttributes.outcome]: 'applied',
      [TraceAttributes.linkedCaseId]: LINKED,
      [TraceAttributes.eventType]: 'transfer.receipt-signed',
    });
    expect(inside).toBe(con!.spanContext().spanId); // the handlers run in the consumer span
  });

  it('a message without trace headers starts a root consumer span; a failure marks it and is rethrown', async () => {
    await expect(
      consumeInSpan({ ...base, headers: undefined }, async () => {
        throw new Error('database away');
      }),
    ).rejects.toThrow('database away');
    const [span] = exporter.getFinishedSpans();
    expect(span!.parentSpanId).toBeUndefined();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: expect.stringContaining('database away') });
  });

  it('a row written outside any trace is published without a span or header', () => {
    expect(captureTraceContext([LINKED])).toBeNull();
    expect(
      startPublishSpan({ topic: 't', key: LINKED, eventType: 'x.y', eventId: 'e', traceContext: null }).headers,
    ).toEqual({});
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });
});
