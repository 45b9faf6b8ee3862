/**
 * The OpenTelemetry SDK of a service, loaded (require) only when tracing is on (./index.ts): with tracing off none
 * of these packages is loaded, and @opentelemetry/api stays the no-op it is by default.
 */
import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { envDetectorSync, Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { hostname } from 'node:os';
import type { Tracing } from './index';
import type { TracingConfig } from './tracing-config';

/** Requests that are not commands: probes and scrapes make no traces. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * Starts the tracer provider: OTLP/HTTP exporter (batched; OTEL_BSP_* tune the batches, OTEL_EXPORTER_OTLP_HEADERS
 * adds headers), W3C trace-context and baggage propagation, AsyncLocalStorage context, and the instrumentations:
 * incoming/outgoing HTTP (not /health, /metrics) and PostgreSQL queries made inside a traced operation (the relay's
 * and the consumer's idle polls make no traces). OTEL_RESOURCE_ATTRIBUTES adds resource attributes.
 */
export function startSdk(config: TracingConfig): Tracing {
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN); // failed exports show in the service's log
  const resource = envDetectorSync.detect().merge(
    new Resource({
      'service.name': config.serviceName,
      'service.namespace': 'casebridge',
      'service.instance.id': `${hostname()}:${process.pid}`,
    }),
  );
  const exporter =
    config.protocol === 'http/json'
      ? new OtlpJsonTraceExporter({ url: config.url })
      : new OtlpProtoTraceExporter({ url: config.url });
  const spanProcessor = new BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? '') }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return {
    serviceName: config.serviceName,
    url: config.url,
    protocol: config.protocol,
    resource,
    spanProcessor,
    shutdown: () => provider.shutdown(),
  };
}
