/**
 * kafkajs 2.2.4 (its last release) re-armed a 1 ms timer for ever on every broker connection once one response had
 * arrived: `scheduleCheckPendingRequests` computed `throttledUntil - Date.now()` (throttledUntil −1 by default), a
 * negative delay that Node runs after 1 ms, and the check re-scheduled itself (tulios/kafkajs#1704; Node 24 prints a
 * TimeoutNegativeWarning for it, #1751). An idle producer and admin took 370–409 ms of CPU per 10 s; 28–35 ms with the
 * fix. `patches/kafkajs+2.2.4.patch` (applied by patch-package on install) schedules a check only when a request waits
 * or a throttle is to end. This test fails when the patch is missing.
 */
import { EventEmitter } from 'node:events';

// kafkajs's own RequestQueue: internal, not part of its typings
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: Record<string, unknown>) => {
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  throttledUntil: number;
  pending: unknown[];
  fulfillRequest(r: { correlationId: number; payload: Buffer | null; size: number }): void;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
} & EventEmitter;

const logger = { debug: () => undefined, warn: () => undefined, info: () => undefined, error: () => undefined };

function queue() {
  return new RequestQueue({
    instrumentationEmitter: null,
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'unit',
    broker: '127.0.0.1:9092',
    logger,
    isConnected: () => true,
  });
}

describe('kafkajs RequestQueue (patched: no 1 ms timer loop on an idle connection)', () => {
  it('arms no timer once a response arrives and nothing waits', () => {
    const q = queue();
    try {
      q.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
      expect(q.throttleCheckTimeoutId).toBeNull();
    } finally {
      q.destroy();
    }
  });

  it('still checks again when the broker throttles, at the throttle’s end', () => {
    const q = queue();
    try {
      q.throttledUntil = Date.now() + 5_000;
      q.scheduleCheckPendingRequests();
      expect(q.throttleCheckTimeoutId).not.toBeNull();
    } finally {
      q.destroy();
    }
  });

  it('still checks again when a request waits', () => {
    const q = queue();
    try {
      q.pending.push({});
      q.scheduleCheckPendingRequests();
      expect(q.throttleCheckTimeoutId).not.toBeNull();
    } finally {
      q.destroy();
    }
  });
});
