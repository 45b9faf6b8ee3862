/**
 * Administrative division codes (GB/T 2260, 6 digits PP CC DD = province, city, county) and the one
 * "lies within" rule of every region-scoped role (supervisors, auditors): a province-level office
 * (PP0000) covers every region PPxxxx, a city-level office (PPCC00) covers PPCCxx, a county-level office
 * (PPCCDD) only itself, and 000000 (national) covers everything.
 */

export const NATIONAL_REGION = '000000';
const REGION = /^\d{6}$/;

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION.test(value);
}

/** The scope key an office of `region` matches with; null = national (everything). */
export function supervisorScopeKey(region: string): string | null {
  if (!isRegionCode(region)) throw new Error(`invalid region code '${region}'`);
  if (region === NATIONAL_REGION) return null;
  if (region.endsWith('0000')) return region.slice(0, 2);
  if (region.endsWith('00')) return region.slice(0, 4);
  return region;
}

/** Every key a region is matched by: its province, its city and itself ('210102' → 21, 2101, 210102). */
export function regionKeys(region: string | null | undefined): string[] {
  if (!isRegionCode(region) || region === NATIONAL_REGION) return [];
  const keys = new Set<string>([region.slice(0, 2)]);
  if (!region.endsWith('0000')) keys.add(region.slice(0, 4));
  keys.add(region);
  return [...keys];
}

/** Whether a region lies within the region of a scoped office (same rule as the SQL `scope_keys @> ARRAY[key]`). */
export function regionWithin(region: string | null | undefined, scopeRegion: string): boolean {
  const key = supervisorScopeKey(scopeRegion);
  if (key === null) return true;
  return regionKeys(region).includes(key);
}
