import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}
main().catch((e: unknown) => {
  process.stderr.write(`[workflow-worker] ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
