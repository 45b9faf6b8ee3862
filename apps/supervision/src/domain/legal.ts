import { createDeadlineEngine, type DeadlineEngine, type Rule } from '@casebridge/legal-time';

/**
 * The legal-time engine of the console: the built-in rule book and the chinese-days calendar. A year
 * the calendar does not cover yet is counted provisionally (weekends only, flagged in the
 * explanation) rather than failing the projection.
 */
export const legalTime: DeadlineEngine = createDeadlineEngine({ uncoveredYears: 'provisional' });

export interface RuleInfo {
  id: string;
  title: string;
  who: string;
  periodText: string;
  basisText: string;
  status: string;
  onExpiry: string;
  variant?: { name: string; description: string };
}

export function ruleInfo(ruleId: string, variant?: string): RuleInfo | null {
  if (!legalTime.ruleBook.has(ruleId)) return null;
  const r: Rule = legalTime.ruleBook.get(ruleId);
  const v = r.variants.find((x) => x.name === (variant ?? 'standard'));
  return {
    id: r.id, title: r.title, who: r.who, periodText: r.periodText, basisText: r.basisText, status: r.status, onExpiry: r.onExpiry,
    ...(v ? { variant: { name: v.name, description: v.description } } : {}),
  };
}
