/**
 * A rule's texts in one language: English from the rule tables (*.rules.ts), Chinese from texts.zh.ts —
 * the same structure either way. Also the legal basis ("R310 art 5(2)" / "R310 第 5 条第 2 款") and the
 * due-date explanation of the engine (DeadlineExplanation) rendered from its structured fields, so a
 * Chinese reader never sees the English trace.
 */
import type { DeadlineExplanation } from '../engine/types';
import { RULE_TEXTS_ZH } from './texts.zh';
import type { LegalBasis, Rule } from './types';

export type TextLang = 'zh' | 'en';

export interface RuleTexts {
  title: string;
  who: string;
  trigger: string;
  periodText: string;
  onExpiry: string;
  statuteSays?: string;
  suspendedWhile?: string;
  /** variant name → its description (and approver, when the variant needs approval) */
  variants: Readonly<Record<string, { description: string; approvalBy?: string }>>;
}

/** Chinese terms of art the English tables keep inline, in English (longest first). */
const TERMS_EN: readonly [string, string][] = [
  ['派员出庭通知书', 'notice of attendance'],
  ['纠正违法通知书', 'a notice to correct the violation'],
  ['责令限期移送', 'an order to transfer within a time limit'],
  ['检察建议书', 'procuratorial recommendation'],
  ['通知立案书', 'notice to file'],
  ['出庭通知书', 'hearing notice'],
  ['检察意见', 'procuratorial opinion'],
  ['检察建议', 'procuratorial recommendation'],
  ['纠正意见', 'a correction opinion'],
  ['通知立案', 'a notice to file'],
  ['催办函', 'a chaser letter'],
  ['回执', 'the receipt'],
];

/**
 * The English tables keep Chinese terms of art beside the English (deadlines.md): for an English reader the
 * glosses in brackets are dropped and the inline terms put in English ("sign 回执" → "sign the receipt").
 */
