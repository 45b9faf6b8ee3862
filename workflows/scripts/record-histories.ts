/**
 * Records the history of every workflow path (workflows/src/testing/scenarios.ts) on Temporal's
 * time-skipping test server and saves it as workflows/test-histories/<path>.json.
 * replay.workflow-spec.ts replays them against the current workflow code: a change that is not
 * replay-safe fails there.
 *
 * Format: { workflowId, scenario, format, history } where history is the protobufjs JSON object of
 * temporal.api.history.v1.History (int64 as strings, enums as names, bytes as base64) — see
 * workflows/src/testing/history-files.ts for why not the CLI's proto3 JSON.
 *
 *   node -r @swc-node/register workflows/scripts/record-histories.ts [name-filter] [file-suffix]
 *
 * With a file suffix the histories are written as <path><suffix>.json beside the older recordings of the same path
 * (e.g. `transfer-filed -steps-v2` → transfer-filed-steps-v2.json): running workflows keep their old histories.
 *
 * Run from the repository root. The test server is CASEBRIDGE_TEMPORAL_TEST_SERVER, or the one
 * infra/local/up installs (.infra/temporal-test-server/temporal-test-server). Record again after an
 * intended change of a workflow's commands (and keep the old files for running workflows: add new ones).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { SCENARIOS } from '../src/testing/scenarios';
import { historyToFile } from '../src/testing/history-files';
import { startCaseTestKit, waitIdle } from '../src/testing/workflow-test-kit';

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'workflows/test-histories');

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const server =
    process.env.CASEBRIDGE_TEMPORAL_TEST_SERVER ?? path.join(root, '.infra/temporal-test-server/temporal-test-server');
  if (!existsSync(server))
    throw new Error(`no time-skipping test server at ${server}: run infra/local/up test-server first`);
  const filter = process.argv[2] || undefined;
  const suffix = process.argv[3] ?? '';
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: server } },
  });
  const kit = await startCaseTestKit(env);
  mkdirSync(outDir, { recursive: true });
  try {
    for (const scenario of SCENARIOS) {
      if (filter && !scenario.name.includes(filter)) continue;
      const workflowId = await scenario.run(kit);
      await waitIdle(kit, workflowId);
      const history = await kit.client.workflow.getHandle(workflowId).fetchHistory();
      const file = path.join(outDir, `${scenario.name}${suffix}.json`);
      writeFileSync(file, `${JSON.stringify(historyToFile(scenario.name, workflowId, history), null, 1)}\n`);
      process.stderr.write(
        `[histories] ${scenario.name}: ${history.events?.length ?? 0} events → ${path.relative(root, file)}\n`,
      );
    }
  } finally {
    await kit.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
