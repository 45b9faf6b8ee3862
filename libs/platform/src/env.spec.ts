import 'reflect-metadata';
import { BaseEnv, envValidator } from './env';

const base = { CASEBRIDGE_JWT_SECRET: 'x'.repeat(32) };

describe('BaseEnv: identity configuration', () => {
  const validate = envValidator(BaseEnv);

  it('development: the HS256 secret is enough', () => {
    expect(validate({ ...base }).CASEBRIDGE_OIDC_ISSUER).toBe('');
  });

  it('production: an OIDC issuer is required (HS256 is the development default only)', () => {
    expect(() => validate({ ...base, NODE_ENV: 'production' })).toThrow(
      /CASEBRIDGE_OIDC_ISSUER must be the issuer URL .* required when NODE_ENV=production/,
    );
    expect(
      validate({ NODE_ENV: 'production', CASEBRIDGE_OIDC_ISSUER: 'https://id.example.gov.cn/realms/casebridge' })
        .CASEBRIDGE_OIDC_ISSUER,
    ).toBe('https://id.example.gov.cn/realms/casebridge');
  });

  it('with an issuer no HS256 secret is needed; without one the secret must be long enough', () => {
    expect(() => validate({ CASEBRIDGE_OIDC_ISSUER: 'http://127.0.0.1:4000' })).not.toThrow();
    expect(() => validate({ CASEBRIDGE_JWT_SECRET: 'short' })).toThrow(
      /CASEBRIDGE_JWT_SECRET must be at least 32 characters/,
    );
  });

  it('CASEBRIDGE_METRICS_TOKEN: empty, or at least 16 characters', () => {
    expect(() => validate({ ...base, CASEBRIDGE_METRICS_TOKEN: 'short' })).toThrow(
      /CASEBRIDGE_METRICS_TOKEN must be at least 16/,
    );
    expect(validate({ ...base, CASEBRIDGE_METRICS_TOKEN: 'a-long-enough-token' }).CASEBRIDGE_METRICS_TOKEN).toBe(
      'a-long-enough-token',
    );
  });
});

describe('BaseEnv: OpenTelemetry variables', () => {
  const validate = envValidator(BaseEnv);

  it('off by default; OTLP/HTTP endpoints and protocols as the SDK reads them', () => {
    expect(validate({ ...base }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('');
    const env = validate({
      ...base,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    expect(env).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
  });

  it('a malformed endpoint or protocol is refused with the variable named', () => {
    expect(() => validate({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an OTLP\/HTTP URL/,
    );
    expect(() => validate({ ...base, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'ftp://x' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an OTLP\/HTTP URL/,
    );
    expect(() => validate({ ...base, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be one of http\/protobuf, http\/json/,
    );
  });
});
