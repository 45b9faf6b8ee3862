// Prebuilds the workflow bundle the worker loads in production: node -r ./scripts/register.js workflows/src/build-bundle.ts <out.js>
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions } from './bundler-options';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? '.infra/build/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), ...workflowBundlerOptions() });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  process.stderr.write(`[workflows] bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)\n`);
}
main().catch((e: unknown) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
