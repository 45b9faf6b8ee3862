import { TestWorkflowEnvironment } from '@temporalio/testing';
import { endpoints } from './endpoints';

/** Temporal's time-skipping test server (Java, from Maven Central): 30-day timers run in seconds. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = endpoints().temporalTestServer || process.env.CASEBRIDGE_TEMPORAL_TEST_SERVER;
  if (!path) throw new Error('CASEBRIDGE_TEMPORAL_TEST_SERVER is not set: run through jest global setup (npm test)');
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

/** The dev server started by infra/local/up (or a container): real time, real persistence. */
export async function attachToDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: endpoints().temporalAddress, namespace: 'default' });
}
