/**
 * A tiny OTLP/HTTP trace receiver for tests (and a quick look at what `npm start` exports): POST /v1/traces with
 * protobuf (application/x-protobuf, the OTLP default; decoded with the codec of @opentelemetry/otlp-transformer)
 * or JSON (application/json), gzip or not. Spans are kept in memory, flattened with their resource's service.name.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
// the generated OTLP protobuf codec of OpenTelemetry's own exporters (no exports map: the build path is the way in)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { opentelemetry: otlp } = require('@opentelemetry/otlp-transformer/build/src/generated/root') as {
  opentelemetry: {
    proto: { collector: { trace: { v1: { ExportTraceServiceRequest: { decode(b: Uint8Array): unknown } } } } };
  };
};

/** OTLP SpanKind (proto enum). */
export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

export type AttributeValue = string | number | boolean | AttributeValue[] | null;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** '' for a root span */
  parentSpanId: string;
  name: string;
  kind: number;
  /** resource attribute service.name */
  service: string;
  attributes: Record<string, AttributeValue>;
  /** OTLP status code: 0 unset, 1 ok, 2 error */
  status: number;
}

interface OtlpAnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: number | string | { toString(): string } | null;
  doubleValue?: number | null;
  arrayValue?: { values?: OtlpAnyValue[] } | null;
}
interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue | null;
}
interface OtlpSpan {
  traceId: string | Uint8Array;
  spanId: string | Uint8Array;
  parentSpanId?: string | Uint8Array | null;
  name: string;
  kind?: number | null;
  attributes?: OtlpKeyValue[] | null;
  status?: { code?: number | null } | null;
}
interface OtlpRequest {
  resourceSpans?:
    | {
        resource?: { attributes?: OtlpKeyValue[] | null } | null;
        scopeSpans?: { spans?: OtlpSpan[] | null }[] | null;
      }[]
    | null;
}

function value(v: OtlpAnyValue | null | undefined): AttributeValue {
  if (!v) return null;
  if (v.stringValue != null) return v.stringValue;
  if (v.boolValue != null) return v.boolValue;
  if (v.intValue != null) return Number(v.intValue.toString());
  if (v.doubleValue != null) return v.doubleValue;
  if (v.arrayValue != null) return (v.arrayValue.values ?? []).map(value);
  return null;
}

const attributes = (list: OtlpKeyValue[] | null | undefined): Record<string, AttributeValue> =>
  Object.fromEntries((list ?? []).map((kv) => [kv.key, value(kv.value)]));

const hex = (id: string | Uint8Array | null | undefined): string =>
  id == null ? '' : typeof id === 'string' ? id : Buffer.from(id).toString('hex');

/** Flattens one export request (decoded protobuf or parsed JSON). */
export function flattenSpans(request: OtlpRequest): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const rs of request.resourceSpans ?? []) {
    const service = String(attributes(rs.resource?.attributes)['service.name'] ?? '');
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        out.push({
          traceId: hex(s.traceId),
          spanId: hex(s.spanId),
          parentSpanId: hex(s.parentSpanId),
          name: s.name,
          kind: s.kind ?? 0,
          service,
          attributes: attributes(s.attributes),
          status: s.status?.code ?? 0,
        });
      }
    }
  }
  return out;
}

export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** Export requests received, by content type. */
  readonly requests: Record<string, number> = {};
  private server?: Server;

  /** Listens on 127.0.0.1 (a free port). */
  async start(): Promise<this> {
    const server = createServer((req, res) => {
      // an empty ExportTraceServiceResponse (full success), in the request's encoding
      void this.receive(req).then(
        (json) => {
          res
            .writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' })
            .end(json ? '{}' : '');
        },
        (e: unknown) => {
          res.writeHead(400, { 'content-type': 'text/plain' }).end(String(e));
        },
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.server = server;
    return this;
  }

  /** The base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT (spans arrive at <it>/v1/traces). */
  get endpoint(): string {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('the OTLP receiver is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Decodes and keeps the spans of one request; true when it was JSON. */
  private async receive(req: IncomingMessage): Promise<boolean> {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/traces')
      throw new Error(`unexpected ${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    this.requests[type] = (this.requests[type] ?? 0) + 1;
    const request =
      type === 'application/json'
        ? (JSON.parse(body.toString('utf8')) as OtlpRequest)
        : (otlp.proto.collector.trace.v1.ExportTraceServiceRequest.decode(body) as OtlpRequest);
    this.spans.push(...flattenSpans(request));
    return type === 'application/json';
  }
}
