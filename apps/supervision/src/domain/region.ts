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

import { regionKeys, regionWithin, supervisorScopeKey } from '@casebridge/contracts';

// The division-code rule lives in libs/contracts (division.ts), shared with the audit service's scope.
export { isRegionCode, NATIONAL_REGION, regionKeys, regionWithin, supervisorScopeKey } from '@casebridge/contracts';

export type ScopeLevel = 'national' | 'province' | 'city' | 'county';

export function scopeLevel(region: string): ScopeLevel {
  const key = supervisorScopeKey(region);
  if (key === null) return 'national';
  return key.length === 2 ? 'province' : key.length === 4 ? 'city' : 'county';
}

/** The scope keys of a row: union of the owing agency's and the case origin's region keys. */
export function scopeKeys(...regions: (string | null | undefined)[]): string[] {
  return [...new Set(regions.flatMap((r) => regionKeys(r)))].sort();
}

/** A row with an owing region and a case origin region is visible to the supervisor. */
export function visibleTo(row: { owingRegion: string | null; originRegion: string | null }, supervisorRegion: string): boolean {
  return regionWithin(row.owingRegion, supervisorRegion) || regionWithin(row.originRegion, supervisorRegion);
}

/**
 * Who may press whom (press 催办 and escalate; README "Who may press whom"). Seeing a step is not
 * enough: a supervisor acts on a step only when
 *   1. the OWING agency's region lies within the supervisor's region (a step seen only through the
 *      case's origin region is owed to an office outside the supervisor's scope), and
 *   2. the owing agency is of a kind the supervisor's office supervises: a procuratorate supervises
 *      every kind (the legal-supervision organ, PRC Constitution art 134; filing supervision of the
 *      police, flows.md §2; procuratorial opinions to enforcement agencies, E17 art 14), an
 *      enforcement, police or court office only its own kind (its own line of hierarchy). So a court
 *      supervisor cannot press a police step.
 * Returns null when allowed, else the reason (403 STEP.OUTSIDE_SUPERVISORY_SCOPE).
 */
export function pressRefusal(supervisor: { agencyId: string; region: string }, owingAgencyId: string): string | null {
  const owing = splitAgencyId(owingAgencyId);
  const own = splitAgencyId(supervisor.agencyId);
  if (!regionWithin(owing.region, supervisor.region)) {
    return `${owingAgencyId} is outside your supervisory region (${supervisor.region}); a supervisor of its region presses it.`;
  }
  if (own.kind !== 'procuratorate' && own.kind !== owing.kind) {
    return `A ${own.kind} supervisor presses ${own.kind} offices only; ${owingAgencyId} is supervised by the procuratorate or its own ${owing.kind} hierarchy.`;
  }
  return null;
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
