import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NativeConnection, Worker } from '@temporalio/worker';
import { envValidator } from '@casebridge/platform';
import { workflowBundlerOptions } from '@casebridge/workflows/bundler-options';
import { TaskQueues } from '@casebridge/workflows/task-queues';
import { WorkerEnv } from './worker.env';

async function main(): Promise<void> {
  const env = envValidator(WorkerEnv)(process.env);
  const connection = await NativeConnection.connect({ address: env.CASEBRIDGE_TEMPORAL_ADDRESS });
  const bundle = env.CASEBRIDGE_WORKFLOW_BUNDLE && existsSync(env.CASEBRIDGE_WORKFLOW_BUNDLE)
    ? { workflowBundle: { codePath: env.CASEBRIDGE_WORKFLOW_BUNDLE } }
    : { workflowsPath: require.resolve('@casebridge/workflows'), bundlerOptions: workflowBundlerOptions() };
  const worker = await Worker.create({
    connection,
    namespace: env.CASEBRIDGE_TEMPORAL_NAMESPACE,
    taskQueue: TaskQueues.cases,
    ...bundle,
  });
  const stop = (): void => worker.shutdown();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stderr.write(`[workflow-worker] polling ${TaskQueues.cases} on ${env.CASEBRIDGE_TEMPORAL_ADDRESS}\n`);
  await worker.run();
  await connection.close();
}
main().catch((e: unknown) => {
  process.stderr.write(`[workflow-worker] ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
