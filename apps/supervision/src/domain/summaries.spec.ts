import { ALL_EVENT_DEFINITIONS } from '@casebridge/contracts';
import { beijing, summarize } from './summaries';

describe('timeline summaries', () => {
  const types = [...new Set(ALL_EVENT_DEFINITIONS.map((d) => d.type))];
  it.each(types)('%s has its own Chinese and English line', (type) => {
    const s = summarize({ type, producer: { kind: 'police', agencyId: 'police:210100' }, payload: { dueAt: '2026-11-24T02:00:00.000Z', outcome: 'met', mode: 'forwarded' } });
    expect(s.en).not.toMatch(new RegExp(`^${type.replace('.', '\\.')} by`));
    expect(s.zh).not.toBe('');
  });

  it('due dates read in Beijing time', () => {
    expect(beijing('2026-11-24T16:00:00.000Z')).toBe('2026-11-25 00:00 (UTC+8)');
    expect(summarize({ type: 'deadline.warning', producer: { kind: 'workflow', agencyId: 'workflow' }, payload: { ruleId: 'transfer.receipt', dueAt: '2026-11-24T02:00:00.000Z' } }).zh)
      .toBe('期限 transfer.receipt 即将届满：2026-11-24 10:00 (UTC+8)');
  });
});
