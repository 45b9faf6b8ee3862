// Prebuilds the workflow bundle the worker loads in production. `npm run build` runs the compiled copy:
//   node dist/workflows/src/build-bundle.js   (writes dist/workflows/workflow-bundle.js; or give <out.js>)
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { BUILT_WORKFLOW_BUNDLE, WORKFLOWS_ENTRY, workflowBundlerOptions } from './bundler-options';
import { WORKFLOW_INTERCEPTOR_MODULES } from './workflow-tracing';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? BUILT_WORKFLOW_BUNDLE ?? '.infra/build/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_ENTRY,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    ...workflowBundlerOptions(),
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  process.stderr.write(`[workflows] bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)\n`);
}
main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
