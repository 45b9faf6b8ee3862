import { deadLetterHeaders, deadLetterRecord } from './dead-letter';

describe('dead-letter record', () => {
  const source = {
    consumerGroup: 'police-intake',
    topic: 'casebridge.enforcement.events.v1',
    partition: 2,
    offset: '41',
    key: Buffer.from('0b5a4c1e-6a51-4c55-9d60-3c1b6f7e9a10'),
    value: Buffer.from('{not json 移送'),
  };

  it('has exactly the documented fields, with the raw value as text', () => {
    const record = deadLetterRecord(
      source,
      'malformed',
      'not JSON: Unexpected token',
      new Date('2025-11-28T10:00:00Z'),
    );
    expect(record).toEqual({
      consumerGroup: 'police-intake',
      sourceTopic: 'casebridge.enforcement.events.v1',
      partition: 2,
      offset: '41',
      key: '0b5a4c1e-6a51-4c55-9d60-3c1b6f7e9a10',
      reason: 'malformed',
      detail: 'not JSON: Unexpected token',
      failedAt: '2025-11-28T10:00:00.000Z',
      value: '{not json 移送',
    });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('keeps null keys and tombstones as null', () => {
    const record = deadLetterRecord({ ...source, key: null, value: null }, 'malformed', 'empty message value');
    expect(record.key).toBeNull();
    expect(record.value).toBeNull();
    expect(new Date(record.failedAt).toISOString()).toBe(record.failedAt);
  });

  it('truncates a huge detail', () => {
    const record = deadLetterRecord(source, 'handler-failed', 'x'.repeat(20_000));
    expect(record.detail.length).toBeLessThan(8100);
    expect(record.detail).toMatch(/truncated\)$/);
  });

  it('headers carry the reason and the origin beside the original headers', () => {
    const record = deadLetterRecord(source, 'invalid-payload', 'payload.caseId: must be a UUID');
    expect(deadLetterHeaders(record, { 'cb-type': Buffer.from('case.registered'), skip: undefined })).toEqual({
      'cb-type': Buffer.from('case.registered'),
      'cb-dlq-reason': 'invalid-payload',
      'cb-dlq-source': 'casebridge.enforcement.events.v1/2/41',
      'cb-dlq-group': 'police-intake',
    });
  });
});
