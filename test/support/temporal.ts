import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '@casebridge/workflows/search-attributes';
import { endpoints } from './endpoints';

const INDEXED = temporal.api.enums.v1.IndexedValueType;
const TYPES = {
  KEYWORD: INDEXED.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: INDEXED.INDEXED_VALUE_TYPE_DATETIME,
  BOOL: INDEXED.INDEXED_VALUE_TYPE_BOOL,
} as const;

/** The case workflows' custom search attributes, registered like `start-dev --search-attribute` does on the dev server. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment, namespace = 'default'): Promise<void> {
  const searchAttributes = Object.fromEntries(SEARCH_ATTRIBUTE_DEFINITIONS.map((d) => [d.name, TYPES[d.type]]));
  try {
    await env.connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (e) {
    if (!/already/i.test((e as Error).message)) throw e;
  }
}

/**
 * Attempts at starting the test server: the SDK gives it a fixed 5 s, which a busy machine can miss.
 * CASEBRIDGE_TEMPORAL_TEST_SERVER_ATTEMPTS raises it on a machine busier still (default 3).
 */
const TEST_SERVER_START_ATTEMPTS = Math.max(1, Number(process.env.CASEBRIDGE_TEMPORAL_TEST_SERVER_ATTEMPTS) || 3);

/**
 * Temporal's time-skipping test server (Java, from Maven Central): 30-day timers run in seconds.
 * The SDK waits a fixed 5 s for the server to accept connections ("ephemeral server … did not start within
 * 5s"); on a loaded machine (CI with another process on one of two cores) that start is tried again, up to
 * TEST_SERVER_START_ATTEMPTS times, on a new random port. Any other error is thrown at once.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = endpoints().temporalTestServer || process.env.CASEBRIDGE_TEMPORAL_TEST_SERVER;
  if (!path) throw new Error('CASEBRIDGE_TEMPORAL_TEST_SERVER is not set: run through jest global setup (npm test)');
  for (let attempt = 1; ; attempt++) {
    try {
      const env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path } },
      });
      await registerSearchAttributes(env);
      return env;
    } catch (e) {
      if (attempt >= TEST_SERVER_START_ATTEMPTS || !/did not start within/i.test(String((e as Error)?.message)))
        throw e;
      process.stderr.write(
        `[test] the time-skipping test server did not start in time (attempt ${attempt}); starting it again\n`,
      );
    }
  }
}

/** The dev server started by infra/local/up (or a container): real time, real persistence. */
export async function attachToDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({
    address: endpoints().temporalAddress,
    namespace: 'default',
  });
}
