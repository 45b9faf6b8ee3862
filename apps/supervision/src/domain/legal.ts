import type { DeadlineEngine, Rule } from '@casebridge/legal-time';
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
