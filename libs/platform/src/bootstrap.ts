import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './http-error.filter';
import { corsOrigins, hardenHttp } from './http-hardening';
import { completeDocument } from './openapi-document';
import { RequestShapeInterceptor } from './request-shape.interceptor';
import { TraceRouteInterceptor } from './tracing.nest';
import { createValidationPipe } from './validation';

export interface HttpAppSpec {
  title: string;
  description: string;
  /** default port; PORT overrides */
  port: number;
}

/** Applies the project-wide HTTP conventions to an app (also used by e2e tests on their own app instances). */
export function configureHttpApp(app: INestApplication, spec: HttpAppSpec): void {
  app.useLogger(app.get(Logger));
  hardenHttp(app, { corsOrigins: corsOrigins(process.env.CASEBRIDGE_CORS_ORIGINS) });
  app.useGlobalInterceptors(new TraceRouteInterceptor(), new RequestShapeInterceptor());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle(spec.title)
    .setDescription(
      `${spec.description}\n\nThis document as JSON: [/docs-json](/docs-json). Errors answer { statusCode, code, message }; ` +
        'each operation lists its codes. Every request: 400 REQUEST.VALIDATION_FAILED (one message per field), REQUEST.MALFORMED_JSON, ' +
        'REQUEST.TOO_DEEP (nesting over 32 levels), REQUEST.DUPLICATE_KEY (a key twice in one object), REQUEST.BODY_NOT_ALLOWED (a body on a route that takes none), ' +
        'REQUEST.BAD_ENCODING (Content-Encoding data that is not gzip/deflate/br); 413 REQUEST.TOO_LARGE (body over 1 MiB); ' +
        '415 REQUEST.UNSUPPORTED_MEDIA_TYPE (bodies are JSON only), REQUEST.UNSUPPORTED_ENCODING, REQUEST.UNSUPPORTED_CHARSET; 401 AUTH.UNAUTHORIZED; ' +
        `409 REQUEST.CONCURRENT_DUPLICATE (a concurrent request recorded the same first); 503 SERVICE.UNAVAILABLE (the database cannot be reached, nothing changed), SERVICE.BUSY (a conflicting transaction, nothing changed) or SERVICE.INTERRUPTED (the connection broke: look before repeating), with Retry-After.`,
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => completeDocument(SwaggerModule.createDocument(app, config)), {
    jsonDocumentUrl: 'docs-json',
  });
}

export async function bootstrapHttpApp(module: unknown, spec: HttpAppSpec): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { bufferLogs: true });
  configureHttpApp(app, spec);
  const port = Number(process.env.PORT ?? spec.port);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  app.get(Logger).log(`${spec.title} listening on http://127.0.0.1:${port} (docs /docs, health /health)`);
  return app;
}
