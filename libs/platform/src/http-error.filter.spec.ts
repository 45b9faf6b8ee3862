import { ConsoleLogger, Logger, ParseUUIDPipe, type ArgumentsHost } from '@nestjs/common';
import { createEnvelope } from '@casebridge/contracts';
import { InvalidIntegrationEventError, prepareOutgoing, TopicNames } from '@casebridge/messaging';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import { databaseOutage, HttpErrorFilter, RETRY_AFTER_SECONDS, type ErrorBody } from './http-error.filter';

function answer(e: unknown): ErrorBody {
  let body: ErrorBody | undefined;
  const res = {
    status: (statusCode: number) => ({
      json: (b: ErrorBody) => {
        body = { ...b, statusCode };
      },
    }),
  };
  new HttpErrorFilter().catch(e, {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'POST' }) }),
  } as unknown as ArgumentsHost);
  return body!;
}

/** The error publishAs throws for a command whose transfer.sent would break its contract (try-findings #2). */
function sentWithoutThresholdFacts(): unknown {
  const envelope = createEnvelope({
    type: 'transfer.sent',
    version: 1,
    linkedCaseId: '01927c3e-8a4b-7c2d-9e1f-0a1b2c3d4e5f',
    producer: { kind: 'enforcement', agencyId: 'enforcement:210100' },
    actor: { officerId: 'enf-officer-zhang' },
    payload: {
      transferId: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
      caseId: '1b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
      caseNumber: 'X',
      fromAgencyId: 'enforcement:210100',
      toAgencyId: 'police:210100',
      copyToAgencyId: 'procuratorate:210100',
      party: { name: '某公司', creditCode: '91210100MA0Y6J5X2K' },
      summary: 's',
      thresholdFacts: [],
      materials: [{ kind: 'transfer-letter', title: '移送书' }],
    },
  });
  try {
    prepareOutgoing(envelope, new TopicNames({ suffix: 'unit' }));
  } catch (e) {
    return e;
  }
  throw new Error('expected the contract to refuse the event');
}

describe('HttpErrorFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  it('a command whose outgoing event breaks its contract is a 400 validation error naming the event and the problem, not a 500', () => {
    const e = sentWithoutThresholdFacts();
    expect(e).toBeInstanceOf(InvalidIntegrationEventError);
    const body = answer(e);
    expect(body).toMatchObject({
      statusCode: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      details: { event: 'transfer.sent' },
    });
    expect(body.message).toMatch(
      /transfer\.sent .*thresholdFacts must contain at least 1 elements.*Nothing was changed/,
    );
  });

  it('an event the service may not produce at all stays a 500 (our bug, not the request)', () => {
    expect(
      answer(new InvalidIntegrationEventError('forbidden-producer', 'transfer.sent', 'police may not produce it')),
    ).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
  });
});

