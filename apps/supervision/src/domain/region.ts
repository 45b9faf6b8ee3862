/**
 * Region scoping of the supervisor console.
 *
 * Region codes are the 6-digit administrative division codes (GB/T 2260): PP CC DD = province, city,
 * county. A supervisor's token carries the region of their office; what they may see is defined as:
 *
 *   a step (or an expectation, or an orphan event) is visible to a supervisor of region R when the
 *   region of the OWING agency lies within R, OR the ORIGIN region of its linked case lies within R.
 *
 * "Lies within" follows the division hierarchy: a province-level office (PP0000) covers every region
 * PPxxxx, a city-level office (PPCC00) covers PPCCxx, a county-level office (PPCCDD) only itself, and
 * 000000 (national) covers everything. The origin region of a linked case is the region of the agency
 * whose event is the earliest on the case (normally the enforcement office that registered or
 * transferred it). So a Shenyang supervisor (210100) sees the Shenyang police's steps and every step of
 * a case Shenyang enforcement started, even a step owed by the Dalian police after a forward; a
 * Dalian supervisor (210200) sees that Dalian step but nothing else of the Shenyang case.
 *
 * Rows store the scope keys of both regions (every level: '21', '2101', '210100'); a supervisor
 * matches with one key, which a GIN index answers.
 */

export const NATIONAL_REGION = '000000';
const REGION = /^\d{6}$/;

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION.test(value);
}

/** The scope key a supervisor of `region` matches with; null = national (everything). */
export function supervisorScopeKey(region: string): string | null {
  if (!isRegionCode(region)) throw new Error(`invalid region code '${region}'`);
  if (region === NATIONAL_REGION) return null;
  if (region.endsWith('0000')) return region.slice(0, 2);
  if (region.endsWith('00')) return region.slice(0, 4);
  return region;
}

export type ScopeLevel = 'national' | 'province' | 'city' | 'county';

export function scopeLevel(region: string): ScopeLevel {
  const key = supervisorScopeKey(region);
  if (key === null) return 'national';
  return key.length === 2 ? 'province' : key.length === 4 ? 'city' : 'county';
}

/** Every key a region is matched by: its province, its city and itself ('210102' → 21, 2101, 210102). */
export function regionKeys(region: string | null | undefined): string[] {
  if (!isRegionCode(region) || region === NATIONAL_REGION) return [];
  const keys = new Set<string>([region.slice(0, 2)]);
  if (!region.endsWith('0000')) keys.add(region.slice(0, 4));
  keys.add(region);
  return [...keys];
}

/** The scope keys of a row: union of the owing agency's and the case origin's region keys. */
export function scopeKeys(...regions: (string | null | undefined)[]): string[] {
  return [...new Set(regions.flatMap((r) => regionKeys(r)))].sort();
}

/** Whether a region lies within a supervisor's region (same rule as the SQL `scope_keys @> ARRAY[key]`). */
export function regionWithin(region: string | null | undefined, supervisorRegion: string): boolean {
  const key = supervisorScopeKey(supervisorRegion);
  if (key === null) return true;
  return regionKeys(region).includes(key);
}

/** A row with an owing region and a case origin region is visible to the supervisor. */
export function visibleTo(row: { owingRegion: string | null; originRegion: string | null }, supervisorRegion: string): boolean {
  return regionWithin(row.owingRegion, supervisorRegion) || regionWithin(row.originRegion, supervisorRegion);
}

/** `police:210100` → { kind: 'police', region: '210100' }; anything else (e.g. an organisation) → kind 'other', no region. */
export function splitAgencyId(agencyId: string | null | undefined): { kind: string; region: string | null } {
  const m = /^(enforcement|police|procuratorate|court):(\d{6})$/.exec(agencyId ?? '');
  if (!m) return { kind: 'other', region: null };
  return { kind: m[1]!, region: m[2]! };
}

/**
 * Where an escalation goes by default: the owing agency's kind one level up the division hierarchy
 * (county PPCCDD → city PPCC00 → province PP0000 → national).
 */
export function escalationTarget(owingAgencyId: string): string {
  const { kind, region } = splitAgencyId(owingAgencyId);
  if (!region || kind === 'other') return 'national';
  if (region.endsWith('0000')) return 'national';
  if (region.endsWith('00')) return `${kind}:${region.slice(0, 2)}0000`;
  return `${kind}:${region.slice(0, 4)}00`;
}
