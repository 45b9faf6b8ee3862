import './tracing';
import 'reflect-metadata';
import { bootstrapHttpApp } from '@casebridge/platform';
import { AppModule } from './app.module';

void bootstrapHttpApp(AppModule, {
  title: 'CaseBridge — 生态环境综合行政执法机关 (ecological-environment enforcement)',
  description:
    'REST API of the enforcement service. Authenticate with a bearer token (npm run --silent token -- --agency <kind:region> --role <role>).',
  port: 3001,
});
