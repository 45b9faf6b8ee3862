import { ConsoleLogger, Logger, type ArgumentsHost } from '@nestjs/common';
import { createEnvelope } from '@casebridge/contracts';
import { InvalidIntegrationEventError, prepareOutgoing, TopicNames } from '@casebridge/messaging';
import { HttpErrorFilter, type ErrorBody } from './http-error.filter';

function answer(e: unknown): ErrorBody {
  let body: ErrorBody | undefined;
  const res = {
    status: (statusCode: number) => ({
      json: (b: ErrorBody) => {
        body = { ...b, statusCode };
      },
    }),
  };
  new HttpErrorFilter().catch(e, { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost);
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
