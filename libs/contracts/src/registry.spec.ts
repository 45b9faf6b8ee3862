import { createEnvelope } from './envelope';
import { eventRegistry } from './catalog';

const linkedCaseId = '01a22410-7f55-73b4-8da3-e0731a15ff88';
const base = { linkedCaseId, producer: { agencyId: 'workflow', kind: 'workflow' as const }, actor: { officerId: 'system:workflow' } };

describe('event registry', () => {
  it('upcasts deadline.missed v1 to v2: the linked case stands in for the subject, the rule id for the step', () => {
    const v1 = createEnvelope({ ...base, type: 'deadline.missed', version: 1, payload: { ruleId: 'transfer.receipt', owingAgencyId: 'police:210100', dueAt: '2025-10-09T00:00:00+08:00' } });
    const result = eventRegistry.decode(JSON.stringify(v1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.upcastFrom).toBe(1);
    expect(result.envelope.version).toBe(2);
    expect(result.envelope.payload).toEqual({
      stepId: `${linkedCaseId}/transfer.receipt`, subjectId: linkedCaseId, ruleId: 'transfer.receipt', variant: 'standard',
      owingAgencyId: 'police:210100', dueAt: '2025-10-09T00:00:00+08:00',
    });
  });

  it('keeps the current version as it is', () => {
    const v2 = createEnvelope({ ...base, type: 'deadline.missed', version: 2, payload: {
      stepId: 's', subjectId: linkedCaseId, ruleId: 'transfer.receipt', variant: 'standard', owingAgencyId: 'police:210100', dueAt: '2025-10-09T00:00:00+08:00',
    } });
    const result = eventRegistry.decode(JSON.stringify(v2));
    expect(result.ok && result.upcastFrom).toBe(null);
  });

  it.each([
    ['not JSON', '{oops', 'malformed'],
    ['an envelope without ids', JSON.stringify({ type: 'transfer.sent', version: 1, payload: {} }), 'invalid-envelope'],
    ['an unknown type', JSON.stringify(createEnvelope({ ...base, type: 'transfer.teleported', version: 1, payload: {} })), 'unknown-event'],
    ['a payload missing fields', JSON.stringify(createEnvelope({ ...base, type: 'transfer.receipt-signed', version: 1, payload: { transferId: 'x' } })), 'invalid-payload'],
  ])('refuses %s with reason %s', (_what, raw, reason) => {
    const result = eventRegistry.decode(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(reason);
  });

  it('refuses payload fields that are not in the contract (whitelist)', () => {
    const e = createEnvelope({ ...base, type: 'transfer.receipt-signed', version: 1, payload: { transferId: linkedCaseId, receiptNumber: 'R1', secret: 'x' } });
    expect(eventRegistry.validatePayload(e.type, e.version, e.payload)).toMatch(/secret/);
  });

  it('envelopes carry UUIDv7 ids, both timestamps and a correlation id', () => {
    const e = createEnvelope({ ...base, type: 'deadline.warning', version: 1, occurredAt: '2025-10-01T08:00:00+08:00', payload: {} });
    expect(e.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(e.occurredAt).toBe('2025-10-01T00:00:00.000Z');
    expect(Date.parse(e.recordedAt)).toBeGreaterThan(Date.parse(e.occurredAt));
    expect(e.correlationId).toBe(e.eventId);
  });
});

describe('every registered event type', () => {
  it.each(eventRegistry.definitions().map((d) => [d.type, d.version] as const))('%s v%s passes the envelope check', (type, version) => {
    const e = createEnvelope({ ...base, type, version, payload: {} });
    const result = eventRegistry.decode(JSON.stringify(e));
    // the empty payload is refused, but never the envelope itself
    expect(!result.ok && result.reason).toBe('invalid-payload');
  });
});
