import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** The workflow bundle's entry module (./index): index.ts from source, index.js in the compiled build (dist/). */
export const WORKFLOWS_ENTRY = require.resolve('./index');

/**
 * Where `npm run build` writes the prebuilt workflow bundle: dist/workflows/workflow-bundle.js. Only the compiled
 * build has one (undefined when running from the TypeScript sources, so a stale file cannot shadow them).
 */
export const BUILT_WORKFLOW_BUNDLE: string | undefined = __filename.endsWith('.js')
  ? path.resolve(__dirname, '../workflow-bundle.js')
  : undefined;

/**
 * Webpack options for Temporal's workflow bundler: resolves the @casebridge/* aliases of tsconfig.json,
 * so workflow code can import the pure libs (contracts types, legal-time) like the rest of the code.
 * From the compiled build (dist/, no tsconfig.json beside it) there is nothing to resolve: the build
 * already rewrote the aliases into relative paths.
 */
export function workflowBundlerOptions(): Pick<BundleOptions, 'webpackConfigHook'> {
  const root = path.resolve(__dirname, '../..');
  const tsconfig = path.join(root, 'tsconfig.json');
  if (!existsSync(tsconfig)) return {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compilerOptions } = require(tsconfig) as { compilerOptions: { paths: Record<string, string[]> } };
  const alias: Record<string, string> = {};
  for (const [name, [target]] of Object.entries(compilerOptions.paths)) {
    if (!name.endsWith('/*')) alias[name] = path.join(root, target!);
  }
  return {
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), ...alias } };
      return config;
    },
  };
}
