import './tracing';
import 'reflect-metadata';
import { bootstrapHttpApp, MetricsSources, type HttpAppSpec } from '@casebridge/platform';
import { installTemporalTelemetry, readTemporalMetrics } from './temporal-telemetry';
import { WorkerModule } from './worker.module';

const spec: HttpAppSpec = {
  title: 'CaseBridge — workflow worker',
  description:
    'Runs the case workflows on Temporal and bridges agency events into them. No business API: ' +
    'GET /health (PostgreSQL, Kafka, the Temporal worker) for probes, GET /metrics (Prometheus, with the Temporal SDK metrics).',
  port: 3007,
};

async function main(): Promise<void> {
  const temporalMetrics = installTemporalTelemetry();
  const app = await bootstrapHttpApp(WorkerModule, spec);
  if (temporalMetrics) app.get(MetricsSources).add('temporal-sdk', () => readTemporalMetrics(temporalMetrics));
}

main().catch((e: unknown) => {
  process.stderr.write(`[workflow-worker] ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
