// Runs TypeScript sources directly: `node -r ./scripts/register.js some/file.ts`.
// swc transpiles (no type check: `npm run typecheck` does that) and tsconfig-paths maps @casebridge/* aliases.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
tsconfigPaths.register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, { ...swcrc, filename, swcrc: false });
  module._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);
