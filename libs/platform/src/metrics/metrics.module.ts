/**
 * Prometheus metrics of every CaseBridge service (@willsoto/nestjs-prometheus over prom-client's default registry):
 * GET /metrics in the Prometheus text format 0.0.4.
 *
 * Who may scrape: /metrics carries counts and ages only (no case data, no officer data), so it is deliberately
 * outside the officers' bearer-token scheme (@Public). It is meant for the cluster network: the Helm chart exposes
 * it on the service, never through the ingress. Where the network is not trusted, set CASEBRIDGE_METRICS_TOKEN:
 * then a scrape must send `Authorization: Bearer <that token>` (Prometheus `authorization.credentials`), and
 * anything else gets 401 AUTH.UNAUTHORIZED.
 */
import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Global, Headers, Injectable, Module, Res, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { collectDefaultMetrics, register } from 'prom-client';
import { DomainError, ErrorCodes } from '@casebridge/contracts';
import { Public } from '@casebridge/auth';
import { MessagingMetrics } from './messaging.metrics';

/** A further source of exposition text appended to /metrics (e.g. the Temporal SDK's own Prometheus exporter). */
export type MetricsTextSource = () => Promise<string>;

/** The sources /metrics appends after prom-client's registry; a failing source adds a comment line, not an error. */
@Injectable()
export class MetricsSources {
  private readonly sources: { name: string; read: MetricsTextSource }[] = [];

  add(name: string, read: MetricsTextSource): void {
    this.sources.push({ name, read });
  }

  async text(): Promise<string> {
    const parts = await Promise.all(
      this.sources.map(async ({ name, read }) => {
        try {
          const text = await read();
          return text.endsWith('\n') || !text ? text : `${text}\n`;
        } catch (e) {
          return `# casebridge: metrics source ${name} did not answer: ${(e as Error).message.replace(/\n/g, ' ')}\n`;
        }
      }),
    );
    return parts.join('');
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

@ApiExcludeController()
@Controller()
export class MetricsController extends PrometheusController {
  constructor(
    private readonly sources: MetricsSources,
    private readonly config: ConfigService,
  ) {
    super();
  }

  /** Public by design (see the file comment); CASEBRIDGE_METRICS_TOKEN, when set, is required as a bearer token. */
  @Get()
  @Public()
  override async index(
    @Res({ passthrough: true }) response: unknown,
    @Headers('authorization') authorization?: string,
  ): Promise<string> {
    const token = this.config.get<string>('CASEBRIDGE_METRICS_TOKEN');
    if (token && !bearerMatches(authorization, token)) {
      throw new DomainError(
        ErrorCodes.unauthorized,
        'unauthorized',
        'Scraping /metrics needs "Authorization: Bearer <CASEBRIDGE_METRICS_TOKEN>".',
      );
    }
    return (await super.index(response)) + (await this.sources.text());
  }
}

@Global()
@Module({ providers: [MetricsSources, MessagingMetrics], exports: [MetricsSources] })
class MetricsCoreModule {}

/**
 * GET /metrics with Node.js process metrics, the messaging metrics (outbox, consumer group, dead letters) and
 * every metric another module registers in prom-client's default registry. `service` becomes a label of all.
 */
export function metricsModule(service: string): DynamicModule {
  // once per process (several Nest apps may share one, in tests): process CPU, memory, event loop lag, GC
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  return {
    module: class MetricsModule {},
    imports: [
      MetricsCoreModule,
      PrometheusModule.register({
        path: '/metrics',
        controller: MetricsController,
        defaultLabels: { service },
        defaultMetrics: { enabled: false },
      }),
    ],
  };
}
