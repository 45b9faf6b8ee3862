import * as path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

const root = path.resolve(__dirname, '../..');

/**
 * Webpack options for Temporal's workflow bundler: resolves the @casebridge/* aliases of tsconfig.json,
 * so workflow code can import the pure libs (contracts types, legal-time) like the rest of the code.
 */
export function workflowBundlerOptions(): Pick<BundleOptions, 'webpackConfigHook'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compilerOptions } = require(path.join(root, 'tsconfig.json')) as { compilerOptions: { paths: Record<string, string[]> } };
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
