import './tracing';
import 'reflect-metadata';
import { bootstrapHttpApp } from '@casebridge/platform';
import { AppModule } from './app.module';

void bootstrapHttpApp(AppModule, {
  title: 'CaseBridge — 人民检察院 (procuratorate)',
  description:
    'REST API of the procuratorate service. Authenticate with a bearer token (npm run --silent token -- --agency <kind:region> --role <role>).',
  port: 3003,
});
