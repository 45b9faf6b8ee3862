/**
 * Module boundaries, checked by `npm run check:boundaries` (part of `npm test`; see scripts/check-boundaries.sh).
 * Every import counts here, type-only ones included (tsPreCompilationDeps): an app that imports another
 * app's type is still coupled to it. The workflow sandbox rules, where type-only imports are allowed,
 * are in .dependency-cruiser.workflows.cjs.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-app',
      comment: 'Apps talk only through Kafka events and Temporal: an app never imports another app, by any path (relative or not, types too).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-not-apps',
      comment: 'Libraries never depend on apps (nor on tests, benches or scripts).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|test|bench|scripts)/' },
    },
    {
      name: 'workflows-not-apps',
      comment: 'Workflows, their activities and the bridge are a library of the workflow worker: they never import an app.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^(apps|bench|scripts)/' },
    },
    {
      name: 'pure-libs-no-framework',
      comment:
        'libs/legal-time, libs/contracts and libs/flows are framework-free (used by every app, by workflow code and by third parties): ' +
        'no NestJS, TypeORM, Kafka, Temporal, PostgreSQL or HTTP framework, and none of the libs built on them.',
      severity: 'error',
      from: { path: '^libs/(legal-time|contracts|flows)/' },
      to: {
        path: [
          '(^|/)node_modules/(@nestjs/|typeorm/|kafkajs/|@temporalio/|pg/|pg-|express/|nestjs-pino/|pino/|rxjs/)',
          '^libs/(messaging|platform|auth|agency-inbox|sharing|cooperation)/',
          '^workflows/',
        ],
      },
    },
    {
      name: 'flows-no-io',
      comment:
        'libs/flows (phases, acts, views of each flow) is pure: besides no framework, no Node core module (fs, net, crypto, …), ' +
        'no database driver and no library of ours but contracts (event shapes) and legal-time (rule ids, statutory time).',
      severity: 'error',
      from: { path: '^libs/flows/' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'flows-only-pure-libs',
      comment: 'libs/flows reads only the pure libraries: contracts and legal-time (never messaging, platform, auth, directory, agency-inbox).',
      severity: 'error',
      from: { path: '^libs/flows/' },
      to: { path: '^libs/', pathNot: '^libs/(flows|contracts|legal-time)/' },
    },
    {
      name: 'legal-time-contracts-independent',
      comment: 'legal-time (statutory time) and contracts (event shapes) do not import each other: each is usable alone.',
      severity: 'error',
      from: { path: '^libs/legal-time/' },
      to: { path: '^libs/contracts/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve hides a boundary: fix the path (or the tsconfig alias).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(dist|\\.infra|test-output|\\.scratch)/|^apps/[^/]+/web/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
    skipAnalysisNotInRules: true,
  },
};
