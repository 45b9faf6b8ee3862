import { createEnvelope } from './envelope';
import { eventRegistry } from './catalog';

const linkedCaseId = '01a22410-7f55-73b4-8da3-e0731a15ff88';
const base = {
  linkedCaseId,
  producer: { agencyId: 'workflow', kind: 'workflow' as const },
  actor: { officerId: 'system:workflow' },
};

describe('event registry', () => {
  it('upcasts deadline.missed v1 to v2: the linked case stands in for the subject, the rule id for the step', () => {
    const v1 = createEnvelope({
      ...base,
      type: 'deadline.missed',
      version: 1,
      payload: { ruleId: 'transfer.receipt', owingAgencyId: 'police:210100', dueAt: '2025-10-09T00:00:00+08:00' },
    });
    const result = eventRegistry.decode(JSON.stringify(v1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.upcastFrom).toBe(1);
    expect(result.envelope.version).toBe(4);
    expect(result.envelope.payload).toEqual({
      stepId: `${linkedCaseId}/transfer.receipt`,
      subjectId: linkedCaseId,
      ruleId: 'transfer.receipt',
      variant: 'standard',
      owingAgencyId: 'police:210100',
      dueAt: '2025-10-09T00:00:00+08:00',
      // v3: no step key (the rule's single step), owed by the owing agency
      owner: { kind: 'agency', agencyId: 'police:210100' },
    });
  });

  const started = {
    stepId: `${linkedCaseId}/transfer.receipt`,
    subjectId: linkedCaseId,
    ruleId: 'transfer.receipt',
    variant: 'standard',
    owingAgencyId: 'police:210100',
    startedAt: '2025-10-08T00:00:00.000Z',
    dueAt: '2025-10-09T00:00:00+08:00',
    lastDay: '2025-10-09',
    explain: {},
  };

  it.each([
    ['deadline.started', 1, started, 3],
    [
      'deadline.warning',
      1,
      {
        stepId: started.stepId,
        subjectId: linkedCaseId,
        ruleId: 'transfer.receipt',
        owingAgencyId: 'police:210100',
        dueAt: started.dueAt,
      },
      3,
    ],
    [
      'deadline.missed',
      2,
      {
        stepId: started.stepId,
        subjectId: linkedCaseId,
        ruleId: 'transfer.receipt',
        variant: 'standard',
        owingAgencyId: 'police:210100',
        dueAt: started.dueAt,
      },
      4,
    ],
  ])('upcasts %s v%s: no step key, owed by its owing agency', (type, version, payload, latest) => {
    const result = eventRegistry.decode(JSON.stringify(createEnvelope({ ...base, type, version, payload })));
    expect(result.ok && result.envelope.version).toBe(latest);
    expect(result.ok && result.envelope.payload).toEqual({
      ...payload,
      owner: { kind: 'agency', agencyId: 'police:210100' },
    });
  });

  it('upcasts deadline.closed v1 (it named no owner): without key and owner', () => {
    const payload = { stepId: started.stepId, subjectId: linkedCaseId, ruleId: 'transfer.receipt', outcome: 'met' };
    const result = eventRegistry.decode(
      JSON.stringify(createEnvelope({ ...base, type: 'deadline.closed', version: 1, payload })),
    );
    expect(result.ok && [result.envelope.version, result.envelope.payload]).toEqual([3, payload]);
  });

  it('the keyed versions take a step key and an agency or party owner, and refuse a malformed owner', () => {
    const keyed = {
      ...started,
      stepId: `${linkedCaseId}/court.co-plaintiff-window@org-1`,
      ruleId: 'court.co-plaintiff-window',
      stepKey: 'org-1',
    };
    const decode = (owner: unknown) =>
      eventRegistry.decode(
        JSON.stringify(createEnvelope({ ...base, type: 'deadline.started', version: 3, payload: { ...keyed, owner } })),
      );
    expect(decode({ kind: 'party', role: 'eligible-organisation', name: '中华环保联合会' })).toMatchObject({
      ok: true,
      upcastFrom: null,
    });
    expect(decode({ kind: 'agency', agencyId: 'court:210100' })).toMatchObject({ ok: true });
    expect(decode({ kind: 'agency' })).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(decode({ kind: 'party', role: 'bystander' })).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(decode({ kind: 'someone' })).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(decode(undefined)).toMatchObject({ ok: false, reason: 'invalid-payload' });
  });

  it('keeps the current version as it is', () => {
    const v3 = createEnvelope({
      ...base,
      type: 'deadline.missed',
      version: 4,
      payload: {
        stepId: 's',
        subjectId: linkedCaseId,
        ruleId: 'transfer.receipt',
        variant: 'standard',
        owingAgencyId: 'police:210100',
        dueAt: '2025-10-09T00:00:00+08:00',
        owner: { kind: 'agency', agencyId: 'police:210100' },
      },
    });
    const result = eventRegistry.decode(JSON.stringify(v3));
    expect(result.ok && result.upcastFrom).toBe(null);
  });

  it.each([
    ['not JSON', '{oops', 'malformed'],
    ['an envelope without ids', JSON.stringify({ type: 'transfer.sent', version: 1, payload: {} }), 'invalid-envelope'],
    [
      'an unknown type',
      JSON.stringify(createEnvelope({ ...base, type: 'transfer.teleported', version: 1, payload: {} })),
      'unknown-event',
    ],
    [
      'a payload missing fields',
      JSON.stringify(
        createEnvelope({ ...base, type: 'transfer.receipt-signed', version: 1, payload: { transferId: 'x' } }),
      ),
      'invalid-payload',
    ],
  ])('refuses %s with reason %s', (_what, raw, reason) => {
    const result = eventRegistry.decode(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(reason);
  });

  it('refuses payload fields that are not in the contract (whitelist)', () => {
    const e = createEnvelope({
      ...base,
      type: 'transfer.receipt-signed',
      version: 1,
      payload: { transferId: linkedCaseId, receiptNumber: 'R1', secret: 'x' },
    });
    expect(eventRegistry.validatePayload(e.type, e.version, e.payload)).toMatch(/secret/);
  });

  it('envelopes carry UUIDv7 ids, both timestamps and a correlation id', () => {
    const e = createEnvelope({
      ...base,
      type: 'deadline.warning',
      version: 1,
      occurredAt: '2025-10-01T08:00:00+08:00',
      payload: {},
    });
    expect(e.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(e.occurredAt).toBe('2025-10-01T00:00:00.000Z');
    expect(Date.parse(e.recordedAt)).toBeGreaterThan(Date.parse(e.occurredAt));
    expect(e.correlationId).toBe(e.eventId);
  });
});

describe('every registered event type', () => {
  it.each(eventRegistry.definitions().map((d) => [d.type, d.version] as const))(
    '%s v%s passes the envelope check',
    (type, version) => {
      const e = createEnvelope({ ...base, type, version, payload: {} });
      const result = eventRegistry.decode(JSON.stringify(e));
      // the empty payload is refused, but never the envelope itself
      expect(!result.ok && result.reason).toBe('invalid-payload');
    },
  );
});

describe('deadline events: rule ids without a section', () => {
  const linkedCaseId = '0190f7a2-0000-7000-8000-0000000000cc';
  const started = {
    stepId: `${linkedCaseId}/joint-supervision@police:210100`,
    subjectId: linkedCaseId,
    ruleId: 'joint-supervision',
    variant: 'standard',
    owingAgencyId: 'police:210100',
    startedAt: '2025-10-08T00:00:00.000Z',
    dueAt: '2025-10-22T00:00:00+08:00',
    lastDay: '2025-10-22',
    explain: {},
    stepKey: 'police:210100',
    owner: { kind: 'agency', agencyId: 'police:210100' },
  };
  const decode = (version: number, ruleId: string) =>
    eventRegistry.decode(
      JSON.stringify(
        createEnvelope({
          type: 'deadline.started',
          version,
          linkedCaseId,
          producer: { agencyId: 'workflow', kind: 'workflow' },
          actor: { officerId: 'system' },
          occurredAt: '2025-10-08T00:00:00.000Z',
          eventId: '0190f7a2-0000-7000-8000-0000000000cd',
          payload: { ...started, ruleId },
        }),
      ),
    );

  it('v3 carries joint-supervision (deadlines.md), v2 did not; a malformed rule id is refused', () => {
    expect(decode(3, 'joint-supervision')).toMatchObject({ ok: true, upcastFrom: null });
    expect(decode(2, 'joint-supervision')).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(decode(2, 'transfer.receipt')).toMatchObject({ ok: true, upcastFrom: 2 });
    expect(decode(3, 'Joint supervision')).toMatchObject({ ok: false, reason: 'invalid-payload' });
  });
});