export function englishOnly(text: string): string {
  let out = text.replace(/\s*[（(][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]/g, '');
  for (const [zh, en] of TERMS_EN) out = out.split(zh).join(en);
  return out
    .replace(/\b(a|the) (a|the) /g, '$2 ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The rule's texts in `lang`; Chinese texts missing for a rule (an operator's extra rule) fall back to English. */
export function ruleTexts(rule: Rule, lang: TextLang): RuleTexts {
  const e = englishOnly;
  const en: RuleTexts = {
    title: e(rule.title),
    who: e(rule.who),
    trigger: e(rule.trigger),
    periodText: e(rule.periodText),
    onExpiry: e(rule.onExpiry),
    ...(rule.statuteSays ? { statuteSays: rule.statuteSays } : {}),
    ...(rule.suspendedWhile ? { suspendedWhile: e(rule.suspendedWhile) } : {}),
    variants: Object.fromEntries(
      rule.variants.map((v) => [
        v.name,
        { description: e(v.description), ...(v.approvalBy ? { approvalBy: e(v.approvalBy) } : {}) },
      ]),
    ),
  };
  return lang === 'zh' ? (RULE_TEXTS_ZH[rule.id] ?? en) : en;
}

/** "art 5(2)" → "第 5 条第 2 款"; "arts 29, 31" → "第 29、31 条"; "arts 559–562" → "第 559–562 条". */
export function articleZh(article: string): string {
  const m = /^arts? (.+)$/.exec(article);
  if (!m) return article === 'article not confirmed' ? '条文未核实' : article;
  const one = (a: string) => {
    const p = /^(\d+)\((\d+)\)$/.exec(a.trim());
    return p ? `${p[1]} 条第 ${p[2]} 款` : `${a.trim()} 条`;
  };
  const parts = m[1]!.split(',').map((x) => x.trim());
  if (parts.length === 1) return `第 ${one(parts[0]!)}`;
  return `第 ${parts.map((x) => x.replace(/ 条$/, '')).join('、')} 条`;
}

/** The legal basis: English as written in the table ("R310 art 5(2); E17 art 5"), Chinese "R310 第 5 条第 2 款；E17 第 5 条". */
export function basisText(rule: Pick<Rule, 'basis' | 'basisText'>, lang: TextLang): string {
  if (lang === 'en') return rule.basisText;
  const bySource = new Map<string, LegalBasis[]>();
  for (const b of rule.basis) bySource.set(b.source, [...(bySource.get(b.source) ?? []), b]);
  return [...bySource.entries()]
    .map(([source, list]) => {
      const arts = list.filter((b) => b.article).map((b) => articleZh(b.article!));
      if (!arts.length) return source;
      const plain = arts.every((a) => /^第 [\d–]+ 条$/.test(a));
      return `${source} ${plain && arts.length > 1 ? `第 ${arts.map((a) => a.slice(2, -2)).join('、')} 条` : arts.join('、')}`;
    })
    .join('；');
}

const COUNTING: Record<string, { zh: string; en: string }> = {
  'calendar-days': {
    zh: '按日计算，开始之日不计入，期间届满日为最后一日',
    en: 'calendar days; the start day is not counted',
  },
  'working-days': {
    zh: '按工作日计算，开始之日不计入，节假日不计入、调休上班日计入',
    en: 'working days; the start day is not counted; weekends and holidays skipped, make-up working days counted',
  },
  months: {
    zh: '按月计算，到期月的对应日为最后一日（无对应日的为该月最后一日）',
    en: 'months; the last day is the same-numbered day of the final month (or its last day)',
  },
  composite: { zh: '按月和日合并计算为一个期间', en: 'months and days counted as one period' },
  hours: { zh: '按小时计算，开始的不满一小时不计入', en: 'hours; the broken start hour is not counted' },
  simultaneous: { zh: '与触发行为同时', en: 'at the same time as the triggering act' },
  'lead-time-days': { zh: '自事件之日倒数整日', en: 'whole days counted backwards from the event' },
  'lead-time-hours': { zh: '自事件时刻倒数整小时', en: 'whole hours counted backwards from the event' },
};

const DAY_MODES = new Set(['calendar-days', 'working-days', 'months', 'composite', 'lead-time-days']);

/** "2026-12-02" → "2026年12月2日"; English "2 Dec 2026". */
export function civilDateText(isoDate: string, lang: TextLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'zh') return `${y}年${mo}月${d}日`;
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo - 1]} ${y}`;
}

export interface ExplanationText {
  counting: string;
  /** day modes: "2026年12月5日 24:00" (the last day before any holiday shift); hour modes: null (shown as an instant) */
  rawEndDay: string | null;
  shifts: string[];
  holidayRule: string;
}

/**
 * The counting trace in one language, from the structured fields of a DeadlineExplanation (the English
 * free texts of the engine are not shown to a Chinese reader).
 */
export function explanationText(
  ex: Pick<DeadlineExplanation, 'countingMode' | 'rawEnd' | 'shifts' | 'holidayRule'>,
  lang: TextLang,
  custody = false,
): ExplanationText {
  const day = DAY_MODES.has(ex.countingMode);
  const dayText = (d: string) => `${civilDateText(d, lang)} 24:00`;
  const shifts = (ex.shifts ?? []).map((s) =>
    lang === 'zh'
      ? `最后一日 ${civilDateText(s.from, 'zh')} 为休息日或法定节假日，顺延至其后第一个工作日 ${civilDateText(s.to, 'zh')}（跳过 ${s.skipped.length} 日）`
      : `last day ${civilDateText(s.from, 'en')} is not a working day: moved to the first working day after it, ${civilDateText(s.to, 'en')} (${s.skipped.length} day(s) skipped)`,
  );
  const rule =
    /custody/.test(ex.holidayRule) || custody
      ? {
          zh: '羁押期限：最后一日不因节假日顺延（CPL 第 105 条）',
          en: 'custody period: the last day is never extended for holidays (CPL art 105)',
        }
      : ex.countingMode === 'simultaneous'
        ? { zh: '同时进行的行为：不顺延', en: 'simultaneous act: no holiday extension' }
        : ex.countingMode.startsWith('lead-time')
          ? { zh: '提前期限：不因节假日顺延', en: 'lead time: not shifted for holidays' }
          : ex.countingMode === 'hours'
            ? { zh: '按小时计算的期限不因节假日顺延', en: 'hour periods are not extended for holidays' }
            : {
                zh: '期间最后一日为节假日的，以节假日后的第一个工作日为最后一日（CPL 第 105 条；CivPL 第 86 条；E17 第 38 条）',
                en: 'a last day that is not a working day moves to the first working day after it (CPL art 105; CivPL art 86; E17 art 38)',
              };
  return {
    counting: (COUNTING[ex.countingMode] ?? { zh: ex.countingMode, en: ex.countingMode })[lang],
    rawEndDay: day && /^\d{4}-\d{2}-\d{2}$/.test(ex.rawEnd) ? dayText(ex.rawEnd) : null,
    shifts,
    holidayRule: rule[lang],
  };
}
