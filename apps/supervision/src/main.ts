import 'reflect-metadata';
import { bootstrapHttpApp } from '@casebridge/platform';
import { AppModule } from './app.module';

void bootstrapHttpApp(AppModule, {
  title: 'CaseBridge — Supervisor console',
  description: 'REST API of the supervision service. Authenticate with a bearer token (npm run --silent token -- --agency <kind:region> --role <role>).',
  port: 3005,
});
