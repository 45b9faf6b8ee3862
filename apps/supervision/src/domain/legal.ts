import {
  basisText,
  LEGAL_SOURCES,
  LEGAL_SOURCES_EN,
  ruleTexts,
  type DeadlineEngine,
  type Rule,
  type RuleStatus,
  type TextLang,
} from '@casebridge/legal-time';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';

/**
 * The legal-time engine of the console: the built-in rule book, the chinese-days calendar and the
 * operator's calendar files (CASEBRIDGE_CALENDAR_FILE). A year without an official calendar is counted
 * on the statutory floor (flagged provisional in the explanation) rather than failing the projection.
 */
export const legalTime: DeadlineEngine = serviceDeadlineEngine();

export interface RuleInfo {
  id: string;
  title: string;
  who: string;
  periodText: string;
  basisText: string;
  status: string;
  onExpiry: string;
  variant?: { name: string; description: string };
  /**
   * The sources of `basisText`, each once, with the full title of the abbreviation (deadlines.md "Abbreviations of
   * the sources"), e.g. { abbreviation: 'R310', title: '《行政执法机关移送涉嫌犯罪案件的规定》 (State Council Decree 310, 2020 revision)' }.
   */
  sources: { abbreviation: string; title: string; titles: Record<TextLang, string> }[];
  /** the same texts in each language (the console shows one; English mode reads `en`) */
  texts: Record<
    TextLang,
    {
      title: string;
      who: string;
      periodText: string;
      basisText: string;
      onExpiry: string;
      status: string;
      variant?: { description: string };
    }
  >;
}

const STATUS_TEXT: Record<RuleStatus, Record<TextLang, string>> = {
  statutory: { zh: '法定期限', en: 'statutory' },
  policy: { zh: '政策默认期限（法律规定“立即”“及时”）', en: 'policy default (the law says "immediately"/"promptly")' },
  unverified: { zh: '未经核实的期限（可配置）', en: 'unverified (configurable)' },
  ordered: { zh: '裁判确定的期限（判决载明）', en: 'set by the judgment in the case' },
};

export function ruleInfo(ruleId: string, variant?: string): RuleInfo | null {
  if (!legalTime.ruleBook.has(ruleId)) return null;
  const r: Rule = legalTime.ruleBook.get(ruleId);
  const v = r.variants.find((x) => x.name === (variant ?? 'standard'));
  return {
    id: r.id,
    title: r.title,
    who: r.who,
    periodText: r.periodText,
    basisText: r.basisText,
    status: r.status,
    onExpiry: r.onExpiry,
    ...(v ? { variant: { name: v.name, description: v.description } } : {}),
    sources: [...new Set(r.basis.map((b) => b.source))].map((abbreviation) => ({
      abbreviation,
      title: LEGAL_SOURCES[abbreviation],
      titles: { zh: LEGAL_SOURCES[abbreviation], en: LEGAL_SOURCES_EN[abbreviation] },
    })),
    texts: Object.fromEntries(
      (['zh', 'en'] as const).map((lang) => {
        const t = ruleTexts(r, lang);
        const vt = v ? t.variants[v.name] : undefined;
        return [
          lang,
          {
            title: t.title,
            who: t.who,
            periodText: t.periodText,
            basisText: basisText(r, lang),
            onExpiry: t.onExpiry,
            status: STATUS_TEXT[r.status]?.[lang] ?? r.status,
            ...(vt ? { variant: { description: vt.description } } : {}),
          },
        ];
      }),
    ) as RuleInfo['texts'],
  };
}
