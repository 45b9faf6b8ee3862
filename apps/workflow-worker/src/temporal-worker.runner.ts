import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';
import { workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { createCaseActivities } from '@casebridge/workflows/node';
import { OutboxDeadlineSink } from './outbox-deadline.sink';
import type { WorkerEnv } from './worker.env';

export const WORKER_ENV = Symbol('WORKER_ENV');

/** Runs the Temporal worker of the case workflows inside the Nest application context. */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('workflow-worker');
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(@Inject(WORKER_ENV) private readonly env: WorkerEnv, private readonly sink: OutboxDeadlineSink) {}

  async onApplicationBootstrap(): Promise<void> {
    const env = this.env;
    this.connection = await NativeConnection.connect({ address: env.CASEBRIDGE_TEMPORAL_ADDRESS });
    const code = env.CASEBRIDGE_WORKFLOW_BUNDLE && existsSync(env.CASEBRIDGE_WORKFLOW_BUNDLE)
      ? { workflowBundle: { codePath: env.CASEBRIDGE_WORKFLOW_BUNDLE } }
      : { workflowsPath: require.resolve('@casebridge/workflows'), bundlerOptions: workflowBundlerOptions() };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: env.CASEBRIDGE_TEMPORAL_NAMESPACE,
      taskQueue: env.CASEBRIDGE_TEMPORAL_TASK_QUEUE,
      // CASEBRIDGE_CALENDAR_FILE years added; a statutory period reaching into a year whose holiday
      // arrangement is not loaded yet is counted on the statutory floor and flagged, rather than stopping
      // the workflow (`npm run calendar -- load` recomputes once the year is loaded)
      activities: createCaseActivities({ engine: serviceDeadlineEngine(), sink: this.sink }),
      ...code,
    });
    this.running = this.worker.run().catch((e: unknown) => {
      this.logger.error(`Temporal worker stopped: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    console.log(`[workflow-worker] ready: polling ${env.CASEBRIDGE_TEMPORAL_TASK_QUEUE} on ${env.CASEBRIDGE_TEMPORAL_ADDRESS}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
