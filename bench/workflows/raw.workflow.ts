// The raw baseline of bench/workflows: a bare Temporal workflow with one timer and one activity (no CaseBridge
// code). Workflow-sandbox code: types only from outside.
import { proxyActivities, sleep } from '@temporalio/workflow';

export interface RawTimerActivities {
  /** Sends `{ id, dueMs }` to the bench's raw topic (kafkajs, idempotent, acks=all). */
  rawTimerFired(id: string, dueMs: number): Promise<void>;
}

const { rawTimerFired } = proxyActivities<RawTimerActivities>({ startToCloseTimeout: '1 minute' });

/** Sleeps until `dueMs` (epoch ms), then reports through one activity. */
export async function rawTimerWorkflow(id: string, dueMs: number): Promise<void> {
  await sleep(Math.max(1, dueMs - Date.now()));
  await rawTimerFired(id, dueMs);
}
