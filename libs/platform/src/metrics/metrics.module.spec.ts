import { Module, type INestApplication } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthModule, DEV_JWT_SECRET } from '@casebridge/auth';
import { HttpErrorFilter } from '../http-error.filter';
import { metricsModule, MetricsSources } from './metrics.module';

/** An app like a service: the global JWT guard (deny by default) and GET /metrics. */
async function app(env: Record<string, string>): Promise<INestApplication> {
  @Module({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, load: [() => env] }),
      AuthModule.forRootAsync({ useFactory: () => ({ secret: DEV_JWT_SECRET, agencyKinds: 'any' }) }),
      metricsModule('unit-test'),
    ],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const a = moduleRef.createNestApplication({ logger: false });
  a.useGlobalFilters(new HttpErrorFilter());
  await a.init();
  return a;
}

describe('GET /metrics', () => {
  let a: INestApplication | undefined;
  afterEach(() => a?.close());

  it('answers without an officer token (public by design), in the Prometheus text format, with the service label', async () => {
    a = await app({});
    const r = await request(a.getHttpServer()).get('/metrics').expect(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(r.text).toMatch(/^process_cpu_user_seconds_total\{service="unit-test"\} \d/m);
  });

  it('with CASEBRIDGE_METRICS_TOKEN: only that bearer token may scrape', async () => {
    a = await app({ CASEBRIDGE_METRICS_TOKEN: 'scrape-token-0123456789' });
    const missing = await request(a.getHttpServer()).get('/metrics').expect(401);
    expect(missing.body.code).toBe('AUTH.UNAUTHORIZED');
    await request(a.getHttpServer()).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789').expect(401);
    await request(a.getHttpServer()).get('/metrics').set('Authorization', 'Bearer scrape-token-0123456789').expect(200);
  });

  it('appends further sources; one that fails becomes a comment, not a failed scrape', async () => {
    a = await app({});
    a.get(MetricsSources).add('ok', async () => 'temporal_example_total 3');
    a.get(MetricsSources).add('down', async () => {
      throw new Error('connection refused');
    });
    const r = await request(a.getHttpServer()).get('/metrics').expect(200);
    expect(r.text).toMatch(/^temporal_example_total 3$/m);
    expect(r.text).toMatch(/^# casebridge: metrics source down did not answer: connection refused$/m);
  });
});
