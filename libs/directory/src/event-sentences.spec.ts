import { ALL_EVENT_DEFINITIONS } from '@casebridge/contracts';
import { describeEvent } from './event-sentences';

const ALLOWED = /^(E17|R310|CPL|APL)$/;
const english = (s: string) => (s.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !ALLOWED.test(w));

describe('event sentences', () => {
  const types = [...new Set(ALL_EVENT_DEFINITIONS.map((d) => d.type))];
  const payload = {
    dueAt: '2026-11-24T16:00:00.000Z',
    lastDay: '2026-11-24',
    outcome: 'met',
    mode: 'forwarded',
    ruleId: 'transfer.receipt',
    owingAgencyId: 'police:210100',
    toAgencyId: 'police:210200',
    fromAgencyId: 'enforcement:210100',
    copyToAgencyId: 'procuratorate:210100',
    ground: 'upheld-on-reconsideration',
    kind: 'civil',
    state: 'suspended',
    reason: '重大案件，需联合督办',
    message: '请于今日内办理',
    decision: '立案决定',
    summary: '判决被告赔偿',
    missing: ['investigation-report'],
    variant: 'verification',
    track: 'civil',
    reviewInterval: 'P14D',
    hearingAt: '2026-12-01T01:30:00.000Z',
    procuratorateAgencyId: 'procuratorate:210100',
    enforcementAgencyId: 'enforcement:210100',
    agencyId: 'enforcement:210100',
    courtAgencyId: 'court:210100',
    consultedAgencyId: 'police:210100',
    toLevel: 'police:210000',
  };
  it.each(types)('%s has its own Chinese and English sentence, the Chinese one without English words', (type) => {
    const kind =
      type === 'evidence.attached' ? 'audiovisual' : type.startsWith('notification.') ? 'development' : 'civil';
    const s = describeEvent({
      type,
      producer: { kind: 'police', agencyId: 'police:210100' },
      payload: { ...payload, kind, ...(type === 'transfer.head-decided' ? { decision: 'approved' } : {}) },
    });
    expect(s.en).not.toMatch(new RegExp(`: ${type.replace('.', '\\.')}$`));
    expect(s.zh).not.toMatch(new RegExp(`：${type.replace('.', '\\.')}$`));
    expect(english(s.zh)).toEqual([]);
    expect(s.zh).not.toMatch(/\d{6}/); // agencies by name, not by id
  });
});
