/**
 * W3C trace context across the outbox and Kafka (OpenTelemetry propagation API; a no-op when the process runs no
 * SDK): the writer keeps the context of the state change with its outbox row, the relay sends each row in a
 * PRODUCER span child of it and puts that span in the message headers (`traceparent`, `tracestate`), the consumer
 * processes each message in a CONSUMER span child of the headers' context. Attribute names: OpenTelemetry's
 * messaging conventions, plus TraceAttributes (@casebridge/contracts).
 */
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { TraceAttributes } from '@casebridge/contracts/trace-attributes';
import type { IHeaders } from 'kafkajs';
import { errorMessage } from '../errors';

const tracer = trace.getTracer('@casebridge/messaging');

/** Trace context as stored with an outbox row: the propagator's carrier (`traceparent`, `tracestate`, `baggage`). */
export type TraceCarrier = Record<string, string>;

/**
 * The active trace context as a carrier to store with an outbox row (null when nothing is traced), and the
 * linked-case id set on the active span (the HTTP command or the activity that wrote the events).
 */
export function captureTraceContext(linkedCaseIds: readonly string[]): TraceCarrier | null {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return null;
  const ids = [...new Set(linkedCaseIds)];
  if (ids.length) span.setAttribute(TraceAttributes.linkedCaseId, ids.length === 1 ? ids[0]! : ids);
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length ? carrier : null;
}

export interface PublishTraceInput {
  topic: string;
  key: string;
  eventType: string;
  eventId: string;
  traceContext: TraceCarrier | null;
}

/**
 * Starts the PRODUCER span `<topic> publish` of one outbox row, child of the row's stored context, and returns
 * the headers that carry it to the consumer. Rows written without a trace get no span and no headers. The caller
 * ends the span with endSpan after the send.
 */
export function startPublishSpan(row: PublishTraceInput): { span?: Span; headers: Record<string, string> } {
  if (!row.traceContext) return { headers: {} };
  const parent = propagation.extract(ROOT_CONTEXT, row.traceContext);
  const span = tracer.startSpan(
    `${row.topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'publish',
        'messaging.destination.name': row.topic,
        'messaging.kafka.message.key': row.key,
        'messaging.message.id': row.eventId,
        [TraceAttributes.linkedCaseId]: row.key,
        [TraceAttributes.eventType]: row.eventType,
        [TraceAttributes.eventId]: row.eventId,
      },
    },
    parent,
  );
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), headers);
  return { span, headers };
}

/** Ends a span, failed when `error` is given. */
export function endSpan(span: Span | undefined, error?: unknown): void {
  if (!span) return;
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : new Error(errorMessage(error)));
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
  }
  span.end();
}

const kafkaHeaderGetter: TextMapGetter<IHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const v = carrier[key];
    if (v === undefined) return undefined;
    return Array.isArray(v) ? v.map(String) : String(v);
  },
};

export interface ConsumeTraceInput {
  topic: string;
  partition: number;
  offset: string;
  consumerGroup: string;
  headers: IHeaders | undefined;
}

/** What a traced consumption reports back onto its span. */
export interface ConsumeTraceResult {
  outcome: string;
  eventId?: string;
  type?: string;
  linkedCaseId?: string;
}

/**
 * Runs `fn` (decode, the inbox transaction with its handlers, the offset commit) inside the CONSUMER span
 * `<topic> process`, child of the message's `traceparent` (a root span when the message has none), so that
 * whatever the handlers do (a Temporal signal, an outbox row) continues the trace. The outcome, event and
 * linked-case id are set on the span from fn's result.
 */
export function consumeInSpan<T extends ConsumeTraceResult>(
  input: ConsumeTraceInput,
  fn: () => Promise<T>,
): Promise<T> {
  const parent: Context = input.headers
    ? propagation.extract(ROOT_CONTEXT, input.headers, kafkaHeaderGetter)
    : ROOT_CONTEXT;
  return tracer.startActiveSpan(
    `${input.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': input.topic,
        'messaging.destination.partition.id': String(input.partition),
        'messaging.kafka.offset': Number(input.offset),
        'messaging.consumer.group.name': input.consumerGroup,
      },
    },
    parent,
    async (span) => {
      try {
        const result = await fn();
        span.setAttribute(TraceAttributes.outcome, result.outcome);
        if (result.linkedCaseId) span.setAttribute(TraceAttributes.linkedCaseId, result.linkedCaseId);
        if (result.type) span.setAttribute(TraceAttributes.eventType, result.type);
        if (result.eventId) {
          span.setAttribute(TraceAttributes.eventId, result.eventId);
          span.setAttribute('messaging.message.id', result.eventId);
        }
        endSpan(span);
        return result;
      } catch (e) {
        endSpan(span, e);
        throw e;
      }
    },
  );
}
