import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { withEnvFile } from './index';
import { tracingConfig, TracingConfigError } from './tracing-config';

describe('withEnvFile: the OTEL_* lines of .env, read before Nest starts', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'tracing-env-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes OTEL_* from the file when the environment lacks them, and nothing else', () => {
    writeFileSync(dir + '/.env', 'OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\nCASEBRIDGE_PG_PORT=1\n');
    const env = withEnvFile({ PATH: '/bin' }, dir);
    expect(env).toEqual({ PATH: '/bin', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(tracingConfig('police', env)).toMatchObject({ url: 'http://collector:4318/v1/traces' });
  });

  it('the process environment wins over the file; no file leaves the environment as it is', () => {
    writeFileSync(dir + '/.env', 'OTEL_SERVICE_NAME=from-file\n');
    expect(withEnvFile({ OTEL_SERVICE_NAME: 'from-env' }, dir)).toEqual({ OTEL_SERVICE_NAME: 'from-env' });
    const env = { OTEL_SERVICE_NAME: 'x' };
    expect(withEnvFile(env, path.join(dir, 'missing'))).toBe(env);
  });
});

describe('tracingConfig: the standard OTEL_* variables', () => {
  it('is off by default (no endpoint), and when disabled explicitly', () => {
    expect(tracingConfig('police', {})).toBeUndefined();
    expect(
      tracingConfig('police', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }),
    ).toBeUndefined();
    expect(
      tracingConfig('police', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }),
    ).toBeUndefined();
  });

  it('OTEL_EXPORTER_OTLP_ENDPOINT is the base URL (spans to /v1/traces); the traces endpoint is used as given', () => {
    expect(tracingConfig('police', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      serviceName: 'casebridge-police',
      url: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
    });
    expect(
      tracingConfig('workflow-worker', {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.gov.cn/otlp/v1/traces',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'worker-a',
      }),
    ).toEqual({ serviceName: 'worker-a', url: 'https://traces.example.gov.cn/otlp/v1/traces', protocol: 'http/json' });
    expect(
      tracingConfig('court', {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
      }),
    ).toMatchObject({ serviceName: 'casebridge-court', protocol: 'http/protobuf' });
  });

  it('a malformed endpoint or an unsupported protocol stops the start with the variable named', () => {
    expect(() => tracingConfig('police', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      TracingConfigError,
    );
    expect(() => tracingConfig('police', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an OTLP\/HTTP URL/,
    );
    expect(() =>
      tracingConfig('police', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).toThrow(/must be one of http\/protobuf, http\/json/);
  });
});

describe('startTracing in a fresh process', () => {
  const root = path.resolve(__dirname, '../../../..');
  /** Loads an app's src/tracing.ts the way main.ts does and reports what got loaded. */
  const run = (env: Record<string, string>): { sdkLoaded: boolean; httpPatched: boolean; stdout: string } => {
    const script = `require('./apps/police/src/tracing');
      const loaded = Object.keys(require.cache);
      const http = require('node:http');
      process.stdout.write('\\n' + JSON.stringify({ sdkLoaded: loaded.some((k) => k.includes('@opentelemetry/sdk-trace')), httpPatched: '__wrapped' in http.request }));`;
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
    });
    const lines = out.trim().split('\n');
    return { ...(JSON.parse(lines.at(-1)!) as { sdkLoaded: boolean; httpPatched: boolean }), stdout: out };
  };

  it('off: no SDK package is loaded, http is untouched', () => {
    expect(run({})).toMatchObject({ sdkLoaded: false, httpPatched: false });
  }, 60_000);

  it('on: the SDK starts and patches http before the app loads it', () => {
    const r = run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' });
    expect(r).toMatchObject({ sdkLoaded: true, httpPatched: true });
    expect(r.stdout).toContain(
      '[tracing] casebridge-police: exporting spans to http://127.0.0.1:1/v1/traces (http/protobuf)',
    );
  }, 60_000);
});
