import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { KafkaHealthIndicator } from '@casebridge/messaging';
import { activeTracing, HealthModule, messagingModule, readEnv, serviceImports } from '@casebridge/platform';
import { TemporalBridge } from '@casebridge/workflows/node';
import { BridgeConsumer } from './bridge.consumer';
import { OutboxDeadlineSink } from './outbox-deadline.sink';
import { WORKFLOW_SCHEMA } from './schema';
import { WORKER_CONSUMED_TOPICS } from './topics';
import { TemporalWorkerRunner, WORKER_ENV } from './temporal-worker.runner';
import { WorkerEnv } from './worker.env';

/** The Temporal worker itself (exported for the health check) and the validated worker env. */
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: WORKER_ENV, inject: [ConfigService], useFactory: (c: ConfigService) => readEnv(c, WorkerEnv) },
    OutboxDeadlineSink,
    TemporalWorkerRunner,
  ],
  exports: [WORKER_ENV, TemporalWorkerRunner],
})
export class TemporalWorkerModule {}

/**
 * The workflow worker: runs the case workflows (Temporal), bridges agency events from Kafka into them,
 * and publishes their deadline events through its own outbox (database casebridge_workflow). Its HTTP port
 * (PORT, default 3007) serves only /health (database, Kafka, the Temporal worker's state) and /docs.
 */
@Module({
  imports: [
    ...serviceImports({ service: 'workflow-worker', env: WorkerEnv, schema: WORKFLOW_SCHEMA, agencyKinds: 'any' }),
    messagingModule({
      service: 'workflow-worker',
      producer: { kind: 'workflow', agencyId: 'workflow' },
      consumes: [...WORKER_CONSUMED_TOPICS],
      // the bridge signals workflows in a producer's order across parking (BridgeConsumer)
      waitBehindParked: true,
    }),
    HealthModule.register({
      imports: [TemporalWorkerModule],
      inject: [KafkaHealthIndicator, TemporalWorkerRunner],
      checks: (kafka: KafkaHealthIndicator, runner: TemporalWorkerRunner) => [
        () => kafka.isHealthy('kafka'),
        async () => runner.isHealthy('temporalWorker'),
      ],
    }),
    TemporalWorkerModule,
  ],
  providers: [
    {
      provide: Client,
      inject: [WORKER_ENV],
      useFactory: async (env: WorkerEnv) =>
        new Client({
          connection: await Connection.connect({ address: env.CASEBRIDGE_TEMPORAL_ADDRESS }),
          namespace: env.CASEBRIDGE_TEMPORAL_NAMESPACE,
          // traced: each start/signal of the bridge is a span whose context the workflow continues (Temporal headers)
          ...(activeTracing() ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } } : {}),
        }),
    },
    {
      provide: TemporalBridge,
      inject: [Client, WORKER_ENV],
      useFactory: (client: Client, env: WorkerEnv) => {
        const logger = new Logger('TemporalBridge');
        return new TemporalBridge(client, {
          route: { taskQueue: env.CASEBRIDGE_TEMPORAL_TASK_QUEUE },
          logger: {
            info: (m, c) => logger.log(`${m} ${JSON.stringify(c ?? {})}`),
            warn: (m, c) => logger.warn(`${m} ${JSON.stringify(c ?? {})}`),
          },
        });
      },
    },
    BridgeConsumer,
  ],
})
export class WorkerModule {}
