import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@casebridge/contracts';
import { KafkaHealthIndicator } from '@casebridge/messaging';
import { HealthModule, messagingModule, serviceImports } from '@casebridge/platform';
import { ACTION_HANDLERS } from './actions/actions';
import { ConsoleHttpController } from './api/console.http.controller';
import { ConsoleQueries } from './api/console.queries';
import { ChangeFeed } from './live/change-feed';
import { LiveUpdates } from './live/live-updates';
import { SupervisionMetrics } from './metrics/supervision.metrics';
import { SupervisionProjector } from './projection/projector';
import { SupervisionSchema } from './projection/schema';
import { StatusSweeper } from './projection/sweeper';
import { SupervisionSettings } from './settings';
import { SUPERVISION_SCHEMA } from './schema';
import { SupervisionEnv } from './supervision.env';

/**
 * The supervisor console (issue "Supervisor console: see and press on stuck and overdue transfers"):
 * a projection of every agency and workflow event, its REST API (role supervisor, scoped by region),
 * live updates (SSE) and the web page at / (public static assets; the API needs a token).
 */
@Module({
  imports: [
    ...serviceImports({
      service: 'supervision',
      env: SupervisionEnv,
      schema: SUPERVISION_SCHEMA,
      agencyKinds: 'any',
    }),
    CqrsModule.forRoot(),
    messagingModule({
      service: 'supervision',
      // a system producer: agencyId is the console itself; the acting supervisor is the event's actor
      producer: { kind: 'supervision', agencyId: 'supervision' },
      consumes: [Topics.enforcement, Topics.police, Topics.procuratorate, Topics.court, Topics.workflow],
    }),
    HealthModule.register({
      inject: [KafkaHealthIndicator],
      checks: (kafka: KafkaHealthIndicator) => [() => kafka.isHealthy('kafka')],
    }),
  ],
  controllers: [ConsoleHttpController],
  providers: [
    SupervisionSettings,
    SupervisionSchema,
    SupervisionProjector,
    StatusSweeper,
    ChangeFeed,
    LiveUpdates,
    ConsoleQueries,
    SupervisionMetrics,
    ...ACTION_HANDLERS,
  ],
})
export class AppModule {}
