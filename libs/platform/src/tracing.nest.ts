import {
  Injectable,
  Module,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Observable } from 'rxjs';
import { shutdownTracing } from './tracing';

/**
 * Names the HTTP server span of a traced request after its route, `POST /transfers/:transferId/receipt`, and sets
 * `http.route` (the http instrumentation knows only the method). Does nothing when tracing is off (no active span).
 */
@Injectable()
export class TraceRouteInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const span = trace.getActiveSpan();
    if (span?.isRecording() && ctx.getType() === 'http') {
      const req = ctx.switchToHttp().getRequest<{ method?: string; route?: { path?: unknown }; baseUrl?: string }>();
      const route = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : undefined;
      if (route) {
        span.updateName(`${req.method ?? 'HTTP'} ${route}`);
        span.setAttribute('http.route', route);
      }
    }
    return next.handle();
  }
}

/** Flushes the spans still buffered when the application shuts down (after messaging stopped). */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await shutdownTracing();
  }
}

/** Part of every service (serviceImports): the shutdown flush of its tracing. */
@Module({ providers: [TracingShutdown] })
export class TracingModule {}
