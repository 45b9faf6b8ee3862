import { createEnvelope, Topics } from '@casebridge/contracts';
import { InvalidIntegrationEventError } from '../errors';
import { TopicNames } from '../topics/topic-names';
import { prepareOutgoing } from './outgoing-event';

const caseId = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c11';
const registered = {
  caseId,
  caseNumber: '沈环罚〔2025〕17号',
  region: '210100',
  party: { name: '某化工有限公司', creditCode: '91210100MA0QC4KX38' },
  violation: '超标排放',
  discoveredAt: '2025-11-01T08:00:00.000Z',
};

function envelope(overrides: Partial<Parameters<typeof createEnvelope>[0]> = {}) {
  return createEnvelope({
    type: 'case.registered',
    version: 1,
    linkedCaseId: caseId,
    producer: { kind: 'enforcement', agencyId: 'enforcement:210100' },
    actor: { officerId: 'officer-7' },
    payload: registered as object,
    ...overrides,
  });
}

function refusal(fn: () => unknown): InvalidIntegrationEventError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidIntegrationEventError);
    return e as InvalidIntegrationEventError;
  }
  throw new Error('expected a refusal');
}

describe('prepareOutgoing', () => {
  const topics = new TopicNames({ suffix: 'u1' });

  it('routes by producer, keys by linked case and carries the contract headers', () => {
    const e = envelope();
    const out = prepareOutgoing(e, topics);
    expect(out).toMatchObject({
      eventId: e.eventId,
      topic: `${Topics.enforcement}.u1`,
      key: caseId,
      type: 'case.registered',
      version: 1,
    });
    expect(out.headers).toEqual({
      'cb-event-id': e.eventId,
      'cb-type': 'case.registered',
      'cb-version': '1',
      'cb-producer': 'enforcement:210100',
    });
    expect(out.envelope).toEqual(JSON.parse(JSON.stringify(e)));
  });

  it('refuses an invalid payload with the validation message', () => {
    const err = refusal(() => prepareOutgoing(envelope({ payload: { ...registered, region: 'Shenyang' } }), topics));
    expect(err.reason).toBe('invalid-payload');
    expect(err.message).toMatch(/case\.registered.*region/);
  });

  it('refuses unknown types, unknown versions and broken envelopes', () => {
    expect(refusal(() => prepareOutgoing(envelope({ type: 'case.exploded' }), topics)).reason).toBe('unknown-event');
    expect(refusal(() => prepareOutgoing(envelope({ version: 9 }), topics)).reason).toBe('unknown-event');
    expect(refusal(() => prepareOutgoing(envelope({ linkedCaseId: 'case-1' }), topics)).reason).toBe(
      'invalid-envelope',
    );
  });

  it('refuses a producer kind that may not produce the type', () => {
    const err = refusal(() =>
      prepareOutgoing(envelope({ producer: { kind: 'police', agencyId: 'police:210100' } }), topics),
    );
    expect(err.reason).toBe('forbidden-producer');
    expect(err.detail).toMatch(/police producer may not produce case\.registered \(allowed: enforcement\)/);
  });

  it('refuses an agency id that does not belong to the producer kind', () => {
    const err = refusal(() =>
      prepareOutgoing(envelope({ producer: { kind: 'enforcement', agencyId: 'police:210100' } }), topics),
    );
    expect(err.reason).toBe('invalid-envelope');
  });

  it('refuses what JSON cannot carry', () => {
    const cyclic: Record<string, unknown> = { ...registered };
    cyclic.self = cyclic;
    expect(refusal(() => prepareOutgoing(envelope({ payload: cyclic }), topics)).reason).toBe('not-serialisable');
  });
});
