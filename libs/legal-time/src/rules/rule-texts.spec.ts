import { ALL_RULES } from './index';
import { articleZh, basisText, englishOnly, explanationText, ruleTexts } from './rule-texts';
import { RULE_TEXTS_ZH } from './texts.zh';

const CJK = /[\u4e00-\u9fff]/;
/** Latin words allowed in Chinese text: statute abbreviations of deadlines.md. */
const ALLOWED = new Set([
  'R310',
  'E17',
  'GA',
  'JR',
  'CPL',
  'CivPL',
  'ALL',
  'CivJI',
  'PILJI',
  'PILR21',
  'EnvPIL',
  'EDC',
  'EDCR22',
  'APL',
  'REP19',
]);
const latinWords = (s: string) => (s.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !ALLOWED.has(w));

describe('rule texts in both languages', () => {
  it('every rule and every variant has Chinese texts beside the English ones, with no English words', () => {
    for (const rule of ALL_RULES) {
      const zh = RULE_TEXTS_ZH[rule.id];
      if (!zh) throw new Error(`rule ${rule.id} has no Chinese texts (libs/legal-time/src/rules/texts.zh.ts)`);
      const en = ruleTexts(rule, 'en');
      // English fully English: no Chinese left in what an English reader sees (statuteSays quotes the statute)
      const { statuteSays: _quoted, variants, ...enFields } = en;
      expect([rule.id, Object.values(enFields).filter((t) => CJK.test(t))]).toEqual([rule.id, []]);
      expect([
        rule.id,
        Object.values(variants)
          .flatMap((v) => [v.description, v.approvalBy ?? ''])
          .filter((t) => CJK.test(t)),
      ]).toEqual([rule.id, []]);
      expect(Object.keys(zh.variants).sort()).toEqual(Object.keys(en.variants).sort());
      for (const field of ['title', 'who', 'trigger', 'periodText', 'onExpiry'] as const) {
        expect([rule.id, field, en[field].length > 0]).toEqual([rule.id, field, true]);
        expect([rule.id, field, CJK.test(zh[field]) || zh[field] === '—']).toEqual([rule.id, field, true]);
        expect([rule.id, field, latinWords(zh[field])]).toEqual([rule.id, field, []]);
      }
      expect([rule.id, 'statuteSays', !!zh.statuteSays]).toEqual([rule.id, 'statuteSays', !!rule.statuteSays]);
      expect([rule.id, 'suspendedWhile', !!zh.suspendedWhile]).toEqual([
        rule.id,
        'suspendedWhile',
        !!rule.suspendedWhile,
      ]);
      for (const v of rule.variants) {
        const t = zh.variants[v.name]!;
        expect([rule.id, v.name, CJK.test(t.description), latinWords(t.description)]).toEqual([
          rule.id,
          v.name,
          true,
          [],
        ]);
        expect([rule.id, v.name, !!t.approvalBy]).toEqual([rule.id, v.name, !!v.approvalBy]);
        if (t.approvalBy) expect(latinWords(t.approvalBy)).toEqual([]);
      }
    }
    expect(Object.keys(RULE_TEXTS_ZH).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  it('English texts drop the Chinese glosses and put inline terms in English', () => {
    expect(englishOnly('Police sign the receipt (回执) of the transfer')).toBe(
      'Police sign the receipt of the transfer',
    );
    expect(englishOnly('immediately (sign 回执) — policy default 24 hours')).toBe(
      'immediately — policy default 24 hours',
    );
    expect(englishOnly('overdue → 责令限期移送; head sanctioned')).toBe(
      'overdue → an order to transfer within a time limit; head sanctioned',
    );
    expect(englishOnly('receipt of a 检察意见 telling it to transfer')).toBe(
      'receipt of a procuratorial opinion telling it to transfer',
    );
  });

  it('legal bases read as articles in Chinese', () => {
    expect(articleZh('art 5(2)')).toBe('第 5 条第 2 款');
    expect(articleZh('arts 29, 31')).toBe('第 29、31 条');
    expect(articleZh('arts 559–562')).toBe('第 559–562 条');
    expect(
      basisText(
        {
          basis: [
            { source: 'E17', article: 'art 9' },
            { source: 'E17', article: 'art 12' },
            { source: 'R310', article: 'art 8' },
          ],
          basisText: '',
        },
        'zh',
      ),
    ).toBe('E17 第 9、12 条；R310 第 8 条');
    for (const rule of ALL_RULES) {
      expect(latinWords(basisText(rule, 'zh'))).toEqual([]);
    }
  });

  it('the explanation of a day-counted period shows the last day ending at 24:00, in either language', () => {
    const ex = {
      countingMode: 'calendar-days' as const,
      rawEnd: '2026-12-05',
      holidayRule: 'a last day …',
      shifts: [{ from: '2026-12-05', to: '2026-12-07', reason: '…', skipped: ['2026-12-05', '2026-12-06'] }],
    };
    const zh = explanationText(ex, 'zh');
    expect(zh.rawEndDay).toBe('2026年12月5日 24:00');
    expect(zh.shifts[0]).toContain('顺延至其后第一个工作日 2026年12月7日');
    expect(latinWords(Object.values(zh).flat().join(' '))).toEqual([]);
    expect(explanationText(ex, 'en').rawEndDay).toBe('5 Dec 2026 24:00');
    expect(
      explanationText(
        { countingMode: 'hours', rawEnd: '2026-12-05T08:00:00+08:00', holidayRule: 'hour period', shifts: [] },
        'zh',
      ).rawEndDay,
    ).toBeNull();
  });
});
