import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { OTLP_ENDPOINT_PATTERN, OTLP_PROTOCOLS } from './tracing/tracing-config';

/**
 * Environment every CaseBridge service reads; apps extend it. Validated at start-up: a bad or missing
 * value stops the service with a message naming the variable (see .env.example).
 */
export class BaseEnv {
  @IsOptional() @IsIn(['development', 'test', 'production']) NODE_ENV: 'development' | 'test' | 'production' =
    'development';
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';

  @IsString() CASEBRIDGE_PG_HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) CASEBRIDGE_PG_PORT: number = 5433;
  @IsString() CASEBRIDGE_PG_USER: string = 'postgres';
  @IsString() CASEBRIDGE_PG_PASSWORD: string = 'postgres';

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'CASEBRIDGE_KAFKA_BROKERS must be host:port[,host:port…]' })
  CASEBRIDGE_KAFKA_BROKERS: string = '127.0.0.1:9092';
  /** Appended to every topic name (test isolation); empty in production. */
  @IsOptional() @Matches(/^[a-z0-9-]*$/) CASEBRIDGE_TOPIC_SUFFIX: string = '';

  /** Kafka consumer session timeout: how long a crashed member holds its partitions before a rebalance. */
  @IsInt() @Min(6000) @Max(300000) CASEBRIDGE_CONSUMER_SESSION_TIMEOUT_MS: number = 30000;

  @IsString() CASEBRIDGE_TEMPORAL_ADDRESS: string = '127.0.0.1:7233';
  /** Task queue of the case workflows (the worker polls it; the bridge starts workflows on it). */
  @IsString() @Matches(/^[A-Za-z0-9._-]+$/) CASEBRIDGE_TEMPORAL_TASK_QUEUE: string = 'casebridge-cases';
  @IsString() CASEBRIDGE_TEMPORAL_NAMESPACE: string = 'default';

  /** HS256 shared secret of bearer tokens: the development default, used only when no OIDC issuer is configured. */
  @ValidateIf((o: BaseEnv) => !o.CASEBRIDGE_OIDC_ISSUER)
  @IsString()
  @MinLength(32, {
    message: 'CASEBRIDGE_JWT_SECRET must be at least 32 characters (or configure CASEBRIDGE_OIDC_ISSUER)',
  })
  CASEBRIDGE_JWT_SECRET: string = '';

  /**
   * OpenID Connect issuer whose RS256/ES256/EdDSA tokens are accepted (verified against its JWKS); HS256 tokens are
   * then refused. Required with NODE_ENV=production: the shared HS256 secret is for development only.
   */
  @ValidateIf((o: BaseEnv) => o.NODE_ENV === 'production' || !!o.CASEBRIDGE_OIDC_ISSUER)
  @Matches(/^https?:\/\/\S+$/, {
    message: 'CASEBRIDGE_OIDC_ISSUER must be the issuer URL (http(s)://…); it is required when NODE_ENV=production',
  })
  CASEBRIDGE_OIDC_ISSUER: string = '';
  /** Expected `aud` of the tokens (recommended with an issuer). */
  @IsOptional() @IsString() CASEBRIDGE_OIDC_AUDIENCE: string = '';
  /** JWKS URL; default: jwks_uri of the issuer's discovery document. */
  @IsOptional()
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'CASEBRIDGE_OIDC_JWKS_URI must be a URL' })
  CASEBRIDGE_OIDC_JWKS_URI: string = '';
  /** Claim (dotted path) holding the agency id `kind:region`. */
  @IsString() @MinLength(1) CASEBRIDGE_OIDC_CLAIM_AGENCY: string = 'agencyId';
  /** Claim (dotted path) holding the roles (list or space-separated), e.g. realm_access.roles. */
  @IsString() @MinLength(1) CASEBRIDGE_OIDC_CLAIM_ROLES: string = 'roles';
  /** Minimum time between two JWKS fetches caused by an unknown key id (ms). */
  @IsInt() @Min(0) @Max(3_600_000) CASEBRIDGE_OIDC_JWKS_COOLDOWN_MS: number = 30_000;
  /** How long a fetched JWKS is used (ms): a key the issuer withdrew stops verifying after at most this long. */
  @IsInt() @Min(1000) @Max(86_400_000) CASEBRIDGE_OIDC_JWKS_MAX_AGE_MS: number = 600_000;

  /**
   * Longest bearer-token lifetime accepted (exp − iat, seconds; default 12 h): tokens without exp, living longer, or
   * issued in the future are refused (HS256 and OIDC alike). Between 5 minutes and 7 days.
   */
  @IsInt() @Min(300) @Max(604_800) CASEBRIDGE_TOKEN_MAX_LIFETIME_SECONDS: number = 43_200;

  /** When set, GET /metrics needs `Authorization: Bearer <this>` (a static scrape credential); empty: open to the cluster network. */
  @ValidateIf((o: BaseEnv) => o.CASEBRIDGE_METRICS_TOKEN !== '')
  @IsString()
  @MinLength(16, { message: 'CASEBRIDGE_METRICS_TOKEN must be at least 16 characters (or empty)' })
  CASEBRIDGE_METRICS_TOKEN: string = '';

  /** Browser origins allowed to call the API cross-origin (CORS), comma-separated, e.g. https://console.example.gov.cn; empty: CORS off. */
  @IsOptional()
  @Matches(/^((https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)(,https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)*)?$/, {
    message:
      'CASEBRIDGE_CORS_ORIGINS must be origins such as https://console.example.gov.cn[,http://127.0.0.1:8080] (scheme, host, optional port; no path)',
  })
  CASEBRIDGE_CORS_ORIGINS: string = '';

  /**
   * OpenTelemetry traces (the standard variables; read first by src/tracing.ts of each app, checked again here).
   * Tracing is off unless one of the two endpoints is set: the collector's OTLP/HTTP base URL (spans go to
   * <it>/v1/traces), or the full traces URL. See docs/runbook.md, "Traces".
   */
  @ValidateIf((o: BaseEnv) => o.OTEL_EXPORTER_OTLP_ENDPOINT !== '')
  @Matches(OTLP_ENDPOINT_PATTERN, {
    message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an OTLP/HTTP URL such as http://127.0.0.1:4318',
  })
  OTEL_EXPORTER_OTLP_ENDPOINT: string = '';
  @ValidateIf((o: BaseEnv) => o.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== '')
  @Matches(OTLP_ENDPOINT_PATTERN, {
    message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an OTLP/HTTP URL such as http://127.0.0.1:4318/v1/traces',
  })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: string = '';
  /** OTLP encoding: http/protobuf (default) or http/json. */
  @IsOptional()
  @IsIn([...OTLP_PROTOCOLS], { message: `OTEL_EXPORTER_OTLP_PROTOCOL must be one of ${OTLP_PROTOCOLS.join(', ')}` })
  OTEL_EXPORTER_OTLP_PROTOCOL: string = 'http/protobuf';
  @ValidateIf((o: BaseEnv) => o.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL !== '')
  @IsIn([...OTLP_PROTOCOLS], {
    message: `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be one of ${OTLP_PROTOCOLS.join(', ')}`,
  })
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: string = '';
  /** service.name of the spans; default casebridge-<app>. */
  @IsOptional() @IsString() OTEL_SERVICE_NAME: string = '';
}

export class EnvValidationError extends Error {}

/** For ConfigModule.forRoot({ validate }): converts, validates, and fails fast with every problem listed. */
export function envValidator<T extends object>(cls: new () => T): (raw: Record<string, unknown>) => T {
  return (raw) => {
    const defaults = new cls() as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(defaults).concat(Object.keys(raw))) {
      if (raw[key] !== undefined && raw[key] !== '') merged[key] = raw[key];
    }
    const env = plainToInstance(cls, merged, { enableImplicitConversion: true });
    const errors = validateSync(env, { skipMissingProperties: false });
    if (errors.length) {
      const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
      throw new EnvValidationError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
    }
    return env;
  };
}
