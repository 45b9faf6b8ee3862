/**
 * OpenTelemetry tracing of the CaseBridge services: off by default, on when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Each app's src/tracing.ts calls startTracing('<app>') and its main.ts
 * imports that file first, so the SDK patches http and pg before any module loads them. Only this file and
 * ./tracing-config are loaded when tracing is off (no SDK package). Spans and attributes: docs/runbook.md, "Traces".
 *
 * Kept free of NestJS and of the rest of @casebridge/platform: it runs before them.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Resource } from '@opentelemetry/resources';
import { parse as parseEnvFile } from 'dotenv';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { tracingConfig, type OtlpProtocol } from './tracing-config';

export {
  OTLP_ENDPOINT_PATTERN,
  OTLP_PROTOCOLS,
  TracingConfigError,
  tracingConfig,
  type OtlpProtocol,
  type TracingConfig,
} from './tracing-config';

/** The running tracer provider of this process. */
export interface Tracing {
  serviceName: string;
  url: string;
  protocol: OtlpProtocol;
  /** service.name, service.namespace, service.instance.id and OTEL_RESOURCE_ATTRIBUTES */
  resource: Resource;
  /** the batch processor every span goes through (also fed by the Temporal workflow sink of the worker) */
  spanProcessor: SpanProcessor;
  /** Exports what is buffered and stops; later spans are dropped. */
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/**
 * The process environment completed with the `OTEL_*` lines of the `.env` file in `cwd`, the file
 * @nestjs/config reads later: tracing starts before Nest, so it reads them itself. A variable set in the
 * process environment wins over the file, as it does for @nestjs/config. No file: the environment as is.
 */
export function withEnvFile(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): NodeJS.ProcessEnv {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return env;
  const fromFile = parseEnvFile(readFileSync(file));
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const [key, value] of Object.entries(fromFile)) {
    if (key.startsWith('OTEL_') && merged[key] === undefined) merged[key] = value;
  }
  return merged;
}

/**
 * Starts tracing for `service` (short name: police, workflow-worker …) when configured — by the process
 * environment or the `.env` file (withEnvFile); idempotent. Returns the
 * running tracing, or undefined when off. Throws TracingConfigError (a malformed OTEL_* value) before anything starts.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = withEnvFile()): Tracing | undefined {
  if (active) return active;
  const config = tracingConfig(service, env);
  if (!config) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is on
  const sdk = require('./tracing-sdk') as typeof import('./tracing-sdk');
  active = sdk.startSdk(config);
  process.stdout.write(`[tracing] ${config.serviceName}: exporting spans to ${config.url} (${config.protocol})\n`);
  return active;
}

/** The tracing started by startTracing, or undefined when tracing is off. */
export function activeTracing(): Tracing | undefined {
  return active;
}

/** Flushes and stops the running tracing (on application shutdown); no-op when off. */
export async function shutdownTracing(): Promise<void> {
  const t = active;
  active = undefined;
  await t?.shutdown();
}
