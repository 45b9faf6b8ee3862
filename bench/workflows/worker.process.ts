/**
 * The workflow worker of bench/workflows, run as its own process (so its memory and CPU are its own): the worker's
 * activities (createCaseActivities) with a deadline engine whose rule book has the bench's overrides, the worker's
 * outbox sink (OutboxDeadlineSink) and outbox relay (woken by NOTIFY) to Kafka, and the raw baseline's activity.
 * Configuration: JSON in BENCH_WORKFLOWS_WORKER (see WorkerConfig). Prints `READY` once it polls; stops on SIGTERM.
 */
import 'reflect-metadata';
import { NativeConnection, Worker } from '@temporalio/worker';
import { logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createDeadlineEngine, type PeriodOverrides } from '@casebridge/legal-time';
import { loadCalendarFiles } from '@casebridge/legal-time/node';
import {
  createKafka,
  createReliableProducer,
  MESSAGING_SCHEMA,
  OutboxRelay,
  OutboxWriter,
  TopicNames,
} from '@casebridge/messaging';
import { workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { createCaseActivities } from '@casebridge/workflows/node';
import { workflowThreadOptions } from '@casebridge/workflows/worker-thread';
import { WORKFLOW_INTERCEPTOR_MODULES, workflowSpanSinks } from '@casebridge/workflows/workflow-tracing';
import { OutboxDeadlineSink } from '../../apps/workflow-worker/src/outbox-deadline.sink';
import type { RawTimerActivities } from './raw.workflow';

export interface WorkerConfig {
  temporalAddress: string;
  taskQueue: string;
  /** postgres:// URL of the bench's database (messaging schema migrated). */
  databaseUrl: string;
  brokers: string[];
  topicSuffix: string;
  rawTopic: string;
  overrides: PeriodOverrides;
  /** maxCachedWorkflows of the worker (workflows/src/worker-thread.ts); its default when undefined. */
  cacheSize?: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_WORKFLOWS_WORKER ?? '') as WorkerConfig;
  const ds = await new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    entities: MESSAGING_SCHEMA.entities,
    poolSize: 10,
  }).initialize();
  const kafka = createKafka({ brokers: config.brokers, clientId: 'bench-workflows-worker', logLevel: logLevel.ERROR });
  const relay = new OutboxRelay(ds, kafka, { batchSize: 100 });
  await relay.start();
  const producer = createReliableProducer(kafka);
  await producer.connect();
  const raw: RawTimerActivities = {
    rawTimerFired: async (id, dueMs) => {
      await producer.send({
        topic: config.rawTopic,
        acks: -1,
        messages: [{ key: id, value: JSON.stringify({ id, dueMs }) }],
      });
    },
  };
  const engine = createDeadlineEngine({
    calendar: loadCalendarFiles(undefined),
    uncoveredYears: 'provisional',
    ruleBook: { overrides: config.overrides },
  });
  const sink = new OutboxDeadlineSink(ds, new OutboxWriter(new TopicNames({ suffix: config.topicSuffix })));
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue: config.taskQueue,
    activities: { ...createCaseActivities({ engine, sink }), ...raw },
    workflowsPath: require.resolve('./bench.workflows'),
    bundlerOptions: workflowBundlerOptions(),
    interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
    sinks: workflowSpanSinks(undefined),
    ...workflowThreadOptions(config.cacheSize),
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('READY');
  await running;
  await relay.stop();
  await producer.disconnect();
  await connection.close();
  await ds.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
