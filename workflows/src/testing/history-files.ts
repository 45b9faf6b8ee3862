/**
 * Saved workflow histories (workflows/test-histories/*.json) for the replay test.
 *
 * Why not @temporalio/common's historyToJSON/historyFromJSON (the proto3 JSON of the CLI)? In this
 * install @temporalio/common, @temporalio/proto and @temporalio/worker each carry their own nested copy
 * of protobufjs 8 (the root one is 7, for @grpc/proto-loader), and protojson's `instanceof Type` check
 * fails across copies ("type must be a Type"). The generated classes of @temporalio/proto convert
 * consistently with their own copy, so the files hold History.toObject(…) — int64 as strings, enums as
 * names, bytes as base64, timestamps as { seconds, nanos } — and are read back with History.fromObject.
 */
import { temporal } from '@temporalio/proto';

export const HISTORY_FILE_FORMAT =
  'temporal.api.history.v1.History protobufjs-object-json (longs: String, enums: String, bytes: base64)';

export interface HistoryFile {
  scenario: string;
  workflowId: string;
  format: string;
  history: Record<string, unknown>;
}

const History = temporal.api.history.v1.History;

export function historyToFile(
  scenario: string,
  workflowId: string,
  history: temporal.api.history.v1.IHistory,
): HistoryFile {
  const message = History.fromObject(history as Record<string, unknown>);
  return {
    scenario,
    workflowId,
    format: HISTORY_FILE_FORMAT,
    history: History.toObject(message, { longs: String, enums: String, bytes: String }) as Record<string, unknown>,
  };
}

export function historyFromFile(file: HistoryFile): temporal.api.history.v1.History {
  if (file.format !== HISTORY_FILE_FORMAT)
    throw new Error(`unknown history file format ${JSON.stringify(file.format)}`);
  return History.fromObject(file.history);
}
