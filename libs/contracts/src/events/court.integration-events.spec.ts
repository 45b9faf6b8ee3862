import { createEnvelope } from '../envelope';
import { eventRegistry } from '../catalog';

const base = {
  linkedCaseId: '01a22410-7f55-73b4-8da3-e0731a15ff88',
  producer: { agencyId: 'court:210100', kind: 'court' as const },
  actor: { officerId: 'judge-1' },
};
const courtCaseId = '01a22410-7f55-73b4-8da3-e0731a15ff89';

describe('court events', () => {
  it('upcasts court.judgment-rendered v1 to v2: the restoration order stays, without a due date', () => {
    const payload = { courtCaseId, summary: '判处罚金', restorationOrder: '补植复绿 2 公顷' };
    const result = eventRegistry.decode(
      JSON.stringify(createEnvelope({ ...base, type: 'court.judgment-rendered', version: 1, payload })),
    );
    expect(result.ok && result.upcastFrom).toBe(1);
    expect(result.ok && result.envelope.version).toBe(2);
    expect(result.ok && result.envelope.payload).toEqual(payload);
  });

  it('court.judgment-rendered v2 refuses a due date that is no calendar day', () => {
    const payload = { courtCaseId, summary: '判处罚金', restorationOrder: '补植复绿', restorationDueDate: '2027-13' };
    const result = eventRegistry.decode(
      JSON.stringify(createEnvelope({ ...base, type: 'court.judgment-rendered', version: 2, payload })),
    );
    expect(result.ok).toBe(false);
  });
});
