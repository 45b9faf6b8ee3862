import './tracing';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { configureHttpApp, type HttpAppSpec } from '@casebridge/platform';
import { AppModule } from './app.module';

const spec: HttpAppSpec = {
  title: 'CaseBridge — Supervisor console (督办台)',
  description:
    'REST API of the supervision service: statutory steps of every linked case, their status (on-time, warning, overdue, stuck), ' +
    'reconciliation, live updates, and the acts of a supervisor (press 催办, escalate, joint supervision). Role supervisor; scoped by the ' +
    'token region. Authenticate with a bearer token (npm run --silent token -- --agency procuratorate:210100 --role supervisor). ' +
    'The web console is served at /.',
  port: 3005,
};

/** The web console (static, no build step): SUPERVISION_WEB_DIR, else apps/supervision/web from source or the repository root. */
function webDir(): string {
  const candidates = [
    process.env.SUPERVISION_WEB_DIR,
    path.resolve(__dirname, '../web'),
    path.resolve(process.cwd(), 'apps/supervision/web'),
  ];
  return (
    candidates.find((d): d is string => !!d && existsSync(path.join(d, 'index.html'))) ??
    path.resolve(__dirname, '../web')
  );
}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  configureHttpApp(app, spec);
  // Public assets (no guard runs for them); the API routes keep the JWT guard.
  // no redirect: a directory path without its slash (/steps/..) falls through to the API's 404 JSON, never a 301 HTML page
  app.useStaticAssets(webDir(), { index: 'index.html', maxAge: 0, fallthrough: true, redirect: false });
  const port = Number(process.env.PORT ?? spec.port);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  app.get(Logger).log(`${spec.title} listening on http://127.0.0.1:${port} (console /, docs /docs, health /health)`);
}

void bootstrap();
