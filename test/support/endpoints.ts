/**
 * Where the real infrastructure of a test run is. Set by global-setup.ts (from the environment,
 * testcontainers, or the local processes of infra/local/up) and inherited by the jest workers.
 */
export interface Endpoints {
  pg: { host: string; port: number; user: string; password: string };
  kafkaBrokers: string[];
  temporalAddress: string;
  /** Path of the executable that runs Temporal's time-skipping test server. */
  temporalTestServer: string;
}

export function endpoints(): Endpoints {
  const e = process.env;
  const missing = ['CASEBRIDGE_PG_HOST', 'CASEBRIDGE_KAFKA_BROKERS', 'CASEBRIDGE_TEMPORAL_ADDRESS'].filter(
    (k) => !e[k],
  );
  if (missing.length) {
    throw new Error(
      `test endpoints missing (${missing.join(', ')}): run the tests through jest's global setup (npm test)`,
    );
  }
  return {
    pg: {
      host: e.CASEBRIDGE_PG_HOST!,
      port: Number(e.CASEBRIDGE_PG_PORT ?? 5432),
      user: e.CASEBRIDGE_PG_USER ?? 'postgres',
      password: e.CASEBRIDGE_PG_PASSWORD ?? 'postgres',
    },
    kafkaBrokers: e.CASEBRIDGE_KAFKA_BROKERS!.split(','),
    temporalAddress: e.CASEBRIDGE_TEMPORAL_ADDRESS!,
    temporalTestServer: e.CASEBRIDGE_TEMPORAL_TEST_SERVER ?? '',
  };
}
