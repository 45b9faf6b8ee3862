import { createEnvelope } from '../envelope';
import { eventRegistry } from '../catalog';

const LINKED = '0190f7a2-0000-7000-8000-0000000000aa';
const ID = '0190f7a2-0000-7000-8000-0000000000bb';

function decodeV1(type: string, payload: Record<string, unknown>, kind: 'enforcement' | 'supervision') {
  const e = createEnvelope({
    type,
    version: 1,
    linkedCaseId: LINKED,
    producer: { agencyId: kind === 'supervision' ? 'supervision:000000' : 'enforcement:210100', kind },
    actor: { officerId: 'officer-1' },
    occurredAt: '2025-09-22T09:00:00+08:00',
    eventId: ID,
    payload,
  });
  return eventRegistry.decode(JSON.stringify(e));
}

describe('cooperation events: upcasters', () => {
  it('consultation.requested v1 → v2: a question without attachments', () => {
    const decoded = decodeV1(
      'consultation.requested',
      { consultationId: ID, consultedAgencyId: 'police:210100', question: '是否达到立案追诉标准？' },
      'enforcement',
    );
    expect(decoded).toMatchObject({ ok: true, upcastFrom: 1 });
    expect(decoded.ok && decoded.envelope.payload).toEqual({
      consultationId: ID,
      consultedAgencyId: 'police:210100',
      question: '是否达到立案追诉标准？',
      attachments: [],
    });
  });

  it('supervision.joint-listed v1 → v2: a listing that names no participants', () => {
    const decoded = decodeV1('supervision.joint-listed', { reviewInterval: 'P14D', reason: '重大案件' }, 'supervision');
    expect(decoded).toMatchObject({ ok: true, upcastFrom: 1 });
    expect(decoded.ok && decoded.envelope.payload).toEqual({
      reviewInterval: 'P14D',
      reason: '重大案件',
      participants: [],
    });
  });

  it('v2 refuses a malformed attachment hash', () => {
    const e = createEnvelope({
      type: 'consultation.requested',
      version: 2,
      linkedCaseId: LINKED,
      producer: { agencyId: 'enforcement:210100', kind: 'enforcement' },
      actor: { officerId: 'officer-1' },
      occurredAt: '2025-09-22T09:00:00+08:00',
      eventId: ID,
      payload: {
        consultationId: ID,
        consultedAgencyId: 'police:210100',
        question: 'q',
        attachments: [{ fileName: 'a.pdf', sha256: 'XYZ', sizeBytes: 1 }],
      },
    });
    expect(eventRegistry.decode(JSON.stringify(e))).toMatchObject({ ok: false, reason: 'invalid-payload' });
  });
});
