import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { NativeConnection, Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';
import { BUILT_WORKFLOW_BUNDLE, WORKFLOWS_ENTRY, workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { createCaseActivities } from '@casebridge/workflows/node';
import {
  activityTracingInterceptors,
  WORKFLOW_INTERCEPTOR_MODULES,
  workflowSpanSinks,
} from '@casebridge/workflows/workflow-tracing';
import { workflowThreadOptions } from '@casebridge/workflows/worker-thread';
import { activeTracing } from '@casebridge/platform/tracing';
import { OutboxDeadlineSink } from './outbox-deadline.sink';
import type { WorkerEnv } from './worker.env';

export const WORKER_ENV = Symbol('WORKER_ENV');

/**
 * The workflow code the worker runs: the configured prebuilt bundle (an error if that file is missing), else the
 * compiled build's bundle (dist/workflows/workflow-bundle.js), else the sources, bundled at start-up (development).
 */
export function workflowCode(configured: string):
  | { workflowBundle: { codePath: string } }
  | {
      workflowsPath: string;
      bundlerOptions: ReturnType<typeof workflowBundlerOptions>;
      interceptors: { workflowModules: string[] };
    } {
  if (configured) {
    if (!existsSync(configured))
      throw new Error(`CASEBRIDGE_WORKFLOW_BUNDLE=${configured}: no such file (build it with npm run build)`);
    return { workflowBundle: { codePath: configured } };
  }
  if (BUILT_WORKFLOW_BUNDLE && existsSync(BUILT_WORKFLOW_BUNDLE))
    return { workflowBundle: { codePath: BUILT_WORKFLOW_BUNDLE } };
  // the same workflow interceptors as the prebuilt bundle (workflows/src/build-bundle.ts)
  return {
    workflowsPath: WORKFLOWS_ENTRY,
    bundlerOptions: workflowBundlerOptions(),
    interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
  };
}

/** Runs the Temporal worker of the case workflows inside the Nest application context. */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('workflow-worker');
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(WORKER_ENV) private readonly env: WorkerEnv,
    private readonly sink: OutboxDeadlineSink,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Terminus indicator: up while the Temporal worker polls its task queue (state RUNNING). */
  isHealthy<const Key extends string>(key: Key): HealthIndicatorResult<Key> {
    const state = this.worker?.getState() ?? 'INITIALIZED';
    const indicator = this.health.check(key);
    return state === 'RUNNING'
      ? indicator.up({ taskQueue: this.env.CASEBRIDGE_TEMPORAL_TASK_QUEUE })
      : indicator.down({ state });
  }

  async onApplicationBootstrap(): Promise<void> {
    const env = this.env;
    this.connection = await NativeConnection.connect({ address: env.CASEBRIDGE_TEMPORAL_ADDRESS });
    const code = workflowCode(env.CASEBRIDGE_WORKFLOW_BUNDLE);
    // traces (OTEL_EXPORTER_OTLP_ENDPOINT): workflow spans through the service's span processor, RunActivity spans
    const tracing = activeTracing();
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: env.CASEBRIDGE_TEMPORAL_NAMESPACE,
      taskQueue: env.CASEBRIDGE_TEMPORAL_TASK_QUEUE,
      // CASEBRIDGE_CALENDAR_FILE years added; a statutory period reaching into a year whose holiday
      // arrangement is not loaded yet is counted on the statutory floor and flagged, rather than stopping
      // the workflow (`npm run calendar -- load` recomputes once the year is loaded)
      activities: createCaseActivities({ engine: serviceDeadlineEngine(), sink: this.sink }),
      ...code,
      interceptors: {
        ...('interceptors' in code ? code.interceptors : {}),
        ...(tracing ? { activity: activityTracingInterceptors() } : {}),
      },
      sinks: workflowSpanSinks(tracing),
      // bounded: see workflows/src/worker-thread.ts (temporalio/sdk-typescript#939 under many open workflows)
      ...workflowThreadOptions(env.CASEBRIDGE_WORKFLOW_CACHE_SIZE),
    });
    this.running = this.worker.run().catch((e: unknown) => {
      this.logger.error(`Temporal worker stopped: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    console.log(
      `[workflow-worker] ready: polling ${env.CASEBRIDGE_TEMPORAL_TASK_QUEUE} on ${env.CASEBRIDGE_TEMPORAL_ADDRESS}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
