import './tracing';
import 'reflect-metadata';
import { bootstrapHttpApp } from '@casebridge/platform';
import { AppModule } from './app.module';

void bootstrapHttpApp(AppModule, {
  title: 'CaseBridge — Auditor ledger',
  description:
    'REST API of the audit service. Authenticate with a bearer token (npm run --silent token -- --agency <kind:region> --role <role>).',
  port: 3006,
});
