/**
 * Which spans a service exports, read from the standard OpenTelemetry variables
 * (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/). Dependency-free: it is
 * read before anything else loads (see ./index.ts).
 */

/** OTLP transports this build exports with (gRPC is not bundled: point a collector's OTLP/HTTP receiver at it). */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

/** An OTLP/HTTP endpoint: http(s)://host[:port][/path], no spaces. */
export const OTLP_ENDPOINT_PATTERN = /^https?:\/\/[^\s/]+(\/\S*)?$/;

export interface TracingConfig {
  /** resource attribute service.name: OTEL_SERVICE_NAME, else `casebridge-<service>` */
  serviceName: string;
  /** where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces */
  url: string;
  /** OTEL_EXPORTER_OTLP_TRACES_PROTOCOL, else OTEL_EXPORTER_OTLP_PROTOCOL, else http/protobuf (the OTLP default) */
  protocol: OtlpProtocol;
}

export class TracingConfigError extends Error {}

/**
 * The tracing configuration of `service` (its short name: police, workflow-worker …), or undefined when tracing is
 * off: no OTLP endpoint set (the default), OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none.
 * Throws TracingConfigError naming the variable when an endpoint or protocol is malformed.
 */
export function tracingConfig(service: string, env: NodeJS.ProcessEnv = process.env): TracingConfig | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  if (env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return undefined;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() ?? '';
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() ?? '';
  if (!traces && !base) return undefined;
  for (const [name, value] of [
    ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', traces],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', base],
  ] as const) {
    if (value && !OTLP_ENDPOINT_PATTERN.test(value)) {
      throw new TracingConfigError(
        `${name} must be an OTLP/HTTP URL such as http://127.0.0.1:4318 (got ${JSON.stringify(value)})`,
      );
    }
  }
  const protocol =
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() || env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim() || 'http/protobuf';
  if (!(OTLP_PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new TracingConfigError(
      `OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL must be one of ${OTLP_PROTOCOLS.join(', ')} (got ${JSON.stringify(protocol)})`,
    );
  }
  return {
    serviceName: env.OTEL_SERVICE_NAME?.trim() || `casebridge-${service}`,
    url: traces || `${base.replace(/\/+$/, '')}/v1/traces`,
    protocol: protocol as OtlpProtocol,
  };
}
