// Imported first by main.ts: starts OpenTelemetry tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) before the
// modules it instruments (http, pg) load. Off: nothing but a check of the environment.
import { startTracing } from '@casebridge/platform/tracing';

startTracing('court');