describe('database outage → 503 with Retry-After, never a 500', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  function answerWithHeaders(e: unknown, method = 'POST'): { body: ErrorBody; headers: Record<string, string> } {
    let body: ErrorBody | undefined;
    const headers: Record<string, string> = {};
    const res = {
      setHeader: (k: string, v: string) => (headers[k] = v),
      status: (statusCode: number) => ({ json: (b: ErrorBody) => (body = { ...b, statusCode }) }),
    };
    new HttpErrorFilter().catch(e, {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method }) }),
    } as unknown as ArgumentsHost);
    return { body: body!, headers };
  }

  /** A real node-postgres connect error: nobody listens on the port. */
  async function refusedConnect(): Promise<unknown> {
    const srv = createServer();
    srv.listen(0, '127.0.0.1');
    await once(srv, 'listening');
    const port = (srv.address() as { port: number }).port;
    await new Promise((r) => srv.close(r));
    const c = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x', connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
    } catch (e) {
      return e;
    } finally {
      await c.end().catch(() => undefined);
    }
    throw new Error('expected the connect to fail');
  }

  it('a connect refused (as node-postgres throws it) is SERVICE.UNAVAILABLE: nothing was changed, retry after 5 s', async () => {
    const e = await refusedConnect();
    expect(databaseOutage(e)).toBe('refused');
    const { body, headers } = answerWithHeaders(e);
    expect(body).toMatchObject({ statusCode: 503, code: 'SERVICE.UNAVAILABLE' });
    expect(body.message).toMatch(/nothing was changed/);
    expect(headers['Retry-After']).toBe(String(RETRY_AFTER_SECONDS));
  });

  it('a server starting up or out of connections refuses at connect: SERVICE.UNAVAILABLE', () => {
    for (const code of ['57P03', '53300']) {
      const e = Object.assign(new Error('the database system is starting up'), { code });
      expect(answerWithHeaders(e).body.code).toBe('SERVICE.UNAVAILABLE');
    }
    expect(databaseOutage(new Error('timeout exceeded when trying to connect'))).toBe('refused');
  });

  it('a connection lost during a query (TypeORM QueryFailedError around the driver error) is SERVICE.INTERRUPTED', () => {
    const driverError = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const e = new QueryFailedError('INSERT INTO "case" …', [], driverError);
    expect(databaseOutage(e)).toBe('lost');
    const { body, headers } = answerWithHeaders(e);
    expect(body).toMatchObject({ statusCode: 503, code: 'SERVICE.INTERRUPTED' });
    expect(body.message).toMatch(/may or may not have been recorded/);
    expect(headers['Retry-After']).toBe('5');
    expect(databaseOutage(new Error('Connection terminated unexpectedly'))).toBe('lost');
    expect(databaseOutage(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('lost');
  });

  it('a read that loses its connection wrote nothing: SERVICE.UNAVAILABLE, not "may have been recorded"', () => {
    const e = new Error('Connection terminated unexpectedly');
    expect(answerWithHeaders(e, 'GET').body).toMatchObject({ statusCode: 503, code: 'SERVICE.UNAVAILABLE' });
    expect(answerWithHeaders(e, 'POST').body).toMatchObject({ statusCode: 503, code: 'SERVICE.INTERRUPTED' });
  });

  it('a transaction PostgreSQL gave up for a concurrent one (40001, 40P01) is 503 SERVICE.BUSY with Retry-After', () => {
    for (const code of ['40001', '40P01']) {
      const e = new QueryFailedError('UPDATE …', [], Object.assign(new Error('could not serialize access'), { code }));
      const { body, headers } = answerWithHeaders(e);
      expect(body).toMatchObject({ statusCode: 503, code: 'SERVICE.BUSY' });
      expect(body.message).toMatch(/nothing was changed/);
      expect(headers['Retry-After']).toBe('5');
    }
  });

  // Kept case (trial 7): two identical POST /cases at the same moment, one got a 500 (duplicate key value violates
  // unique constraint): the second of two concurrent writers of one record
  it('a unique violation (a concurrent request wrote the same record first) is 409 REQUEST.CONCURRENT_DUPLICATE', () => {
    const e = new QueryFailedError(
      'INSERT …',
      [],
      Object.assign(new Error('duplicate key value violates unique constraint "uq_case_number"'), { code: '23505' }),
    );
    expect(databaseOutage(e)).toBeUndefined();
    expect(answerWithHeaders(e).body).toMatchObject({ statusCode: 409, code: 'REQUEST.CONCURRENT_DUPLICATE' });
  });

  it('other database errors are no outage: a syntax error or an unknown column stays a 500', () => {
    for (const code of ['42601', '42703']) {
      const e = new QueryFailedError('…', [], Object.assign(new Error('x'), { code }));
      expect(databaseOutage(e)).toBeUndefined();
      expect(answerWithHeaders(e).body).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
    }
  });
});

describe('messages a case officer understands', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  // Kept case (trial 7): GET /cases/not-an-id answered Nest's "Validation failed (uuid is expected)"
  it('a path id that is no UUID (Nest ParseUUIDPipe) says what an id looks like', async () => {
    const e = await new ParseUUIDPipe().transform('not-an-id', { type: 'param', data: 'caseId' }).catch((x) => x);
    const body = answer(e);
    expect(body).toMatchObject({ statusCode: 400, code: 'REQUEST.VALIDATION_FAILED' });
    expect(body.message).toMatch(/^An id in the address is not an id: ids are UUIDs such as /);
  });
});
