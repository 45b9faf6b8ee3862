/**
 * Replays every recorded history (workflows/test-histories, written by workflows/scripts/record-histories.ts)
 * against the current workflow code. A change that is not replay-safe (different commands for the same
 * history) fails here: guard it with patched() or record new histories for new paths.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { workflowBundlerOptions } from './bundler-options';
import { historyFromFile, type HistoryFile } from './testing/history-files';
import { WORKFLOW_INTERCEPTOR_MODULES, workflowSpanSinks } from './workflow-tracing';

const dir = path.resolve(__dirname, '../test-histories');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const load = (f: string): HistoryFile => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as HistoryFile;
// as the worker runs them: with the OpenTelemetry workflow interceptors bundled (the histories recorded before
// they were added must replay unchanged with them)
const replayOptions = {
  workflowsPath: require.resolve('./index'),
  bundlerOptions: workflowBundlerOptions(),
  interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
  sinks: workflowSpanSinks(),
};

describe('replay of recorded histories', () => {
  it('has a history for every path of the workflows', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.some((f) => f.startsWith('supervision-'))).toBe(true);
    expect(files.some((f) => f.startsWith('penalty-'))).toBe(true);
    expect(files.some((f) => f.startsWith('court-'))).toBe(true);
    expect(files.some((f) => f.startsWith('prosecution-'))).toBe(true);
    expect(files.some((f) => f.startsWith('pil-civil-'))).toBe(true);
    expect(files.some((f) => f.startsWith('pil-admin-'))).toBe(true);
    expect(files.some((f) => f.startsWith('edc-'))).toBe(true);
  });

  it('replays every history without nondeterminism', async () => {
    const histories = files.map((f) => {
      const file = load(f);
      return { workflowId: file.workflowId, history: historyFromFile(file) };
    });
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(replayOptions, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });

  it('detects a history the code would not produce (sanity check of the replayer)', async () => {
    const file = load('transfer-filed.json');
    const events = (file.history as { events: Array<Record<string, unknown>> }).events;
    const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes) as {
      activityTaskScheduledEventAttributes: { activityType: { name: string } };
    };
    scheduled.activityTaskScheduledEventAttributes.activityType.name = 'someOtherActivity';
    await expect(Worker.runReplayHistory(replayOptions, historyFromFile(file), file.workflowId)).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});
