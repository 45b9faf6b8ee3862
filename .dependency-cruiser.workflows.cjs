/**
 * The workflow sandbox (Temporal replays workflow code: it must be deterministic and do no I/O), checked
 * by `npm run check:boundaries`. Only imports that survive compilation count here (tsPreCompilationDeps:
 * false), so `import type` from the activities is allowed and a value import is not — and the rules
 * follow every module a *.workflow.ts file reaches, not only its own imports.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const WORKFLOW = '^workflows/src/.*[.]workflow[.]ts$';

module.exports = {
  forbidden: [
    {
      name: 'workflow-activities-types-only',
      comment:
        'Workflow code calls activities through proxyActivities and imports only their types; the implementation ' +
        '(workflows/src/activities/*, except the *.contracts.ts of plain types and constants) runs in the worker.',
      severity: 'error',
      from: { path: WORKFLOW },
      to: { reachable: true, path: '^workflows/src/activities/', pathNot: '\\.contracts\\.ts$' },
    },
    {
      name: 'workflow-no-io',
      comment:
        'Workflow code does no I/O and uses no clock or randomness of its own: no Node core module, database, Kafka, ' +
        'HTTP, NestJS, Temporal client/worker/activity package, no app and no I/O library of ours, however deep the import.',
      severity: 'error',
      from: { path: WORKFLOW },
      to: {
        reachable: true,
        path: [
          '^(node:)?(fs|fs/promises|net|http|http2|https|dgram|dns|tls|child_process|cluster|worker_threads|os|crypto|process|readline|stream|zlib|perf_hooks|timers|v8|vm)$',
          '(^|/)node_modules/(@nestjs/|typeorm/|kafkajs/|pg/|pg-|express/|undici/|axios/|nestjs-pino/|pino/|@temporalio/(client|worker|activity|testing)/)',
          '^apps/',
          '^libs/(messaging|platform|auth|agency-inbox|sharing|cooperation)/',
          '^workflows/src/(bridge|node)',
        ],
      },
    },
  ],
  options: {
    ...require('./.dependency-cruiser.cjs').options,
    exclude: { path: '(^|/)(dist|\\.infra|test-output|\\.scratch)/|\\.(spec|workflow-spec)\\.ts$' },
    tsPreCompilationDeps: false,
  },
};
