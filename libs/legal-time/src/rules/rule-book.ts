/**
 * The rule book: the rules of deadlines.md, plus configuration.
 *
 * Only policy and unverified rules may have their periods overridden (statutory periods are law):
 *   createRuleBook({ overrides: { 'transfer.receipt': { standard: { unit: 'hours', amount: 12 } } } })
 */
import { RuleBookError, StatutoryOverrideError, UnknownRuleError, UnknownVariantError } from '../errors';
import { ALL_RULES } from './index';
import { validatePeriod } from './period';
import { Period, Rule, RuleVariant, STANDARD_VARIANT } from './types';

/** ruleId → variant name → period. */
export type PeriodOverrides = Readonly<Record<string, Readonly<Record<string, Period>>>>;

export interface RuleBookConfig {
  readonly overrides?: PeriodOverrides;
  /** Additional rules (e.g. a custodial period, or local rules); ids must not clash with built-in ones. */
  readonly extraRules?: readonly Rule[];
}

export interface RuleBook {
  readonly rules: readonly Rule[];
  readonly ids: readonly string[];
  has(id: string): boolean;
  /** Throws UnknownRuleError (with the nearest ids) for an unknown id. */
  get(id: string): Rule;
  /** Throws UnknownRuleError / UnknownVariantError. */
  variant(ruleId: string, name?: string): RuleVariant;
  /** The ids nearest to a mistyped one. */
  suggest(id: string, max?: number): string[];
}

const DEFAULT_SUGGESTIONS = 3;

export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidates similar to `input`, best first: ids containing it first, then by edit distance to the whole id or
 * to one of its dot-separated parts. Only similar ones: at most a third of the input's length mistyped (at least 2),
 * so "nope" suggests nothing rather than unrelated rules.
 */
export function nearest(candidates: readonly string[], input: string, max = DEFAULT_SUGGESTIONS): string[] {
  const needle = input.toLowerCase();
  const allowed = Math.max(2, Math.floor(needle.length / 3));
  return candidates
    .map((id) => ({
      id,
      // Ids containing the input (e.g. "filing-review") rank first.
      score:
        needle && id.includes(needle)
          ? 0
          : Math.min(...[id, ...id.split('.')].map((part) => levenshtein(needle, part))) + 1,
    }))
    .filter((c) => c.score <= allowed + 1)
    .sort((x, y) => x.score - y.score || x.id.localeCompare(y.id))
    .slice(0, max)
    .map(({ id }) => id);
}

export function validateRule(rule: Rule): void {
  const where = `rule ${rule.id}`;
  if (!/^[a-z]+(?:[.-][a-z]+)+$/.test(rule.id)) throw new RuleBookError(`${where}: malformed id`);
  if (!rule.variants.length || rule.variants[0].name !== STANDARD_VARIANT) {
    throw new RuleBookError(`${where}: the first variant must be named '${STANDARD_VARIANT}'`);
  }
  const names = new Set<string>();
  for (const v of rule.variants) {
    if (names.has(v.name)) throw new RuleBookError(`${where}: duplicate variant ${v.name}`);
    names.add(v.name);
    validatePeriod(v.period, `${where} variant ${v.name}`);
    if (v.requiresApproval && !v.approvalBy) throw new RuleBookError(`${where} variant ${v.name}: approvalBy missing`);
  }
  if (!rule.basis.length || !rule.basisText.trim()) throw new RuleBookError(`${where}: legal basis missing`);
}

function applyOverrides(rule: Rule, overrides: Readonly<Record<string, Period>>): Rule {
  // a statutory period is the law's, an ordered one the judgment's: configuration changes neither
  if (rule.status === 'statutory' || rule.status === 'ordered') throw new StatutoryOverrideError(rule.id);
  const valid = rule.variants.map((v) => v.name);
  for (const name of Object.keys(overrides)) {
    if (!valid.includes(name)) throw new UnknownVariantError(rule.id, name, valid);
  }
  return {
    ...rule,
    variants: rule.variants.map((v) => {
      const period = overrides[v.name];
      if (period === undefined) return v;
      validatePeriod(period, `override of ${rule.id} variant ${v.name}`);
      return { ...v, period, defaultPeriod: v.defaultPeriod ?? v.period };
    }),
  };
}

export function createRuleBook(config: RuleBookConfig = {}): RuleBook {
  const all = [...ALL_RULES, ...(config.extraRules ?? [])];
  const byId = new Map<string, Rule>();
  for (const rule of all) {
    validateRule(rule);
    if (byId.has(rule.id)) throw new RuleBookError(`duplicate rule id ${rule.id}`);
    byId.set(rule.id, rule);
  }
  const ids = [...byId.keys()];
  for (const [id, overrides] of Object.entries(config.overrides ?? {})) {
    const rule = byId.get(id);
    if (!rule) throw new UnknownRuleError(id, nearest(ids, id));
    byId.set(id, applyOverrides(rule, overrides));
  }
  const rules = ids.map((id) => byId.get(id) as Rule);

  const get = (id: string): Rule => {
    const rule = byId.get(id);
    if (!rule) throw new UnknownRuleError(id, nearest(ids, id));
    return rule;
  };
  return {
    rules,
    ids,
    has: (id) => byId.has(id),
    get,
    variant: (ruleId, name = STANDARD_VARIANT) => findVariant(get(ruleId), name),
    suggest: (id, max) => nearest(ids, id, max),
  };
}

export function findVariant(rule: Rule, name: string = STANDARD_VARIANT): RuleVariant {
  const variant = rule.variants.find((v) => v.name === name);
  if (!variant)
    throw new UnknownVariantError(
      rule.id,
      name,
      rule.variants.map((v) => v.name),
    );
  return variant;
}
