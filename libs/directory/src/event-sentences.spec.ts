import { ALL_EVENT_DEFINITIONS } from '@casebridge/contracts';
import { describeEvent, ruleTitle } from './event-sentences';

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

// Kept case (session 4 trial): a joint meeting's decision step had the title of a round's review, and a recipient's
// acknowledgement of an obvious-crime notification read "notify the police" while the police owed it.
describe('keyed steps with an act of their own', () => {
  it('a joint meeting decision is titled as such; a round review keeps the rule title', () => {
    const round = ruleTitle('joint-supervision', 'zh', 'police:210100');
    expect(round).toBe(ruleTitle('joint-supervision', 'zh'));
    expect(ruleTitle('joint-supervision', 'zh', 'decision:7f1c')).toBe('落实联席会议决定事项');
    expect(ruleTitle('joint-supervision', 'en', 'decision:7f1c')).not.toBe(ruleTitle('joint-supervision', 'en'));
  });
  it('a recipient acknowledges a suspected-crime notification; the rule itself is the enforcement notice', () => {
    expect(ruleTitle('notification.suspected-crime', 'zh', 'police:210100')).toBe('确认收到明显涉嫌犯罪的案情通报');
    expect(ruleTitle('notification.suspected-crime', 'zh')).toBe('检查中发现明显犯罪的，通报公安机关');
  });
  it('a deadline event of a decision step says so in its sentence', () => {
    const text = describeEvent({
      type: 'deadline.started',
      payload: { ruleId: 'joint-supervision', stepKey: 'decision:7f1c', owingAgencyId: 'police:210100' },
      producer: { agencyId: 'workflow' },
    });
    expect(text.zh).toContain('「落实联席会议决定事项」');
  });
});
