import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Environment every CaseBridge service reads; apps extend it. Validated at start-up: a bad or missing
 * value stops the service with a message naming the variable (see .env.example).
 */
export class BaseEnv {
  @IsOptional() @IsIn(['development', 'test', 'production']) NODE_ENV: 'development' | 'test' | 'production' = 'development';
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

  @IsString() @MinLength(32, { message: 'CASEBRIDGE_JWT_SECRET must be at least 32 characters' }) CASEBRIDGE_JWT_SECRET: string = '';

  /** Browser origins allowed to call the API cross-origin (CORS), comma-separated, e.g. https://console.example.gov.cn; empty: CORS off. */
  @IsOptional() @Matches(/^((https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)(,https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)*)?$/, {
    message: 'CASEBRIDGE_CORS_ORIGINS must be origins such as https://console.example.gov.cn[,http://127.0.0.1:8080] (scheme, host, optional port; no path)',
  }) CASEBRIDGE_CORS_ORIGINS: string = '';
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
