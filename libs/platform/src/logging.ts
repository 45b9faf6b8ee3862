import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';

/** Structured JSON logs (pino); tokens never logged. */
export function loggingModule(service: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: process.env.LOG_LEVEL ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' },
      customProps: () => ({ service }),
    },
  });
}
