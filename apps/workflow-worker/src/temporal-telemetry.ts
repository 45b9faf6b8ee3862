import { Runtime } from '@temporalio/worker';

/** Where the Temporal SDK (Core) serves its own Prometheus metrics; GET /metrics of the worker appends them. */
export const DEFAULT_TEMPORAL_METRICS_ADDRESS = '127.0.0.1:9464';

/**
 * Installs the Temporal runtime with its Prometheus exporter (worker task slots, poll and schedule-to-start latency,
 * workflow/activity task failures, sticky cache, prefixed `temporal_`). Must run before the first NativeConnection.
 * CASEBRIDGE_TEMPORAL_METRICS_ADDRESS (host:port; default 127.0.0.1:9464) moves it; `off` disables it.
 * Returns the address, or undefined when disabled.
 */
export function installTemporalTelemetry(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const address = env.CASEBRIDGE_TEMPORAL_METRICS_ADDRESS || DEFAULT_TEMPORAL_METRICS_ADDRESS;
  if (address === 'off') return undefined;
  if (!/^[^\s:]+:\d{1,5}$/.test(address)) {
    throw new Error(`CASEBRIDGE_TEMPORAL_METRICS_ADDRESS must be host:port or off (got ${JSON.stringify(address)})`);
  }
  Runtime.install({
    telemetryOptions: {
      metrics: { prometheus: { bindAddress: address, countersTotalSuffix: true, useSecondsForDurations: true } },
    },
  });
  return address;
}

/** The Temporal SDK's exposition text (appended to /metrics). */
export async function readTemporalMetrics(address: string): Promise<string> {
  const r = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(2000) });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.text();
}
