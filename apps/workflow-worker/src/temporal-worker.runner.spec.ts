import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WORKFLOWS_ENTRY } from '@casebridge/workflows/bundler-options';
import { workflowCode } from './temporal-worker.runner';

describe('workflowCode: which workflow code the worker runs', () => {
  it('the configured prebuilt bundle', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bundle-')), 'workflow-bundle.js');
    writeFileSync(file, '// bundle');
    expect(workflowCode(file)).toEqual({ workflowBundle: { codePath: file } });
  });

  it('refuses a configured bundle that does not exist rather than silently bundling the sources', () => {
    expect(() => workflowCode('/nowhere/workflow-bundle.js')).toThrow(
      /CASEBRIDGE_WORKFLOW_BUNDLE=\/nowhere\/workflow-bundle.js: no such file/,
    );
  });

  it('from the TypeScript sources without a configured bundle: bundles workflows/src/index.ts at start-up', () => {
    const code = workflowCode('');
    expect(code).toMatchObject({ workflowsPath: WORKFLOWS_ENTRY });
    expect(WORKFLOWS_ENTRY).toMatch(/workflows\/src\/index\.ts$/);
  });
});
