import 'reflect-metadata';
import { bootstrapHttpApp, type HttpAppSpec } from '@casebridge/platform';
import { WorkerModule } from './worker.module';

const spec: HttpAppSpec = {
  title: 'CaseBridge — workflow worker',
  description: 'Runs the case workflows on Temporal and bridges agency events into them. No business API: '
    + 'GET /health (PostgreSQL, Kafka, the Temporal worker) for probes.',
  port: 3007,
};

bootstrapHttpApp(WorkerModule, spec).catch((e: unknown) => {
  process.stderr.write(`[workflow-worker] ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
