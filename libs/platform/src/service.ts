import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger, type DynamicModule } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AgencyKind } from '@casebridge/contracts';
import { AuthModule } from '@casebridge/auth';
import { databaseOptions } from './database';
import { BaseEnv, envValidator } from './env';
import { loggingModule } from './logging';
import type { ServiceSchema } from './migrations/schema-set';
import { runPendingMigrations } from './migrations/run-migrations';
import { metricsModule } from './metrics/metrics.module';
import { TracingModule } from './tracing.nest';

/** Reads the validated env back from ConfigService as a typed object. */
export function readEnv<T extends BaseEnv>(config: ConfigService, cls: new () => T): T {
  const env = new cls() as unknown as Record<string, unknown>;
  for (const key of Object.keys(env)) {
    const v = config.get<unknown>(key);
    if (v !== undefined) env[key] = v;
  }
  return env as unknown as T;
}

export interface ServiceSpec<T extends BaseEnv> {
  service: string;
  env: new () => T;
  /**
   * the service's own database (database-per-service): its default name (CASEBRIDGE_DB_NAME overrides),
   * entities and versioned migrations, applied at start-up before any provider uses the database
   */
  schema?: ServiceSchema;
  /** agency kinds whose officers use this service; 'any' for cross-agency services */
  agencyKinds: AgencyKind[] | 'any';
}

/** Imports every CaseBridge service shares: validated config, pino logs, its database, JWT auth, GET /metrics, the flush of its traces. */
export function serviceImports<T extends BaseEnv>(spec: ServiceSpec<T>): (DynamicModule | Promise<DynamicModule>)[] {
  const imports: (DynamicModule | Promise<DynamicModule>)[] = [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: envValidator(spec.env) }),
    loggingModule(spec.service),
    metricsModule(spec.service),
    { module: TracingModule },
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => {
        const env = readEnv(config, spec.env);
        return {
          secret: env.CASEBRIDGE_JWT_SECRET,
          maxTokenLifetimeSeconds: env.CASEBRIDGE_TOKEN_MAX_LIFETIME_SECONDS,
          agencyKinds: spec.agencyKinds,
          oidc: env.CASEBRIDGE_OIDC_ISSUER
            ? {
                issuer: env.CASEBRIDGE_OIDC_ISSUER,
                audience: env.CASEBRIDGE_OIDC_AUDIENCE || undefined,
                jwksUri: env.CASEBRIDGE_OIDC_JWKS_URI || undefined,
                claims: { agency: env.CASEBRIDGE_OIDC_CLAIM_AGENCY, roles: env.CASEBRIDGE_OIDC_CLAIM_ROLES },
                jwksCooldownMs: env.CASEBRIDGE_OIDC_JWKS_COOLDOWN_MS,
                jwksMaxAgeMs: env.CASEBRIDGE_OIDC_JWKS_MAX_AGE_MS,
              }
            : undefined,
        };
      },
    }),
  ];
  const schema = spec.schema;
  if (schema) {
    imports.push(
      TypeOrmModule.forRootAsync({
        inject: [ConfigService],
        useFactory: (config: ConfigService) => {
          const env = readEnv(config, spec.env);
          return databaseOptions(env, config.get<string>('CASEBRIDGE_DB_NAME') ?? schema.database, schema);
        },
        // pending migrations run here, before the DataSource is handed to any provider
        dataSourceFactory: async (options) => {
          const ds = await new DataSource(options as DataSourceOptions).initialize();
          const applied = await runPendingMigrations(ds);
          new Logger('Migrations').log(
            applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'schema up to date',
          );
          return ds;
        },
      }),
    );
  }
  return imports;
}
