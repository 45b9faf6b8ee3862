import {
  Controller,
  Get,
  HttpStatus,
  Inject,
  Module,
  Res,
  ServiceUnavailableException,
  type DynamicModule,
  type Provider,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TerminusModule,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { Public } from '@casebridge/auth';

export const EXTRA_HEALTH_CHECKS = Symbol('EXTRA_HEALTH_CHECKS');
export type HealthCheckFn = () => PromiseLike<HealthIndicatorResult>;

/** GET /health: database (when the app has one) plus the checks the app contributes (Kafka, Temporal). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(EXTRA_HEALTH_CHECKS) private readonly extra: { checks: HealthCheckFn[]; database: boolean },
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: PostgreSQL, Kafka and Temporal as used by this service' })
  @ApiOkResponse({ description: 'All dependencies answer' })
  @ApiServiceUnavailableResponse({ description: 'A dependency does not answer' })
  @HealthCheck()
  async check(@Res({ passthrough: true }) res: { status(code: number): unknown }): Promise<HealthCheckResult> {
    const checks: HealthCheckFn[] = [...this.extra.checks];
    if (this.extra.database) checks.unshift(() => this.db.pingCheck('database').withTimeout(3000));
    try {
      return await this.health.check(checks);
    } catch (e) {
      // 503 with terminus' full result (which dependency, which consumer group, why): the app's error
      // filter would otherwise replace it with a generic message
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return e.getResponse() as HealthCheckResult;
    }
  }
}

@Module({})
export class HealthModule {
  /** `checks` is a factory of further checks, resolved with Nest DI (`inject`). */
  static register(
    opts: {
      database?: boolean;
      imports?: DynamicModule['imports'];
      inject?: unknown[];
      checks?: (...deps: never[]) => HealthCheckFn[];
    } = {},
  ): DynamicModule {
    const provider: Provider = {
      provide: EXTRA_HEALTH_CHECKS,
      inject: (opts.inject ?? []) as never[],
      useFactory: (...deps: never[]) => ({
        checks: opts.checks ? opts.checks(...deps) : [],
        database: opts.database ?? true,
      }),
    };
    return {
      module: HealthModule,
      imports: [TerminusModule, ...(opts.imports ?? [])],
      controllers: [HealthController],
      providers: [provider],
    };
  }
}
