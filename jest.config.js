// One jest config, three projects: unit (pure, next to the code), workflow (Temporal time-skipping
// server), e2e (real PostgreSQL, Kafka and Temporal, started by test/support/global-setup.ts).
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  const from = '^' + alias.replace('/*', '/(.*)') + '$';
  moduleNameMapper[from] = '<rootDir>/' + target.replace('/*', '/$1');
}
// ES-module-only dependencies the code under test loads: jose, uuid, and NestJS 12's packages
const esmOnly = ['jose', '@nestjs', 'uuid'];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // These packages ship ES modules only (Node loads them with require(esm); jest under Node 20 cannot, so
    // they are compiled to CommonJS here; jest's own `createRequire` keeps their lazy requires in its registry)
    [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['@swc/jest', { ...swcrc, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.infra/'],
};

module.exports = {
  // testTimeout is read globally only: infrastructure tests need minutes; unit tests finish in milliseconds anyway.
  testTimeout: 180000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,scripts,infra}/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.workflow-spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'workflow',
      testMatch: ['<rootDir>/{workflows,apps}/**/*.workflow-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
    },
  ],
};
