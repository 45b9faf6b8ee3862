import './tracing';
import 'reflect-metadata';
import { bootstrapHttpApp } from '@casebridge/platform';
import { AppModule } from './app.module';

void bootstrapHttpApp(AppModule, {
  title: 'CaseBridge — 人民法院 (court)',
  description:
    'REST API of the court service. Authenticate with a bearer token (npm run --silent token -- --agency <kind:region> --role <role>).',
  port: 3004,
});
